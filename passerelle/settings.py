"""Passerelle settings: one module, configured by environment variables.

Development and the demo run with the defaults (SQLite, DEBUG on, console e-mail);
production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and the e-mail variables.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-" + "x" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "passerelle.core",
    "passerelle.accounts",
    "passerelle.directory",
    "passerelle.events",
    "passerelle.privacy",
    "passerelle.jobs",
    "passerelle.reports",
    "passerelle.meetings",
    "passerelle.projects",
    "passerelle.funding",
    "passerelle.suggestions",
    "passerelle.publications",
    "passerelle.demo",
]

MIDDLEWARE = [
    "passerelle.core.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "passerelle.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "passerelle.core.typography_middleware.FrenchTypographyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "passerelle.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "passerelle.urls"
WSGI_APPLICATION = "passerelle.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request, so a restarted database is reconnected to.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short: PostgreSQL's JIT compiler, triggered by large row estimates (a count
    # or a ranking over the directory), spent 20-25 ms compiling each of them for nothing.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's web server and worker share one file: writers queue (IMMEDIATE, 20 s) instead of
    # failing with "database is locked"; core/sqlite.py turns on write-ahead logging.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache shared by every web process and worker: Redis when REDIS_URL is set, else a table of
# the database (created by `migrate`, core/apps.py), so that processes still share one cache.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "passerelle"}}
else:
    # 300 entries by default: too few for the kept figures of every filter set; past the limit a
    # third of the entries is dropped.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                          "LOCATION": "passerelle_cache", "KEY_PREFIX": "passerelle",
                          "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "5000"))}}}
# Reads that many people share (directory pages and counts, filter options, event pages) are kept in
# that cache and dropped by every write (core/read_cache.py); READ_CACHE=0 computes them every time.
READ_CACHE = os.environ.get("READ_CACHE", "1") != "0"
READ_CACHE_SECONDS = int(os.environ.get("READ_CACHE_SECONDS", "600"))

AUTH_USER_MODEL = "accounts.User"
# Axes first: it refuses sign-in attempts while an address or account is locked out.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "passerelle.accounts.backends.RoleBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "directory:people"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

FORMS_URLFIELD_ASSUME_HTTPS = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
# Uploaded documents: files under MEDIA_ROOT (MEDIA_STORAGE=local, the default) or any S3-compatible
# object store (MEDIA_STORAGE=s3, django-storages). Keys come from the usual AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY variables (or the machine's role), read by boto3, never kept here. Objects stay
# private: documents are only ever read by Passerelle's download view, never linked to.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").strip().lower()
if MEDIA_STORAGE == "local":
    MEDIA_STORAGE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME must be set when MEDIA_STORAGE=s3.")
    MEDIA_STORAGE_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads (imports) are read in memory and bounded.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "20000"))
# Further limits of an import file, checked while it is read (core/table_files.py): an XLSX file is
# a zip that may inflate far beyond its size, and its sheet may claim any number of cells.
IMPORT_MAX_COLUMNS = int(os.environ.get("IMPORT_MAX_COLUMNS", "100"))
IMPORT_MAX_CELLS = int(os.environ.get("IMPORT_MAX_CELLS", "500000"))
IMPORT_MAX_UNCOMPRESSED_BYTES = int(os.environ.get("IMPORT_MAX_UNCOMPRESSED_BYTES", str(64 * 1024 * 1024)))
IMPORT_MAX_COMPRESSION_RATIO = int(os.environ.get("IMPORT_MAX_COMPRESSION_RATIO", "100"))
IMPORT_MAX_SECONDS = float(os.environ.get("IMPORT_MAX_SECONDS", "30"))
# Documents attached by users (core/uploads.py checks size, extension and content).
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024)))

# E-mail: console by default, SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Passerelle <no-reply@passerelle.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

INVITATION_MAX_AGE_DAYS = int(os.environ.get("INVITATION_MAX_AGE_DAYS", "14"))
# Profiles without consent and without activity for this long are flagged for review
# (``manage.py flag_inactive_profiles``; three years, as the CNIL recommends for contacts).
PRIVACY_RETENTION_DAYS = int(os.environ.get("PRIVACY_RETENTION_DAYS", str(3 * 365)))

# Background work (django-tasks): the database backend queues jobs for `manage.py jobs_worker`;
# TASKS_BACKEND=immediate runs them inside the request (tests, or a deployment with no worker).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_BACKEND", "database") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}
JOBS_STALLED_AFTER = int(os.environ.get("JOBS_STALLED_AFTER", "600"))
# Workers (docs/operations.md): each writes a heartbeat every JOBS_WORKER_BEAT_SECONDS; one silent for
# JOBS_WORKER_STALE_AFTER is dead: its job is run again by another worker, at most JOBS_MAX_ATTEMPTS
# times in all; a dead worker is reported by /healthz until JOBS_WORKER_FORGET_AFTER.
JOBS_WORKER_BEAT_SECONDS = float(os.environ.get("JOBS_WORKER_BEAT_SECONDS", "5"))
JOBS_WORKER_STALE_AFTER = int(os.environ.get("JOBS_WORKER_STALE_AFTER", "30"))
JOBS_WORKER_FORGET_AFTER = int(os.environ.get("JOBS_WORKER_FORGET_AFTER", "900"))
JOBS_MAX_ATTEMPTS = int(os.environ.get("JOBS_MAX_ATTEMPTS", "3"))
# Finished jobs and task results older than this are deleted by the periodic "prune" task.
JOBS_KEEP_DAYS = int(os.environ.get("JOBS_KEEP_DAYS", "90"))
# Impact figures: the kept sets (all territories, each territory) older than this are recomputed by a
# background job while pages show them with their time; other filter sets stay this long in the cache.
# 0: every figure computed at each request (passerelle/reports/figures.py).
REPORTS_REFRESH_SECONDS = int(os.environ.get("REPORTS_REFRESH_SECONDS", "600"))
# Suggested partners: up to this many people the matching index is rebuilt inside the request that
# first sees a changed directory; above, by a worker storing a snapshot in the database for every process.
SUGGESTIONS_SYNC_REBUILD_LIMIT = int(os.environ.get("SUGGESTIONS_SYNC_REBUILD_LIMIT", "1000"))



def api_rate(variable: str, default: str) -> str | None:
    """An API rate from the environment: "120/minute" (per s, min, hour or day), or "off"."""
    value = os.environ.get(variable, default).strip().lower()
    if value in ("", "0", "off", "none"):
        return None
    if not re.fullmatch(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)", value):
        raise ImproperlyConfigured(f"{variable} must look like 120/minute (or off), not {value!r}.")
    return value


# Throttling of /api/ (core/api.py): anonymous callers per client address, signed-in ones per account.
API_RATE_ANON = api_rate("API_RATE_ANON", "120/minute")
API_RATE_USER = api_rate("API_RATE_USER", "600/minute")
REST_FRAMEWORK = {
    # A token first: its 401 answer carries "WWW-Authenticate: Bearer"; browsers use their session.
    "DEFAULT_AUTHENTICATION_CLASSES": ["passerelle.accounts.authentication.BearerTokenAuthentication",
                                       "rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": ["passerelle.core.api.ClientAddressThrottle", "passerelle.core.api.AccountThrottle"],
    "EXCEPTION_HANDLER": "passerelle.core.api.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "passerelle.core.api.StandardPagination",
    "DEFAULT_PARSER_CLASSES": ["passerelle.core.api.SafeJSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Passerelle API",
    "DESCRIPTION": "Directory of the Auvergne-Rhône-Alpes – Québec cancer research community. Scripts send a "
                   "personal token (account page, “API tokens”) as `Authorization: Bearer <token>`. Every error "
                   "is `{\"error\": {\"status\", \"code\", \"message\", \"fields\"}}` (the Error "
                   "component); too many calls get 429 with Retry-After.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every operation documents the one error shape (the "Error" component, core/api.py).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "passerelle.core.api.add_error_responses"],
    # Several models have a "kind" and a "status": name their enums, or the deploy check warns.
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "passerelle.events.enums.EventKind",
        "EventStatusEnum": "passerelle.events.enums.EventStatus",
        "OpportunityStatusEnum": "passerelle.projects.enums.OpportunityStatus",
        "ProjectStatusEnum": "passerelle.projects.enums.ProjectStatus",
        "CallStatusEnum": "passerelle.funding.enums.CallStatus",
        "ApplicationStatusEnum": "passerelle.funding.enums.ApplicationStatus",
        "CallRuleKindEnum": "passerelle.funding.enums.RuleKind",
        "ActorKindEnum": "passerelle.core.enums.ActorKind",
        "ProgrammeItemStatusEnum": "passerelle.events.enums.ItemStatus",
    },
}

# Security: strict by default when DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 3600)))
# Content-Security-Policy, Permissions-Policy: passerelle/core/middleware.py (directives may be
# overridden here, e.g. CONTENT_SECURITY_POLICY = {"img-src": "'self' data: https://tiles.example"}).
CONTENT_SECURITY_POLICY: dict[str, str] = {}

# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT failures for one account from one
# address, that pair is locked out for LOGIN_LOCKOUT_MINUTES; every attempt is kept for the admin.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "passerelle.core.throttling.username_of"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Password reset links: at most this many an hour per address (silently) and per client (429).
PASSWORD_RESET_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_PER_ADDRESS", "3"))
PASSWORD_RESET_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_PER_CLIENT", "10"))
PASSWORD_RESET_WINDOW_SECONDS = 3600
AXES_CLIENT_IP_CALLABLE = "passerelle.core.throttling.client_ip"
# How many reverse proxies put their address in X-Forwarded-For (0: trust REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs on standard error: JSON lines with the request id (LOG_FORMAT=json, the default when
# DEBUG=0) or plain text; the process manager or the container runtime collects them.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "passerelle.core.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "passerelle.core.request_log.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT if LOG_FORMAT in
                             ("json", "text") else "text", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Error reporting: with SENTRY_DSN set, unhandled errors go to Sentry (or a compatible service such as
# GlitchTip) with the Django integration; without it the SDK is not even imported. No personal data is
# sent: no user, cookies or client address (send_default_pii), no request bodies, no variable values.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "development" if DEBUG else "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# Publications: the sources' addresses (a fake server stands in for them in the browser tests),
# the contact address sent in the User-Agent, timeouts and the scheduled refresh.
PUBLICATIONS_CONTACT_EMAIL = os.environ.get("PUBLICATIONS_CONTACT_EMAIL", "")
PUBLICATIONS_ORCID_URL = os.environ.get("PUBLICATIONS_ORCID_URL", "https://pub.orcid.org/v3.0")
PUBLICATIONS_OPENALEX_URL = os.environ.get("PUBLICATIONS_OPENALEX_URL", "https://api.openalex.org")
PUBLICATIONS_HAL_URL = os.environ.get("PUBLICATIONS_HAL_URL", "https://api.archives-ouvertes.fr")
PUBLICATIONS_PUBMED_URL = os.environ.get("PUBLICATIONS_PUBMED_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils")
PUBLICATIONS_HTTP_TIMEOUT = float(os.environ.get("PUBLICATIONS_HTTP_TIMEOUT", "10"))
PUBLICATIONS_REFRESH_DAYS = int(os.environ.get("PUBLICATIONS_REFRESH_DAYS", "7"))
PUBLICATIONS_MAX_WORKS = int(os.environ.get("PUBLICATIONS_MAX_WORKS", "2000"))
