"""The PDF task run by a real Celery worker on Redis, as in production."""

import hashlib

import pytest
from django.db import transaction

from council import services
from council.models import Resolution
from tests.conftest import wait_for


@pytest.mark.worker
def test_a_real_worker_renders_and_stores_the_pdf(celery_worker_on_redis, draft, secretary):
    # Committed for real (transactional_db): on_commit sends the task to Redis, the worker picks it up.
    with transaction.atomic():
        services.resolution_publish(resolution=draft, by=secretary)
    published = wait_for(
        lambda: Resolution.objects.filter(pk=draft.pk, status=Resolution.Status.PUBLISHED).first(), timeout=60
    )
    with published.pdf.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == published.pdf_sha256
