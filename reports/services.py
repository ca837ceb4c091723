"""Every write of the reports app: order a report, generate it once, recover stuck ones, delete old files."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import kombu.exceptions
import redis.exceptions
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.kinds import get_kind
from reports.models import ReportFormat, ReportKind, ReportRequest, report_upload_to
from reports.renderers import ReportPdfRenderer, ReportXlsxRenderer

logger = logging.getLogger(__name__)

# Errors that pass by themselves (a database restart, a broker blip): the task retries them with backoff.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)
# Errors of handing a task to the broker; the request stays queued and the sweeper sends it again.
BROKER_ERRORS: tuple[type[BaseException], ...] = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)

# A queued request no worker has picked up is sent again after this long, and given up after the second.
QUEUE_RESEND_AFTER = dt.timedelta(minutes=10)
QUEUE_GIVE_UP_AFTER = dt.timedelta(hours=24)
# Progress the builders' 0..100 maps onto; rendering and storing the file take the rest.
BUILD_START, BUILD_END, RENDERED = 5, 80, 95

Renderer = ReportPdfRenderer | ReportXlsxRenderer


def _renderer_for(format: str) -> Renderer:
    return ReportPdfRenderer() if format == ReportFormat.PDF else ReportXlsxRenderer()


def report_request_create(
    *,
    kind: str,
    format: str,
    parameters: Mapping[str, Any],
    ordered_by: AbstractBaseUser | AnonymousUser | None,
    schedule_key: str = "",
    today: dt.date | None = None,
) -> ReportRequest:
    """Order a report; its task is queued once the order is committed. No `ordered_by`: the schedule."""
    try:
        spec = get_kind(kind)
    except KeyError:
        raise ValidationError(_("Unknown report."), code="kind") from None
    if format not in ReportFormat.values:
        raise ValidationError(_("Unknown file format."), code="format")
    if ordered_by is not None and not spec.may_order(ordered_by):
        raise PermissionDenied(_("You may not order this report."))
    cleaned = spec.clean_parameters(parameters, today=today or timezone.localdate())
    request = ReportRequest.objects.create(
        kind=kind,
        format=format,
        parameters=cleaned,
        ordered_by=ordered_by if ordered_by is not None and ordered_by.is_authenticated else None,
        schedule_key=schedule_key,
    )
    logger.info("report %s (%s, %s) ordered", request.pk, kind, format)
    transaction.on_commit(lambda: report_send(request_id=request.pk))
    return request


def report_send(*, request_id: int) -> None:
    """Hand the request to the task queue (or run it now in the embedded mode, where tasks are eager)."""
    from reports import tasks

    task = tasks.generate_report
    if task.app.conf.task_always_eager:
        # Embedded mode: generate now. Celery's eager retries raise from the second one on, so the same
        # bounded retry happens here (without the wait: there is no broker to come back); a failure is
        # recorded on the request, never raised into the page that ordered it.
        for attempt in range(task.max_retries + 1):
            try:
                report_generate(request_id=request_id, final_attempt=attempt >= task.max_retries)
                return
            except TRANSIENT_ERRORS as exc:
                logger.warning("report %s: %r, retrying", request_id, exc)
        return
    try:
        task.delay(request_id)
    except BROKER_ERRORS:
        # The order is safe in the database; the sweeper sends it again when the broker is back.
        logger.warning("report %s: the broker is unavailable, the sweeper will send it again", request_id)


def report_generate(*, request_id: int, final_attempt: bool = True, renderer: Renderer | None = None) -> bool:
    """Generate the report's file once; return whether this call made it.

    The claim is a conditional update from «queued» to «running», so a second delivery of the same task,
    or a second worker, finds nothing to claim and stops: one request, one file.
    """
    claimed = ReportRequest.objects.filter(pk=request_id, status=ReportRequest.Status.QUEUED).update(
        status=ReportRequest.Status.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        progress=0,
        error="",
        attempts=F("attempts") + 1,
    )
    if not claimed:
        logger.info("report %s: not queued any more, nothing to do", request_id)
        return False
    request = ReportRequest.objects.get(pk=request_id)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            content = _render(request, renderer or _renderer_for(request.format))
    except SoftTimeLimitExceeded:
        _fail(
            request,
            gettext_lazy(
                "The report took longer than %(seconds)s seconds and was stopped. "
                "Order it for a shorter period."
            ),
            {"seconds": settings.REPORTS_SOFT_TIME_LIMIT},
        )
        return False
    except TRANSIENT_ERRORS as exc:
        if final_attempt:
            logger.warning("report %s: %r, no retries left", request_id, exc)
            _fail(
                request,
                gettext_lazy(
                    "The database or the task queue was unavailable for too long, so the report could "
                    "not be made. Please order it again."
                ),
            )
            return False
        # Back to the queue so the retry of the task can claim it again.
        ReportRequest.objects.filter(pk=request_id, status=ReportRequest.Status.RUNNING).update(
            status=ReportRequest.Status.QUEUED, progress=0
        )
        raise
    except Exception as exc:
        logger.exception("report %s failed", request_id)
        _fail(
            request,
            gettext_lazy(
                "The report could not be generated because of an unexpected error (%(error)s). "
                "Please order it again; if it fails again, tell the site administrator."
            ),
            {"error": type(exc).__name__},
        )
        return False
    return _store(request, content)


def _render(request: ReportRequest, renderer: Renderer) -> bytes:
    spec = get_kind(request.kind)

    def progress(percent: int) -> None:
        value = BUILD_START + (BUILD_END - BUILD_START) * max(0, min(100, percent)) // 100
        if value > request.progress:
            request.progress = value
            request.save(update_fields=["progress"])

    progress(0)
    document = spec.build(request.parameters, generated_at=request.started_at, progress=progress)
    progress(100)
    content = renderer.render(document=document)
    request.progress = RENDERED
    request.save(update_fields=["progress"])
    return content


def _store(request: ReportRequest, content: bytes) -> bool:
    """Save the file, then mark the request ready, unless the sweeper gave this run up meanwhile."""
    storage = request.file.storage
    name = storage.save(report_upload_to(request, request.filename), ContentFile(content))
    done = ReportRequest.objects.filter(
        pk=request.pk, status=ReportRequest.Status.RUNNING, attempts=request.attempts
    ).update(
        status=ReportRequest.Status.READY,
        file=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        progress=100,
        finished_at=timezone.now(),
        error="",
    )
    if not done:
        storage.delete(name)
        logger.warning("report %s: taken over while running, file discarded", request.pk)
        return False
    logger.info("report %s ready (%s bytes)", request.pk, len(content))
    return True


def _fail(request: ReportRequest, message: Promise, values: Mapping[str, object] | None = None) -> None:
    """Record a failure with a reason people can read, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message) % values if values else str(message)
    ReportRequest.objects.filter(pk=request.pk).exclude(status=ReportRequest.Status.READY).update(
        status=ReportRequest.Status.FAILED, error=text, finished_at=timezone.now()
    )


# --- recovery, schedule and cleanup (Celery beat) ---------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    requeued: int = 0
    failed: int = 0
    resent: int = 0


def reports_sweep_stale(*, now: dt.datetime | None = None) -> SweepResult:
    """Recover requests a dead worker left behind.

    «Running» past the hard time limit (plus a minute's grace) means the worker died: the request is queued
    again if it has had fewer than REPORTS_MAX_ATTEMPTS starts, otherwise it fails with the reason. «Queued»
    for long means the task never reached a worker (the broker was down): it is sent again.
    """
    now = now or timezone.now()
    stale_after = dt.timedelta(seconds=settings.REPORTS_TIME_LIMIT + 60)
    requeued = failed = resent = 0
    running = ReportRequest.objects.filter(
        status=ReportRequest.Status.RUNNING, started_at__lt=now - stale_after
    ).values_list("pk", "attempts", "started_at")
    to_send: list[int] = []
    for pk, attempts, started_at in running:
        # Conditional on the start time we read: a worker that claimed it again meanwhile is left alone.
        same_run = ReportRequest.objects.filter(
            pk=pk, status=ReportRequest.Status.RUNNING, started_at=started_at
        )
        if attempts < settings.REPORTS_MAX_ATTEMPTS:
            if same_run.update(status=ReportRequest.Status.QUEUED, progress=0, queued_at=now):
                requeued += 1
                to_send.append(pk)
        else:
            with translation.override(settings.LANGUAGE_CODE):
                reason = _(
                    "The report was not finished within %(minutes)s minutes after %(attempts)s attempts: "
                    "the worker generating it stopped. Order it again, perhaps for a shorter period."
                ) % {"minutes": max(1, settings.REPORTS_TIME_LIMIT // 60), "attempts": attempts}
            failed += same_run.update(status=ReportRequest.Status.FAILED, error=reason, finished_at=now)

    lost = ReportRequest.objects.filter(
        status=ReportRequest.Status.QUEUED, queued_at__lt=now - QUEUE_RESEND_AFTER
    ).values_list("pk", "created_at", "queued_at")
    for pk, created_at, queued_at in lost:
        same = ReportRequest.objects.filter(pk=pk, status=ReportRequest.Status.QUEUED, queued_at=queued_at)
        if created_at < now - QUEUE_GIVE_UP_AFTER:
            with translation.override(settings.LANGUAGE_CODE):
                reason = _("No worker picked the report up within a day. Order it again.")
            failed += same.update(status=ReportRequest.Status.FAILED, error=reason, finished_at=now)
        elif same.update(queued_at=now):
            resent += 1
            to_send.append(pk)

    for pk in to_send:
        transaction.on_commit(lambda pk=pk: report_send(request_id=pk))
    if requeued or failed or resent:
        logger.warning("reports sweep: %s requeued, %s resent, %s failed", requeued, resent, failed)
    return SweepResult(requeued=requeued, failed=failed, resent=resent)


def reports_delete_old(*, now: dt.datetime | None = None) -> int:
    """Delete finished requests older than REPORTS_KEEP_DAYS with their files; return how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.REPORTS_KEEP_DAYS)
    old = ReportRequest.objects.filter(
        created_at__lt=cutoff, status__in=[ReportRequest.Status.READY, ReportRequest.Status.FAILED]
    ).only("pk", "file")
    deleted = 0
    for request in old.iterator():
        report_request_delete(request=request)
        deleted += 1
    if deleted:
        logger.info("reports: %s old reports deleted", deleted)
    return deleted


def report_request_delete(*, request: ReportRequest) -> None:
    """Delete a request and its file."""
    if request.file.name:
        # The file first: a ready row whose file is gone would offer a broken download.
        request.file.storage.delete(request.file.name)
    request.delete()


def report_request_scheduled_activity(*, today: dt.date | None = None) -> list[ReportRequest]:
    """Order the activity report of the previous month as PDF and XLSX, once per month whatever beat does."""
    today = today or timezone.localdate()
    last_day = today.replace(day=1) - dt.timedelta(days=1)
    first_day = last_day.replace(day=1)
    parameters = {"date_from": first_day.isoformat(), "date_to": last_day.isoformat()}
    created = []
    for format in (ReportFormat.PDF, ReportFormat.XLSX):
        key = f"{ReportKind.ACTIVITY}:{first_day:%Y-%m}:{format}"
        if ReportRequest.objects.filter(schedule_key=key).exists():
            continue
        try:
            with transaction.atomic():
                created.append(
                    report_request_create(
                        kind=ReportKind.ACTIVITY,
                        format=format,
                        parameters=parameters,
                        ordered_by=None,
                        schedule_key=key,
                        today=today,
                    )
                )
        except IntegrityError:
            # Another beat (two schedulers by mistake) ordered it a moment ago: the unique key decided.
            continue
    return created
