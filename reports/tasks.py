"""Celery tasks of the reports app: thin wrappers around services."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from reports import services


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=15,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=3,
    soft_time_limit=settings.REPORTS_SOFT_TIME_LIMIT,
    time_limit=settings.REPORTS_TIME_LIMIT,
)
def generate_report(self, request_id: int) -> bool:
    """Generate one report; safe to run twice, retried with backoff while the database or broker is down."""
    # On the last retry the service records the failure instead of raising for another one.
    final = self.request.retries >= self.max_retries
    return services.report_generate(request_id=request_id, final_attempt=final)


@shared_task(acks_late=True)
def sweep_stale_reports() -> dict[str, int]:
    """Requeue or fail reports stuck past their time limit; run every few minutes by beat."""
    result = services.reports_sweep_stale()
    return {"requeued": result.requeued, "resent": result.resent, "failed": result.failed}


@shared_task(acks_late=True)
def order_monthly_activity_report() -> int:
    """Order the previous month's activity report; run on the 1st of each month by beat."""
    return len(services.report_request_scheduled_activity())


@shared_task(acks_late=True)
def delete_old_reports() -> int:
    """Delete report files older than REPORTS_KEEP_DAYS; run nightly by beat."""
    return services.reports_delete_old()
