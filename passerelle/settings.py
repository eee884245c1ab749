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

# The cache shared by every web process and worker: Redis when REDIS_URL is set (what a site with
# several processes needs), else each process's own memory (the demo, one process).
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "passerelle"}}

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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

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

# Background work (django-tasks): the database backend queues jobs for `manage.py db_worker`;
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
# Impact figures: the kept sets (all territories, each territory) older than this are recomputed by a
# background job while pages show them with their time; other filter sets stay this long in the cache.
# 0: every figure computed at each request (passerelle/reports/figures.py).
REPORTS_REFRESH_SECONDS = int(os.environ.get("REPORTS_REFRESH_SECONDS", "600"))
# Suggested partners: up to this many people the matching index is rebuilt inside the request that
# first sees a changed directory; above, by a background job writing a snapshot into SUGGESTIONS_INDEX_DIR.
SUGGESTIONS_SYNC_REBUILD_LIMIT = int(os.environ.get("SUGGESTIONS_SYNC_REBUILD_LIMIT", "1000"))
SUGGESTIONS_INDEX_DIR = Path(os.environ.get("SUGGESTIONS_INDEX_DIR", BASE_DIR / "var" / "suggestions"))



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
