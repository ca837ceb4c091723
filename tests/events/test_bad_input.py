"""Wrong input in the coordinators' forms gives a clear Russian message, never a server error."""

from __future__ import annotations

import pytest

from events.models import Event
from tests.events.factories import EventFactory, admin_event_form, in_days
from tests.projects.factories import OrganisationFactory


@pytest.mark.parametrize(
    ("first", "last", "all_day"),
    [
        ("01.01.0001", "01.01.0001", False),
        ("01.01.0001", "01.01.0001", True),
        ("31.12.9999", "31.12.9999", False),
        ("31.12.9999", "31.12.9999", True),
        ("01.05.2027", "31.12.9999", True),
    ],
)
def test_admin_refuses_a_year_the_calendar_cannot_hold(coordinator_client, db, first, last, all_day):
    data = admin_event_form(OrganisationFactory(), starts_at_0=first, ends_at_0=last)
    if all_day:
        data["all_day"] = "on"
    response = coordinator_client.post("/admin/events/event/add/", data)
    assert response.status_code == 200
    assert "в календаре мероприятия с 2000 по 2100 год" in response.content.decode()
    assert first in response.content.decode()  # the typed value is kept
    assert not Event.objects.exists()


def test_feed_survives_an_event_already_stored_far_in_the_future(client, db):
    """Rows saved before the year check (or by hand) must not take the whole public feed down."""
    EventFactory(title="Правильное")
    far = EventFactory(title="Опечатка в годе")
    Event.objects.filter(pk=far.pk).update(
        starts_at=far.starts_at.replace(year=2100, month=12, day=31),
        ends_at=far.starts_at.replace(year=2100, month=12, day=31),
    )
    response = client.get("/events/feed.ics")
    assert response.status_code == 200
    assert "Правильное" in response.content.decode()


def test_postponing_to_a_day_that_has_passed_is_refused(coordinator_client, db):
    event = EventFactory(starts_at=in_days(5), ends_at=in_days(5, 20))
    response = coordinator_client.post(
        f"/admin/events/event/{event.pk}/postpone/",
        {"date": in_days(-3).strftime("%d.%m.%Y"), "start_time": "10:00", "reason": "Погода"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Новая дата уже прошла" in html
    assert in_days(-3).strftime("%d.%m.%Y") in html
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert not event.postponements.exists()


def test_postponing_to_an_earlier_day_is_refused_with_a_hint(coordinator_client, db):
    event = EventFactory(starts_at=in_days(10), ends_at=in_days(10, 20))
    response = coordinator_client.post(
        f"/admin/events/event/{event.pk}/postpone/",
        {"date": in_days(4).strftime("%d.%m.%Y"), "start_time": "10:00", "reason": "Погода"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Перенос сдвигает мероприятие на более поздний день" in html
    assert in_days(10).strftime("%d.%m.%Y") in html
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_services_refuse_years_the_calendar_cannot_hold(db):
    from django.core.exceptions import ValidationError

    from events import services

    event = EventFactory()
    event.starts_at = event.starts_at.replace(year=9999)
    event.ends_at = event.ends_at.replace(year=9999)
    with pytest.raises(ValidationError):
        services.event_save(event=event, by=None)


def test_the_database_refuses_years_the_calendar_cannot_hold(db):
    from django.db import IntegrityError, transaction

    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            starts_at=event.starts_at.replace(year=9999), ends_at=event.ends_at.replace(year=9999)
        )


@pytest.mark.parametrize(
    ("typed", "message"),
    [("abc", "часы числом"), ("0", "больше 0"), ("25", "не больше 24"), ("-1", "больше 0")],
)
def test_wrong_hours_for_volunteers_keep_the_form_with_one_message(coordinator_client, db, typed, message):
    import datetime as dt

    from events.times import combine_local
    from tests.events.factories import AssignmentFactory

    day = dt.date.today() - dt.timedelta(days=3)
    event = EventFactory(starts_at=combine_local(day, dt.time(11)), ends_at=combine_local(day, dt.time(13)))
    first, second = AssignmentFactory(event=event), AssignmentFactory(event=event)
    response = coordinator_client.post(
        "/admin/events/eventassignment/",
        {"action": "record_hours", "_selected_action": [first.pk, second.pk], "apply": "1", "hours": typed},
    )
    assert response.status_code == 200  # the form again, not the list with an error per volunteer
    html = response.content.decode()
    assert message in html
    assert f'value="{typed}"' in html
    first.refresh_from_db()
    assert first.hours is None
