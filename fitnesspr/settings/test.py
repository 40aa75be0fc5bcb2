"""Test settings: fast hashing, plain static storage, eager tasks, in-memory email."""

from .base import *  # noqa: F403
from .base import STORAGES, env

DEBUG = False
SECRET_KEY = "test-secret-key-that-is-long-enough-for-hmac-signing-0123456789"
SIMPLE_JWT["SIGNING_KEY"] = SECRET_KEY  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# As in production (Redis): sessions read from the cache, kept in the database. One
# process here, so the in-memory cache is safe when no REDIS_URL is set.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/fitnesspr-test-media")  # noqa: S108
PRIVATE_MEDIA_ROOT = env.path(
    "TEST_PRIVATE_MEDIA_ROOT",
    default="/tmp/fitnesspr-test-private-media",  # noqa: S108
)
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
# Serve static files straight from the finders: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
