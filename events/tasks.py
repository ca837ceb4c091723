"""Celery tasks of the calendar: thin wrappers around the e-mails; safe to run twice."""

from __future__ import annotations

from celery import shared_task

from events import notifications

MAIL_RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": 30,
    "retry_backoff_max": 600,
    "max_retries": 5,
    "acks_late": True,
}


@shared_task(**MAIL_RETRY)
def send_decision_mail(event_id: int, decision: str) -> bool:
    """Tell the submitter about the moderator's decision, once."""
    return notifications.decision_mail_send(event_id=event_id, decision=decision)


@shared_task(**MAIL_RETRY)
def notify_coordinators_of_submission(event_id: int) -> int:
    return notifications.coordinators_notify_submission(event_id=event_id)
