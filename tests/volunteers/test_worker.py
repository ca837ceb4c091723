"""Tasks run by a real Celery worker on Redis, as in production."""

import pytest
from django.core import mail

from tests.conftest import wait_for
from tests.factories import VolunteerFactory
from volunteers import tasks
from volunteers.models import Volunteer


@pytest.mark.worker
def test_worker_sends_the_confirmation_through_redis(celery_worker_on_redis, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    volunteer = VolunteerFactory(email="worker@example.org")
    tasks.send_signup_confirmation.delay(volunteer.pk)
    wait_for(lambda: Volunteer.objects.get(pk=volunteer.pk).confirmation_sent_at)
    wait_for(lambda: [m for m in mail.outbox if m.to == ["worker@example.org"]])
