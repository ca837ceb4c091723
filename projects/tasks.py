"""Celery tasks of the projects app: thin wrappers around services."""

from __future__ import annotations

from celery import shared_task

from projects import services


@shared_task(bind=True, acks_late=True, max_retries=3, soft_time_limit=90, time_limit=120)
def generate_volunteer_statement(self, statement_id: int) -> bool:
    """Make the PDF statement of hours; safe to run twice, retried on I/O errors, marked failed at the end."""
    try:
        return services.statement_generate(statement_id=statement_id)
    except OSError as exc:
        # Storage or fonts briefly unavailable: worth another try before giving up.
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc
        services.statement_mark_failed(statement_id=statement_id)
        raise
    except Exception:
        services.statement_mark_failed(statement_id=statement_id)
        raise
