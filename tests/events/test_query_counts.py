"""Query counts of pages and admin lists the calendar tests did not cover: few rows and many, same count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services
from tests.events.factories import AssignmentFactory, EventFactory, audience, in_days
from tests.projects.factories import OrganisationFactory


def _count(client, url: str) -> int:
    client.get(url)  # warm sessions, content types and the cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _events(count: int, organiser, *, postponed: bool = False) -> None:
    others = [OrganisationFactory() for _ in range(2)]
    for n in range(count):
        event = EventFactory(
            organiser=organiser,
            co_organisers=others,
            audiences=[audience("schoolchildren"), audience("veterans")],
            starts_at=in_days(1 + n % 5, 10 + n % 8),
        )
        if postponed:
            services.event_postpone(
                event=event, starts_at=in_days(20 + n % 5), reason="Решение организатора", by=None
            )


@pytest.mark.parametrize("url", ["/events/feed.rss", "/events/feed.atom"])
def test_news_feeds_are_constant_in_queries(client, db, django_assert_max_num_queries, url):
    organiser = OrganisationFactory()
    _events(3, organiser, postponed=True)
    small = _count(client, url)
    _events(30, organiser, postponed=True)
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("suffix", ["", "event.ics"])
def test_event_page_is_constant_in_queries(client, db, django_assert_max_num_queries, suffix):
    organiser = OrganisationFactory()
    event = EventFactory(organiser=organiser, co_organisers=[OrganisationFactory()])
    services.event_postpone(event=event, starts_at=in_days(12), reason="Погода", by=None)
    _events(2, organiser, postponed=True)
    url = f"/events/{event.pk}/{suffix}"
    small = _count(client, url)
    _events(20, organiser, postponed=True)
    event.co_organisers.add(*[OrganisationFactory() for _ in range(10)])
    for days in range(13, 18):
        services.event_postpone(event=event, starts_at=in_days(days), reason="Погода", by=None)
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200


def test_admin_assignments_list_is_constant_in_queries(coordinator_client, db, django_assert_max_num_queries):
    url = "/admin/events/eventassignment/"
    for _ in range(3):
        AssignmentFactory()
    small = _count(coordinator_client, url)
    for _ in range(30):
        AssignmentFactory()
    with django_assert_max_num_queries(small):
        assert coordinator_client.get(url).status_code == 200
