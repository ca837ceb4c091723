"""The PDF task run by a real Celery worker on Redis, as in production."""

import hashlib
import os

import pytest
from django.db import connection, transaction

from council import services
from council.models import Resolution
from tests.conftest import wait_for


@pytest.fixture(scope="module")
def _migration_data_put_back(django_db_setup, django_db_blocker):
    """After the module, restore what migrations put in the database (the consent text, the roles).

    The worker needs committed data, so its test is transactional and ends with a flush; transactional
    tests collected after this one (the browser tests) expect the migrated data to be there. Module
    scope makes this teardown run after the test's flush.
    """
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


# Skipped before any fixture runs, so without a broker nothing is flushed at all.
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL"), reason="needs a real broker: set CELERY_BROKER_URL"
)
@pytest.mark.worker
# serialized_rollback: the database is serialized once after migrating, and the flush keeps it empty
# for the restore above instead of re-creating rows that would then clash with it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_renders_and_stores_the_pdf(
    _migration_data_put_back, celery_worker_on_redis, draft, secretary
):
    # Committed for real (transactional_db): on_commit sends the task to Redis, the worker picks it up.
    with transaction.atomic():
        services.resolution_publish(resolution=draft, by=secretary)
    published = wait_for(
        lambda: Resolution.objects.filter(pk=draft.pk, status=Resolution.Status.PUBLISHED).first(), timeout=60
    )
    with published.pdf.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == published.pdf_sha256
    assert published.published_by == secretary
