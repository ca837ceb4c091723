"""Two coordinators doing the same thing at the same moment: one wins, the other gets a clear message.

Row locks only mean something on PostgreSQL; SQLite serialises writers on its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from events import services
from events.models import Event
from tests.events.factories import SubmissionFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (CI)"
)


def run_together(action: Callable[[], object], times: int = 2) -> list[object]:
    """Run the action in several threads released at the same moment; return results or errors."""
    barrier = threading.Barrier(times)
    results: list[object] = []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # the test inspects what each thread got
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
def test_publishing_the_same_event_twice_at_once_publishes_it_once(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from django.core import mail

    event = SubmissionFactory(submitter_email="olga@example.org")
    results = run_together(lambda: services.event_publish(event=Event.objects.get(pk=event.pk), by=None))
    published = [r for r in results if isinstance(r, Event)]
    refused = [r for r in results if isinstance(r, services.InvalidTransition)]
    assert (len(published), len(refused)) == (1, 1), results
    assert "уже в календаре" in " ".join(refused[0].messages)
    assert len([m for m in mail.outbox if "olga@example.org" in m.to]) == 1


@pytest.mark.django_db(transaction=True)
def test_rejecting_and_publishing_at_once_leaves_one_decision():
    event = SubmissionFactory()
    results = run_together(
        lambda: services.event_reject(event=Event.objects.get(pk=event.pk), reason="Нет адреса", by=None)
    )
    assert sum(isinstance(r, Event) for r in results) == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1
