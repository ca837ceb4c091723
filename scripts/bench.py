"""Measure page times and SQL query counts on a throwaway database: `make bench`.

Each case builds its data, warms up, then times N requests through Django's test client (the full
middleware stack, no network). Prints a Markdown table for BENCHMARKS.md. Uses SQLite unless DATABASE_URL
points elsewhere.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silvercentre.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
Case = tuple[str, Callable[[], None], Callable[[Client, int], object]]


def _staff_client() -> Client:
    from silvercentre.roles import COORDINATORS
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="bench-coordinator", groups=[COORDINATORS]))
    return client


def _volunteers(count: int) -> Callable[[], None]:
    def build() -> None:
        from tests.factories import SkillFactory, VolunteerFactory
        from volunteers.models import Volunteer

        missing = count - Volunteer.objects.count()
        if missing > 0:
            skills = SkillFactory.create_batch(3)
            VolunteerFactory.create_batch(missing, skills=skills)

    return build


def _signup_post(client: Client, n: int) -> object:
    return client.post(
        "/volunteers/signup/",
        {
            "last_name": "Петрова",
            "first_name": "Анна",
            "date_of_birth": "12.04.1956",
            "phone": f"+7 978 9{n:06d}",
            "district": "gagarinsky",
            "consent": "on",
        },
        REMOTE_ADDR=f"10.{n // 250}.{n % 250}.1",
    )


def cases() -> list[Case]:
    staff = _staff_client()
    return [
        ("GET /", lambda: None, lambda c, n: c.get("/")),
        ("GET /projects/ (demo data)", lambda: None, lambda c, n: c.get("/projects/")),
        ("GET /events/ (demo data)", lambda: None, lambda c, n: c.get("/events/")),
        ("GET /events/feed.ics (demo data)", lambda: None, lambda c, n: c.get("/events/feed.ics")),
        ("GET /council/resolutions/ (demo data)", lambda: None, lambda c, n: c.get("/council/resolutions/")),
        ("GET /healthz/", lambda: None, lambda c, n: c.get("/healthz/")),
        ("GET /volunteers/signup/", lambda: None, lambda c, n: c.get("/volunteers/signup/")),
        ("POST /volunteers/signup/ (valid)", lambda: None, _signup_post),
        (
            "admin volunteer list, 200 rows",
            _volunteers(200),
            lambda c, n: staff.get("/admin/volunteers/volunteer/"),
        ),
        (
            "admin volunteer list, 2000 rows",
            _volunteers(2000),
            lambda c, n: staff.get("/admin/volunteers/volunteer/"),
        ),
        (
            "admin search by phone, 2000 rows",
            lambda: None,
            lambda c, n: staff.get("/admin/volunteers/volunteer/", {"q": "8 979 000 00 17"}),
        ),
    ]


def main() -> None:
    from silvercentre.celery import app

    app.conf.task_always_eager = True
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "volunteer_signup": "100000/h/ip"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.core.management import call_command

        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        rows = []
        counter = 0
        for name, build, request in cases():
            build()
            client = Client()
            for _ in range(3):
                counter += 1
                request(client, counter)
            timings = []
            for _ in range(REQUESTS):
                counter += 1
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = request(client, counter)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code < 400, (name, response.status_code)
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            rows.append((name, statistics.median(timings), p95, len(queries.captured_queries)))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"Measured {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, database {engine}, {REQUESTS} requests per case.\n"
    )
    print("| case | median, ms | p95, ms | SQL queries |")
    print("| --- | ---: | ---: | ---: |")
    for name, median, p95, queries in rows:
        print(f"| {name} | {median:.1f} | {p95:.1f} | {queries} |")


if __name__ == "__main__":
    main()
