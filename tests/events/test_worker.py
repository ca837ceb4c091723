"""The moderator's letter goes through a real Celery worker on Redis, as in production."""

import pytest
from django.core import mail

from events import tasks
from events.models import Event
from tests.conftest import wait_for
from tests.events.factories import EventFactory


@pytest.mark.worker
def test_worker_sends_the_decision_letter_through_redis(celery_worker_on_redis, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(source=Event.Source.SUBMISSION, submitter_email="worker-events@example.org")
    tasks.send_decision_mail.delay(event.pk, Event.Status.PUBLISHED)
    wait_for(lambda: Event.objects.get(pk=event.pk).decision_mailed == Event.Status.PUBLISHED)
    wait_for(lambda: [m for m in mail.outbox if m.to == ["worker-events@example.org"]])
