"""Two coordinators approving the same hours at the same moment: the approval is recorded once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from projects import services
from projects.models import VolunteerHours
from tests.projects.factories import VolunteerHoursFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (CI)"
)


@pytest.mark.django_db(transaction=True)
def test_approving_the_same_hours_twice_at_once_counts_one_approval():
    entries = [VolunteerHoursFactory() for _ in range(3)]
    ids = [entry.pk for entry in entries]
    barrier = threading.Barrier(2)
    counts: list[int] = []

    def approve() -> None:
        try:
            barrier.wait()
            counts.append(services.hours_approve(hours=VolunteerHours.objects.filter(pk__in=ids), by=None))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(counts) == [0, 3]
    assert VolunteerHours.objects.filter(pk__in=ids, status=VolunteerHours.Status.APPROVED).count() == 3
