"""Shared fixtures: personas (coordinator, secretary, anonymous), a clean cache and mail outbox."""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.test import Client

from silvercentre.celery import app as celery_app
from silvercentre.roles import COORDINATORS, SECRETARIES
from tests.factories import UserFactory

# Redis database numbers are per-run configurable so parallel runs on one machine do not collide.
USES_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture(scope="session", autouse=True)
def _plain_http_for_the_live_server():
    """The live server's middleware reads these once, before per-test settings apply: set them first."""
    from django.conf import settings as django_settings

    django_settings.SECURE_SSL_REDIRECT = False
    django_settings.SECURE_HSTS_SECONDS = 0
    django_settings.SESSION_COOKIE_SECURE = False
    django_settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _plain_http_and_clean_cache(settings):
    """Tests speak plain HTTP; every test starts with an empty cache (the rate limits live there)."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The database cache is rolled back with each test's transaction; Redis must be emptied by hand.
    shared = "RedisCache" in settings.CACHES["default"]["BACKEND"]
    if shared:
        cache.clear()
    yield
    if shared:
        cache.clear()


@pytest.fixture(autouse=True)
def _eager_celery():
    """Run tasks in-process by default; tests marked `worker` use a real worker on Redis instead."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=[COORDINATORS])


@pytest.fixture
def secretary(db):
    return UserFactory(username="secretary", groups=[SECRETARIES])


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def secretary_client(secretary) -> Client:
    client = Client()
    client.force_login(secretary)
    return client


@pytest.fixture
def celery_worker_on_redis(transactional_db):
    """Start a real Celery worker (in a thread) consuming from the Redis broker in CELERY_BROKER_URL."""
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("needs a real broker: set CELERY_BROKER_URL (CI points it at Redis)")
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        yield celery_app
    celery_app.conf.task_always_eager = True


def wait_for(predicate, *, timeout: float = 30.0, interval: float = 0.1):
    """Poll until predicate() is truthy and return its value; fail the test after timeout seconds."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout} s")
