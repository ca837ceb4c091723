"""Celery tasks of the volunteer registry: thin wrappers around services and mail."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import transaction

from volunteers import notifications, services

logger = logging.getLogger(__name__)

MAIL_RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": 30,
    "retry_backoff_max": 600,
    "max_retries": 5,
    "acks_late": True,
}


@shared_task(**MAIL_RETRY)
def send_signup_confirmation(volunteer_id: int) -> bool:
    """Send the thank-you letter once; a second run finds it sent and does nothing."""
    return notifications.signup_confirmation_send(volunteer_id=volunteer_id)


@shared_task(**MAIL_RETRY)
def notify_coordinators_of_signup(volunteer_id: int) -> int:
    return notifications.coordinators_notify_signup(volunteer_id=volunteer_id)


@shared_task(acks_late=True, max_retries=3, autoretry_for=(OSError,), retry_backoff=60)
def anonymise_volunteer(volunteer_id: int) -> bool:
    return services.volunteer_anonymise(volunteer_id=volunteer_id)


@shared_task(acks_late=True)
def anonymise_due_withdrawals() -> int:
    """Anonymise every volunteer whose withdrawal has come due; run nightly by beat."""
    done = 0
    for volunteer_id in services.withdrawals_due().values_list("volunteer_id", flat=True):
        with transaction.atomic():
            done += services.volunteer_anonymise(volunteer_id=volunteer_id)
    return done
