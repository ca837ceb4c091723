"""Settings of the Silver Centre portal: one file, every value from the environment.

Defaults serve the embedded mode (`make run`): SQLite under var/, Celery eager, mail to the console.
Production (DEBUG off) refuses to start without SECRET_KEY.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from silvercentre.env import env_bool, env_decimal, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or run in development mode with DEBUG=1."
        )
    # Development only (`make run` sets DEBUG=1): a production process never gets here.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production-" + "x" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_filters",
    "simple_history",
    "silvercentre",
    "volunteers",
    "projects",
    "events",
    "council",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "silvercentre.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "silvercentre.urls"
WSGI_APPLICATION = "silvercentre.wsgi.application"

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
                "django.template.context_processors.i18n",
                "silvercentre.context_processors.site",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL points elsewhere (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'silvercentre.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Waiting for the write lock beats failing with "database is locked" under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every process, because allauth's and the signup's rate limits live in it.
REDIS_CACHE_URL = env_str("REDIS_CACHE_URL") or env_str("CACHE_URL")
if REDIS_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "silvercentre"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "silvercentre_cache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "silvercentre"),
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: staff sign in here; public self-registration of accounts is closed.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_ADAPTER = "silvercentre.adapters.StaffOnlyAccountAdapter"
ACCOUNT_FORMS = {"login": "silvercentre.forms.StaffLoginForm"}
ACCOUNT_PASSWORD_MIN_LENGTH = 12
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    # Public volunteer signup, checked by volunteers.views through allauth's rate limiter.
    "volunteer_signup": env_str("SIGNUP_RATE_LIMIT", "20/h/ip"),
    # Public event submission, checked by events.views the same way.
    "event_submit": env_str("EVENT_SUBMIT_RATE_LIMIT", "10/h/ip"),
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Simferopol"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Серебряный центр <noreply@silver-sevastopol.ru>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where notices of new signups go, in addition to every active member of «Координаторы».
COORDINATOR_EMAILS = env_list("COORDINATOR_EMAILS", [])

# Celery: without a broker, tasks run eagerly in-process (the embedded mode).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    # Nightly at 03:15: anonymise volunteers whose consent withdrawal has come due (152-ФЗ, at most 30 days).
    "volunteers-anonymise-due": {
        "task": "volunteers.tasks.anonymise_due_withdrawals",
        "schedule": crontab(hour=3, minute=15),
    },
    # Every 5 minutes: requeue once, or fail with a reason, reports stuck «формируется» past their time limit.
    "reports-sweep-stale": {
        "task": "reports.tasks.sweep_stale_reports",
        "schedule": crontab(minute="*/5"),
    },
    # On the 1st of each month at 06:00: the activity report for the previous month, as PDF and XLSX.
    "reports-monthly-activity": {
        "task": "reports.tasks.order_monthly_activity_report",
        "schedule": crontab(day_of_month=1, hour=6, minute=0),
    },
    # Nightly at 04:30: delete report files older than REPORTS_KEEP_DAYS.
    "reports-delete-old": {
        "task": "reports.tasks.delete_old_reports",
        "schedule": crontab(hour=4, minute=30),
    },
    # Mondays at 08:00: e-mail the council's digest of decisions overdue or due within 14 days.
    "council-execution-digest": {
        "task": "council.tasks.send_execution_digest",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
    },
}

# Personal data: days between a recorded consent withdrawal and anonymisation (the law allows up to 30).
WITHDRAWAL_ANONYMISE_AFTER_DAYS = env_int("WITHDRAWAL_ANONYMISE_AFTER_DAYS", 0)
if not 0 <= WITHDRAWAL_ANONYMISE_AFTER_DAYS <= 30:
    raise ImproperlyConfigured("WITHDRAWAL_ANONYMISE_AFTER_DAYS must be between 0 and 30")

# Volunteer hours valued as an in-kind contribution to projects, roubles per hour (funding reports use it).
VOLUNTEER_HOUR_RATE = env_decimal("VOLUNTEER_HOUR_RATE", Decimal("250.00"))
if VOLUNTEER_HOUR_RATE < 0:
    raise ImproperlyConfigured("VOLUNTEER_HOUR_RATE cannot be negative")

# Reports: time limits of one report (seconds), starts allowed before a stuck one fails, days files are kept.
REPORTS_SOFT_TIME_LIMIT = env_int("REPORTS_SOFT_TIME_LIMIT", 300)
REPORTS_TIME_LIMIT = env_int("REPORTS_TIME_LIMIT", 360)
if not 0 < REPORTS_SOFT_TIME_LIMIT < REPORTS_TIME_LIMIT:
    raise ImproperlyConfigured("REPORTS_SOFT_TIME_LIMIT must be positive and below REPORTS_TIME_LIMIT")
REPORTS_MAX_ATTEMPTS = env_int("REPORTS_MAX_ATTEMPTS", 2)
if REPORTS_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured("REPORTS_MAX_ATTEMPTS must be at least 1")
REPORTS_KEEP_DAYS = env_int("REPORTS_KEEP_DAYS", 90)
if REPORTS_KEEP_DAYS < 1:
    raise ImproperlyConfigured("REPORTS_KEEP_DAYS must be at least 1")

SITE_NAME = _("Regional Centre of Silver Volunteering in Sevastopol")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_CONTACT_PHONE = env_str("SITE_CONTACT_PHONE", "+7 (8692) 00-00-00")
SITE_CONTACT_EMAIL = env_str("SITE_CONTACT_EMAIL", "silver@example.org")
SITE_CONTACT_ADDRESS = env_str("SITE_CONTACT_ADDRESS", "г. Севастополь")

# Security: strict by default when DEBUG is off; a reverse proxy terminates TLS in production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; only its warnings (missing fonts, bad CSS) matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
