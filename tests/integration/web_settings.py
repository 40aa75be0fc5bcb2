"""Production settings as the two-web-processes test runs them: everything production
does (Redis cache, whitenoise's compressed manifest, JSON logs), plus what a test needs —
the factories' fast password hashes are accepted, and static files are collected into a
temporary folder instead of the checkout."""

from django.conf import global_settings

from fitnesspr.settings.production import *  # noqa: F403
from fitnesspr.settings.production import env

PASSWORD_HASHERS = [
    *global_settings.PASSWORD_HASHERS,
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
STATIC_ROOT = env.path("TEST_STATIC_ROOT")
# The same hashed names as production, without compressing every file (a minute of CPU).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
