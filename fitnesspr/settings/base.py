"""Settings shared by every environment. Every value comes from the environment with a
safe development default, so a fresh clone runs with no configuration at all."""

from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is convenient in development; the real environment always wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="dev-insecure-secret-key-change-me")
DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Links in emails and printed by `make run`; follows PORT (make run's) unless set.
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "fitnesspr",
    "trainers",
    "clients",
    "programs",
    "nutrition",
    "progress",
    "billing",
    "portability",
]

MIDDLEWARE = [
    "fitnesspr.requestlog.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # after whitenoise: static files are not requests worth counting
    "fitnesspr.metrics.MetricsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "fitnesspr.urls"
WSGI_APPLICATION = "fitnesspr.wsgi.application"
AUTH_USER_MODEL = "fitnesspr.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A kept connection is checked before a request uses it, so one the database closed (a
# restart, a failover) is replaced instead of failing the request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# psycopg's connection pool (PostgreSQL): DATABASE_POOL=true, as `make serve` and
# compose.yaml run. It measured a little faster than kept connections (no health-check
# query per request; README, "Deploying"). It replaces CONN_MAX_AGE (Django requires 0).
if env.bool("DATABASE_POOL", default=False):
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_POOL needs PostgreSQL.")
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
        "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Bearer token for /metrics (Prometheus); unset, the endpoint answers 404 (DEBUG aside).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "fitnesspr.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions in the database: every web process reads the same ones (no sticky sessions),
# and signing out or a new PIN ends them there. With Redis each is also kept in the
# cache (written and deleted in both), so a request reads its session without a query;
# a cache that lost it falls back to the database. Never one process's memory: another
# process would keep a session signed out elsewhere.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's password backend, loading each request's user with their profile in one
# query. Sessions signed in before it name Django's ModelBackend: it stays second so they
# last until they expire (SESSION_COOKIE_AGE, two weeks), then it can go.
AUTHENTICATION_BACKENDS = [
    "fitnesspr.auth.UserProfileBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "trainers:login"
LOGIN_REDIRECT_URL = "progress:dashboard"
LOGOUT_REDIRECT_URL = "trainers:login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Private files (progress photos) live outside MEDIA_ROOT, where no URL reaches them;
# they are served only through views that check who is asking (fitnesspr/storage.py).
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "fitnesspr.storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# S3-compatible object storage (AWS S3, MinIO, R2...) for uploads when configured, so
# every web process and worker sees the same files. Public media under `media/`; private
# files under `private/`, never public: their URLs are signed and live a few minutes,
# and only the access-checking views hand them out (fitnesspr/storage.py).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="s3" if AWS_STORAGE_BUCKET_NAME else "local")
PRIVATE_MEDIA_URL_SECONDS = env.int("PRIVATE_MEDIA_URL_SECONDS", default=300)
MEDIA_ORIGINS: list[str] = []  # where pages may load images from besides ourselves
if MEDIA_STORAGE == "s3":
    if not AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    _endpoint = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    _region = env.str("AWS_S3_REGION_NAME", default="") or None
    _s3: dict[str, Any] = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": _endpoint,
        "region_name": _region,
        "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
        # Path-style URLs (endpoint/bucket/key) for S3-compatible services; AWS: auto.
        "addressing_style": "path" if _endpoint else "auto",
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "media", "querystring_auth": False},
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": PRIVATE_MEDIA_URL_SECONDS,
        },
    }
    if _endpoint:
        MEDIA_ORIGINS = ["{0.scheme}://{0.netloc}".format(urlsplit(_endpoint))]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _region:
            MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com")
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE is 'local' (the default) or 's3'.")
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT (it is public).")
# Progress photo uploads: larger files and bigger images are refused before decoding.
PHOTO_MAX_UPLOAD_MB = env.int("PHOTO_MAX_UPLOAD_MB", default=10)
PHOTO_MAX_MEGAPIXELS = env.int("PHOTO_MAX_MEGAPIXELS", default=50)
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Email: one EMAIL_URL (console by default, so a laptop needs no mail server), e.g.
# smtp+tls://user:password@smtp.example.com:587 in production.
_email = env.email_url_config(env.str("EMAIL_URL", default="consolemail://"))
_smtp_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _smtp_options if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="FitnessPr <no-reply@fitnesspr.local>")

# Security headers. Our pages need no inline script or style, so the policy is strict.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from <body hx-headers>, not the cookie

# Client PIN login (see clients/services/sign_in.py).
PIN_LENGTH = env.int("PIN_LENGTH", default=6)
PIN_MAX_FAILED_ATTEMPTS = env.int("PIN_MAX_FAILED_ATTEMPTS", default=10)
PIN_LOCKOUT_MINUTES = env.int("PIN_LOCKOUT_MINUTES", default=60)
REMEMBER_DEVICE_DAYS = env.int("REMEMBER_DEVICE_DAYS", default=90)
#: the portal's "remember this device" cookie (names a client and their PIN version, signed)
REMEMBER_DEVICE_COOKIE = "fitnesspr_device"
# Per-IP cap on portal sign-in attempts (fitnesspr/ratelimit.py), on top of the
# per-client lockout: it slows a guesser who walks through many emails.
PORTAL_LOGIN_IP_LIMIT = env.int("PORTAL_LOGIN_IP_LIMIT", default=30)
PORTAL_LOGIN_IP_WINDOW_SECONDS = env.int("PORTAL_LOGIN_IP_WINDOW_SECONDS", default=600)
# The same cap on the trainers' password sign-in page.
TRAINER_LOGIN_IP_LIMIT = env.int("TRAINER_LOGIN_IP_LIMIT", default=30)
TRAINER_LOGIN_IP_WINDOW_SECONDS = env.int("TRAINER_LOGIN_IP_WINDOW_SECONDS", default=600)
# Sign-up and password-reset forms send an email each time: every submission counts.
SIGNUP_IP_LIMIT = env.int("SIGNUP_IP_LIMIT", default=10)
PASSWORD_RESET_IP_LIMIT = env.int("PASSWORD_RESET_IP_LIMIT", default=10)
ACCOUNT_FORMS_IP_WINDOW_SECONDS = env.int("ACCOUNT_FORMS_IP_WINDOW_SECONDS", default=3600)
# Per-IP limits read REMOTE_ADDR; behind N trusted proxies set NUM_PROXIES=N so the client
# address comes from X-Forwarded-For (a spoofed header must not reset the count).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# Stripe: off unless a secret key is configured; manual payments always work.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")  # tests point this at a local stub

# Celery: with no REDIS_URL tasks run eagerly in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# A task whose worker died (killed, out of memory) goes back to the queue, not lost.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis hands an unacknowledged task to another worker after this many seconds: longer
# than any task may run (the hard time limits below), shorter than anyone would wait.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)
}
EMAIL_TASK_SOFT_TIME_LIMIT = env.int("EMAIL_TASK_SOFT_TIME_LIMIT", default=30)
EMAIL_TASK_TIME_LIMIT = env.int("EMAIL_TASK_TIME_LIMIT", default=60)
# A progress report renders in a second or two; a year of full data stays well inside.
REPORT_TASK_SOFT_TIME_LIMIT = env.int("REPORT_TASK_SOFT_TIME_LIMIT", default=120)
REPORT_TASK_TIME_LIMIT = env.int("REPORT_TASK_TIME_LIMIT", default=180)
# Worker tests only: seconds a report render waits first, to be caught (and killed) mid-way.
REPORT_RENDER_DELAY_SECONDS = env.float("REPORT_RENDER_DELAY_SECONDS", default=0)
# A trainer's export (every row they own and their clients' photos) may take minutes.
EXPORT_TASK_SOFT_TIME_LIMIT = env.int("EXPORT_TASK_SOFT_TIME_LIMIT", default=900)
EXPORT_TASK_TIME_LIMIT = env.int("EXPORT_TASK_TIME_LIMIT", default=960)
# An export brought in: refused above these (no zip bomb is ever unpacked).
IMPORT_MAX_UPLOAD_MB = env.int("IMPORT_MAX_UPLOAD_MB", default=500)
IMPORT_MAX_UNCOMPRESSED_MB = env.int("IMPORT_MAX_UNCOMPRESSED_MB", default=2048)
IMPORT_MAX_FILES = env.int("IMPORT_MAX_FILES", default=50000)
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
# Task modules in packages of tasks (autodiscovery finds only `<app>.tasks` itself).
CELERY_IMPORTS = [
    "progress.tasks.reports",
    "progress.tasks.reminders",
]
# The periodic jobs `make beat` runs. The reminder jobs work out every client's and
# trainer's local time themselves, so a frequent run sends each email at the chosen time;
# keys in the outbox make a second run (or a second beat) send nothing more.
CELERY_BEAT_SCHEDULE = {
    "weekly-progress-reports": {
        "task": "progress.tasks.reports.queue_weekly_progress_reports",
        "schedule": crontab(minute="0", hour="6", day_of_week="mon"),
    },
    "workout-reminders": {
        "task": "progress.tasks.reminders.send_workout_reminders",
        "schedule": 15 * 60,
    },
    "check-in-reminders": {
        "task": "progress.tasks.reminders.send_check_in_reminders",
        "schedule": 15 * 60,
    },
    "overdue-invoices": {
        "task": "progress.tasks.reminders.flag_overdue_invoices",
        "schedule": 60 * 60,
    },
    "weekly-summaries": {
        "task": "progress.tasks.reminders.send_weekly_summaries",
        "schedule": 15 * 60,
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "fitnesspr.api.auth.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["fitnesspr.api.renderers.EnvelopeJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "fitnesspr.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "fitnesspr.api.pagination.EnvelopePagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "fitnesspr.api.exceptions.envelope_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "fitnesspr.api.schema.EnvelopeAutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "fitnesspr.api.filters.FilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON", default="600/min"),
        "user": env.str("THROTTLE_USER", default="1200/min"),
        "auth": env.str("THROTTLE_AUTH", default="60/min"),
        "pin": env.str("THROTTLE_PIN", default="30/min"),
    },
    "NUM_PROXIES": NUM_PROXIES,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "USER_ID_CLAIM": "sub",
    "USER_ID_FIELD": "id",
    "SIGNING_KEY": env.str("JWT_SIGNING_KEY", default=SECRET_KEY),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "FitnessPr API",
    "DESCRIPTION": (
        "The REST API of FitnessPr, the software a personal trainer runs their business on."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "fitnesspr.api.schema.describe_api",
    ],
    # Several models have a "status": give each choice set its own stable enum name.
    "ENUM_NAME_OVERRIDES": {
        "ClientStatusEnum": "clients.models.ClientStatus",
        "AssignmentStatusEnum": "programs.models.AssignmentStatus",
        "AssignmentEndStatusEnum": ["ended", "completed"],
        "WorkoutStatusEnum": "progress.models.WorkoutStatus",
        "PaymentKindEnum": "billing.models.payments.PaymentKind",
        "UploadKindEnum": ["progress_photo"],
        # two "goal" fields (a program's, the target formula's): a name each
        "ProgramGoalEnum": "programs.models.ProgramGoal",
        "NutritionGoalEnum": "nutrition.models.Goal",
    },
    # No validator badge: it would load an image from swagger.io (no internet, strict CSP).
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": True,
        "persistAuthorization": True,
        "validatorUrl": None,
    },
}


# Every line carries the request id; LOG_FORMAT=json (production's default) writes one
# JSON object per line for a log collector, "text" is for people.
def logging_config(log_format: str) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "fitnesspr.requestlog.RequestIdFilter"}},
        "formatters": {
            "text": {"format": "%(levelname)s [%(request_id)s] %(name)s: %(message)s"},
            "json": {"()": "fitnesspr.requestlog.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
        "loggers": {
            # runserver prints its own access line; ours (fitnesspr.requests) has the id
            "django.server": {"level": "WARNING"},
            "fitnesspr.requests": {"level": env.str("ACCESS_LOG_LEVEL", default="INFO")},
            "celery": {"level": env.str("CELERY_LOG_LEVEL", default="INFO")},
            # The Stripe SDK logs every request at INFO: keep its warnings only.
            "stripe": {"level": "WARNING"},
            # WeasyPrint logs each layout step, and every SVG property its HTML CSS parser
            # skips (the charts' colours, which the SVG itself reads): errors only.
            "weasyprint": {"level": "ERROR"},
            # fontTools, which WeasyPrint calls to embed fonts, logs each table it
            # prunes from each font of each PDF at INFO: a dozen lines per invoice.
            "fontTools": {"level": "WARNING"},
        },
    }


LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = logging_config(LOG_FORMAT)
