"""Garbage in the query string of public pages: never a server error, the typed values kept."""

from __future__ import annotations

import pytest

from tests.events.factories import EventFactory

GARBAGE = [
    {"audience": "\x00"},
    {"category": "\x00"},
    {"organizer": "\x00"},
    {"q": "\x00"},
    {"date_from": "\x00"},
    {"audience": "xyz", "organizer": "999999", "date_from": "2026-13-45", "date_to": "01.01.0001"},
    {"q": "а" * 5000},
    {"patriotic": "\x00"},
]
URLS = ["/events/", "/events/month/", "/events/week/", "/events/feed.ics"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("params", GARBAGE)
def test_calendar_survives_garbage(client, db, url, params):
    EventFactory()
    assert client.get(url, params).status_code == 200


PROJECT_GARBAGE = [
    {"area": "\x00"},
    {"status": "\x00"},
    {"organisation": "\x00"},
    {"year": "\x00"},
    {"year": "abc", "organisation": "999999999999999999999"},
    {"best_practice": "\x00"},
]


@pytest.mark.parametrize("params", PROJECT_GARBAGE)
def test_projects_survive_garbage(client, db, params):
    assert client.get("/projects/", params).status_code == 200


@pytest.mark.parametrize(
    ("page", "expected"), [("-1", 1), ("0", 1), ("abc", 1), ("9999", 2), ("9" * 5000, 2)]
)
def test_a_page_out_of_range_shows_the_nearest_page_not_an_error(client, db, page, expected):
    from tests.events.factories import in_days

    for n in range(25):
        EventFactory(starts_at=in_days(1 + n % 5))
    response = client.get("/events/", {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected
