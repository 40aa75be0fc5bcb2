"""Production settings: refuse to start with DEBUG on or a weak SECRET_KEY or
JWT_SIGNING_KEY (a guessable JWT key lets anyone forge a token)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DEBUG, SECRET_KEY, SIMPLE_JWT, env, logging_config

_WEAK_KEYS = {"dev-insecure-secret-key-change-me", "changeme", "secret", ""}


def _weak(key: str) -> bool:
    return key in _WEAK_KEYS or len(key) < 50 or len(set(key)) < 5


if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (set DEBUG=false).")
if _weak(SECRET_KEY):
    raise ImproperlyConfigured("SECRET_KEY is missing or weak: use at least 50 random characters.")
if _weak(SIMPLE_JWT["SIGNING_KEY"]):
    raise ImproperlyConfigured(
        "JWT_SIGNING_KEY is weak: leave it unset (SECRET_KEY signs tokens) or use at least "
        "50 random characters."
    )
# Shared state lives where every web process sees it: sessions, the JWT blacklist and
# PIN lockouts in the database; the cache — API throttles, per-IP sign-in limits, the
# counts of unknown-email PIN tries, metrics — in Redis. One process's memory would let
# a second process forget a lockout, so production refuses to run without Redis.
if CACHES["default"]["BACKEND"] != "fitnesspr.cache.RedisCache":
    raise ImproperlyConfigured(
        "REDIS_URL is required in production: throttles and sign-in limits must be shared "
        "by every web process."
    )

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# One JSON object per log line, for a log collector (LOG_FORMAT=text to read them).
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_config(LOG_FORMAT)
