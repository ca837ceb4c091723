"""iCalendar feeds read right with two independent parsers; RSS and Atom list newly published events."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import vobject

from events import services
from tests.events.factories import EventFactory, SubmissionFactory, audience, category, in_days

FEED = "/events/feed.ics"


def fetch(client, url=FEED, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def vevents(content: bytes) -> list:
    """Parse with vobject, which shares no code with the icalendar library that wrote the feed."""
    calendar = vobject.readOne(content.decode("utf-8"))
    return list(getattr(calendar, "vevent_list", []))


def by_uid(content: bytes) -> dict:
    return {event.uid.value: event for event in vevents(content)}


def test_feed_is_rfc5545_with_the_sevastopol_time_zone(client, evening_event):
    content = fetch(client)
    text = content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "VERSION:2.0" in text and "PRODID:" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Simferopol" in text
    assert "DTSTART;TZID=Europe/Simferopol:" in text
    # Both parsers agree the lesson starts at 15:00 UTC, i.e. 18:00 in Sevastopol.
    [event] = vevents(content)
    assert event.dtstart.value.astimezone(dt.UTC).hour == 15
    assert event.dtstart.value.astimezone(dt.UTC) == evening_event.starts_at
    assert event.dtend.value.astimezone(dt.UTC) == evening_event.ends_at
    parsed = icalendar.Calendar.from_ical(content)
    [component] = parsed.walk("VEVENT")
    assert component.decoded("dtstart").hour == 18
    assert component.decoded("dtstart").utcoffset() == dt.timedelta(hours=3)


def test_feed_carries_uid_sequence_status_and_age_rating(client, evening_event):
    [event] = vevents(fetch(client))
    assert event.uid.value == evening_event.ical_uid
    assert event.sequence.value == "0"
    assert event.status.value == "CONFIRMED"
    assert "6+" in event.summary.value
    assert "Возрастное ограничение: 6+" in event.description.value
    assert event.location.value.startswith("Малахов курган")
    assert event.url.value.endswith(evening_event.get_absolute_url())


def test_postponement_keeps_the_uid_and_bumps_the_sequence(client, evening_event, coordinator):
    before = by_uid(fetch(client))[evening_event.ical_uid]
    services.event_postpone(
        event=evening_event,
        starts_at=in_days(17, 18),
        ends_at=in_days(17, 20),
        reason="Погода",
        by=coordinator,
    )
    after = by_uid(fetch(client))
    assert list(after) == [evening_event.ical_uid]  # the same event moves: no copy appears
    moved = after[evening_event.ical_uid]
    assert int(moved.sequence.value) == int(before.sequence.value) + 1
    assert moved.dtstart.value.astimezone(dt.UTC) == in_days(17, 18)
    assert moved.summary.value.startswith("ПЕРЕНЕСЕНО")
    assert "перенесено" in moved.description.value.lower() and "Погода" in moved.description.value
    assert moved.status.value == "CONFIRMED"


def test_cancelled_event_says_status_cancelled(client, evening_event, coordinator):
    services.event_cancel(event=evening_event, reason="Шторм", by=coordinator)
    [event] = vevents(fetch(client))
    assert event.status.value == "CANCELLED"
    assert event.sequence.value == "1"
    assert event.summary.value.startswith("ОТМЕНЕНО")


def test_all_day_event_is_a_date(client, db):
    from events.times import all_day_bounds

    starts_at, ends_at = all_day_bounds(in_days(3).date(), in_days(5).date())
    EventFactory(title="Выставка", all_day=True, starts_at=starts_at, ends_at=ends_at)
    [event] = vevents(fetch(client))
    assert event.dtstart.value == in_days(3).date()
    assert event.dtend.value == in_days(6).date()  # DTEND of a date is exclusive


def test_feed_round_trips_every_filter(client, db):
    school = EventFactory(title="Урок для школьников", audiences=[audience("schoolchildren")])
    sport = EventFactory(
        title="Матч ветеранов", category=category("sports"), audiences=[audience("veterans")]
    )
    later = EventFactory(title="Весной", starts_at=in_days(90), ends_at=in_days(90, 20))
    cases = {
        "audience=schoolchildren&patriotic=1": {school, later},
        "category=sports": {sport},
        f"organizer={sport.organiser_id}": {sport},
        "q=матч": {sport},
        f"date_from={in_days(80):%d.%m.%Y}": {later},
        f"date_to={in_days(20).date().isoformat()}": {school, sport},
    }
    for query, expected in cases.items():
        listed = client.get(f"/events/?{query}")
        page_uids = {e.ical_uid for day in listed.context["days"] for e in day.events}
        feed_uids = set(by_uid(fetch(client, f"{FEED}?{query}")))
        assert feed_uids == {e.ical_uid for e in expected} == page_uids, query


def test_feed_keeps_last_month_and_skips_older(client, db):
    EventFactory(title="Две недели назад", starts_at=in_days(-14), ends_at=in_days(-14, 20))
    EventFactory(title="Полгода назад", starts_at=in_days(-180), ends_at=in_days(-180, 20))
    summaries = [e.summary.value for e in vevents(fetch(client))]
    assert any("Две недели назад" in s for s in summaries)
    assert not any("Полгода назад" in s for s in summaries)


def test_unpublished_events_are_not_in_the_feed(client, db):
    SubmissionFactory(title="На модерации")
    assert vevents(fetch(client)) == []


def test_add_to_calendar_file_of_one_event(client, evening_event):
    response = client.get(f"/events/{evening_event.pk}/event.ics")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    [event] = vevents(response.content)
    assert event.uid.value == evening_event.ical_uid
    assert event.dtstart.value.astimezone(dt.UTC).hour == 15


def test_rss_and_atom_list_newly_published(client, db, coordinator):
    older = EventFactory(title="Давно опубликованное")
    newer = services.event_publish(event=SubmissionFactory(title="Только что опубликованное"), by=coordinator)
    older.published_at = newer.published_at - dt.timedelta(days=3)
    older.save()
    rss = ET.fromstring(client.get("/events/feed.rss").content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles[0].startswith("Только что опубликованное") and titles[1].startswith("Давно опубликованное")
    atom = client.get("/events/feed.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Только что опубликованное" in atom.content.decode()
