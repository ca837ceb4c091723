"""Celery tasks of the council: thin wrappers around services and notifications."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from council import notifications, services


@shared_task(
    acks_late=True,
    autoretry_for=(OSError, OperationalError),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def publish_resolution_pdf(resolution_id: int) -> bool:
    """Render and store the PDF of a frozen resolution; a second run finds it published and does nothing."""
    return services.resolution_publish_pdf(resolution_id=resolution_id)


@shared_task(
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=60,
    retry_backoff_max=900,
    max_retries=5,
    soft_time_limit=300,
    time_limit=360,
)
def send_execution_digest() -> int:
    """E-mail the weekly digest of decisions due soon or overdue; run by beat, once a week per address."""
    return notifications.execution_digest_send()
