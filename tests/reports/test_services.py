"""Ordering and generating reports: once per request, retries on transient errors, readable failures."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from reports import services, tasks
from reports.kinds.funding import FundingReport
from reports.models import ReportFormat, ReportKind, ReportRequest
from tests.reports.conftest import FUNDING_PARAMETERS, stored_files

pytestmark = pytest.mark.django_db


def order(user=None, *, format=ReportFormat.PDF, kind=ReportKind.FUNDING, parameters=FUNDING_PARAMETERS):
    return services.report_request_create(kind=kind, format=format, parameters=parameters, ordered_by=user)


def test_ordering_queues_the_task_on_commit_and_eager_mode_makes_the_file(
    ledger, coordinator, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = order(coordinator, format=ReportFormat.XLSX)
    # Nothing runs before the order is committed.
    assert ReportRequest.objects.get(pk=request.pk).status == ReportRequest.Status.QUEUED
    assert len(callbacks) == 1
    callbacks[0]()

    request.refresh_from_db()
    assert request.status == ReportRequest.Status.READY
    assert request.progress == 100
    assert request.attempts == 1
    assert request.ordered_by == coordinator
    assert request.started_at <= request.finished_at
    content = request.file.read()
    assert content.startswith(b"PK")  # a zip container: XLSX
    assert request.size == len(content)
    assert request.sha256 == hashlib.sha256(content).hexdigest()
    assert request.filename == f"funding-2019-2021-{request.pk}.xlsx"
    assert stored_files(tmp_path) == [tmp_path / "private" / request.file.name]


def test_progress_is_stored_as_the_report_is_built(ledger, make_request, monkeypatch):
    request = make_request()
    seen: list[int] = []
    real_save = ReportRequest.save

    def spy(self, *args, **kwargs):
        if kwargs.get("update_fields") == ["progress"]:
            seen.append(self.progress)
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(ReportRequest, "save", spy)
    assert services.report_generate(request_id=request.pk)
    assert seen == sorted(seen) and len(seen) >= 5
    assert seen[0] == 5 and seen[-1] == 95
    request.refresh_from_db()
    assert request.progress == 100


def test_generating_the_same_request_twice_gives_one_file(ledger, make_request, tmp_path):
    request = make_request()
    assert services.report_generate(request_id=request.pk) is True
    first = ReportRequest.objects.get(pk=request.pk)
    assert services.report_generate(request_id=request.pk) is False
    # The task delivered twice (acks_late redelivery) does nothing either.
    assert tasks.generate_report.apply(args=[request.pk]).get() is False
    again = ReportRequest.objects.get(pk=request.pk)
    assert (again.file.name, again.sha256, again.attempts) == (first.file.name, first.sha256, 1)
    assert len(stored_files(tmp_path)) == 1


def flaky_build(monkeypatch, failures: int) -> dict[str, int]:
    """Make the funding build raise a lost-connection error `failures` times, then work."""
    real_build = FundingReport.build
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise OperationalError("server closed the connection unexpectedly")
        return real_build(self, *args, **kwargs)

    monkeypatch.setattr(FundingReport, "build", flaky)
    return calls


def test_the_task_retries_a_transient_database_error_and_then_succeeds(ledger, make_request, monkeypatch):
    request = make_request(format=ReportFormat.XLSX)
    calls = flaky_build(monkeypatch, failures=1)
    tasks.generate_report.apply(args=[request.pk], throw=False)
    request.refresh_from_db()
    assert calls["n"] == 2
    assert request.status == ReportRequest.Status.READY
    assert request.attempts == 2
    assert request.error == ""


def test_the_task_declares_its_retry_policy_and_time_limits(settings):
    task = tasks.generate_report
    assert task.acks_late is True
    assert OperationalError in task.autoretry_for
    import kombu.exceptions
    import redis.exceptions

    assert kombu.exceptions.OperationalError in task.autoretry_for
    assert redis.exceptions.ConnectionError in task.autoretry_for
    assert task.retry_backoff and task.max_retries == 3
    assert (
        task.soft_time_limit
        == settings.REPORTS_SOFT_TIME_LIMIT
        < task.time_limit
        == settings.REPORTS_TIME_LIMIT
    )


def test_on_the_last_retry_the_task_records_the_failure_instead_of_retrying(
    ledger, make_request, monkeypatch
):
    request = make_request()
    flaky_build(monkeypatch, failures=99)
    result = tasks.generate_report.apply(
        args=[request.pk], retries=tasks.generate_report.max_retries, throw=False
    )
    assert result.get() is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.FAILED
    assert "недоступн" in request.error  # «…были недоступны…», in Russian, without a traceback
    assert request.finished_at is not None
    assert not request.file


def test_embedded_mode_retries_transient_errors_then_fails_with_a_reason(ledger, make_request, monkeypatch):
    recovers = make_request()
    calls = flaky_build(monkeypatch, failures=2)
    services.report_send(request_id=recovers.pk)
    recovers.refresh_from_db()
    assert (calls["n"], recovers.status, recovers.attempts) == (3, ReportRequest.Status.READY, 3)

    gives_up = make_request()
    flaky_build(monkeypatch, failures=99)
    services.report_send(request_id=gives_up.pk)
    gives_up.refresh_from_db()
    assert gives_up.status == ReportRequest.Status.FAILED
    assert gives_up.attempts == tasks.generate_report.max_retries + 1
    assert "недоступн" in gives_up.error


def test_an_unexpected_error_fails_with_a_readable_reason_and_no_file(
    ledger, make_request, monkeypatch, tmp_path
):
    request = make_request()

    def broken(self, *args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(FundingReport, "build", broken)
    assert services.report_generate(request_id=request.pk) is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.FAILED
    assert "ZeroDivisionError" in request.error
    assert "Traceback" not in request.error
    assert stored_files(tmp_path) == []
    # A failed request is not picked up again by a late duplicate of the task.
    assert services.report_generate(request_id=request.pk) is False


def test_the_soft_time_limit_fails_the_report_with_the_limit_named(
    ledger, make_request, monkeypatch, settings
):
    settings.REPORTS_SOFT_TIME_LIMIT = 300
    request = make_request()

    def slow(self, *args, **kwargs):
        raise SoftTimeLimitExceeded

    monkeypatch.setattr(FundingReport, "build", slow)
    assert services.report_generate(request_id=request.pk) is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.FAILED
    assert "300" in request.error


def test_a_secretary_may_not_order_the_funding_report(ledger, secretary):
    with pytest.raises(PermissionDenied):
        order(secretary)
    assert not ReportRequest.objects.exists()


def test_bad_parameters_and_unknown_kinds_are_refused(ledger, coordinator):
    with pytest.raises(ValidationError):
        order(coordinator, parameters={**FUNDING_PARAMETERS, "year_to": 2010})
    with pytest.raises(ValidationError):
        order(coordinator, kind="horoscope")
    with pytest.raises(ValidationError):
        order(coordinator, format="docx")


@pytest.mark.parametrize(
    "fields",
    [
        {"progress": 101},
        {
            "status": ReportRequest.Status.READY,
            "progress": 100,
            "finished_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        },
        {"status": ReportRequest.Status.FAILED, "finished_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        {"status": ReportRequest.Status.RUNNING},
        {"sha256": "abc"},
        {"kind": "horoscope"},
    ],
    ids=[
        "progress-over-100",
        "ready-without-file",
        "failed-without-reason",
        "running-without-start",
        "short-sha",
        "kind",
    ],
)
def test_the_database_refuses_inconsistent_requests(make_request, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(**fields)


# --- the sweeper, the schedule and the cleanup ------------------------------------------------------


def test_a_report_stuck_running_past_its_time_limit_is_retried_once(
    ledger, make_request, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_TIME_LIMIT = 360
    now = timezone.now()
    stuck = make_request(
        status=ReportRequest.Status.RUNNING, started_at=now - dt.timedelta(minutes=8), attempts=1
    )
    fresh = make_request(
        status=ReportRequest.Status.RUNNING, started_at=now - dt.timedelta(minutes=2), attempts=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = services.reports_sweep_stale(now=now)
    assert (result.requeued, result.failed) == (1, 0)
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    # Sent again and, tasks being eager here, generated on the second attempt.
    assert stuck.status == ReportRequest.Status.READY
    assert stuck.attempts == 2
    assert fresh.status == ReportRequest.Status.RUNNING


def test_a_report_stuck_again_is_failed_with_the_reason(make_request, settings):
    settings.REPORTS_TIME_LIMIT = 360
    settings.REPORTS_MAX_ATTEMPTS = 2
    now = timezone.now()
    stuck = make_request(
        status=ReportRequest.Status.RUNNING, started_at=now - dt.timedelta(hours=1), attempts=2
    )
    result = services.reports_sweep_stale(now=now)
    assert (result.requeued, result.failed) == (0, 1)
    stuck.refresh_from_db()
    assert stuck.status == ReportRequest.Status.FAILED
    assert "6" in stuck.error and "2" in stuck.error  # the limit in minutes and the attempts
    assert stuck.finished_at == now


def test_the_sweeper_leaves_a_run_that_finished_meanwhile_alone(ledger, make_request, settings):
    now = timezone.now()
    stuck = make_request(
        status=ReportRequest.Status.RUNNING, started_at=now - dt.timedelta(hours=1), attempts=1
    )
    # The worker was only slow: it stores its file after the sweeper re-queued the request.
    services.reports_sweep_stale(now=now)
    stuck.refresh_from_db()
    assert stuck.status == ReportRequest.Status.QUEUED
    assert services.report_generate(request_id=stuck.pk)  # the re-sent task
    stuck.refresh_from_db()
    assert stuck.status == ReportRequest.Status.READY


def test_a_queued_report_no_worker_picked_up_is_sent_again_then_given_up(
    ledger, make_request, django_capture_on_commit_callbacks
):
    now = timezone.now()
    lost = make_request(created_at=now - dt.timedelta(minutes=30), queued_at=now - dt.timedelta(minutes=30))
    ancient = make_request(created_at=now - dt.timedelta(days=2), queued_at=now - dt.timedelta(hours=1))
    waiting = make_request(created_at=now, queued_at=now)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = services.reports_sweep_stale(now=now)
    assert (result.resent, result.failed) == (1, 1)
    assert len(callbacks) == 1
    ancient.refresh_from_db()
    assert ancient.status == ReportRequest.Status.FAILED and ancient.error
    callbacks[0]()
    lost.refresh_from_db()
    waiting.refresh_from_db()
    assert lost.status == ReportRequest.Status.READY
    assert waiting.status == ReportRequest.Status.QUEUED


def test_a_broker_outage_at_ordering_leaves_the_request_queued(
    ledger, coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    import kombu.exceptions

    def down(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    # As with a broker configured (the autouse fixture turns eager mode back on afterwards).
    tasks.generate_report.app.conf.task_always_eager = False
    monkeypatch.setattr(tasks.generate_report, "delay", down)
    with django_capture_on_commit_callbacks(execute=True):
        request = order(coordinator)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.QUEUED


def test_old_reports_are_deleted_with_their_files(ledger, make_request, tmp_path, settings):
    settings.REPORTS_KEEP_DAYS = 30
    old = make_request()
    services.report_generate(request_id=old.pk)
    ReportRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = make_request()
    services.report_generate(request_id=recent.pk)
    running = make_request(
        status=ReportRequest.Status.RUNNING,
        started_at=timezone.now(),
        created_at=timezone.now() - dt.timedelta(days=40),
    )
    assert len(stored_files(tmp_path)) == 2

    assert services.reports_delete_old() == 1
    assert set(ReportRequest.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert stored_files(tmp_path) == [
        tmp_path / "private" / ReportRequest.objects.get(pk=recent.pk).file.name
    ]


def test_beat_schedules_are_declared(settings):
    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "reports.tasks.sweep_stale_reports",
        "reports.tasks.order_monthly_activity_report",
        "reports.tasks.delete_old_reports",
    } <= schedule
    monthly = next(
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"].endswith("monthly_activity_report")
    )
    assert monthly["schedule"].day_of_month == {1}
