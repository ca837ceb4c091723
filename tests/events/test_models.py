"""Invariants of the calendar are database constraints; the version for calendars grows on real changes."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from events.models import Audience, Category, Event, EventFormat
from tests.events.factories import EventFactory, SubmissionFactory, in_days


def test_vocabularies_come_from_the_migration(db):
    assert Category.objects.get(slug="patriotic").is_patriotic
    assert not Category.objects.get(slug="authorities").is_patriotic
    assert Category.objects.count() == 7
    assert Audience.objects.get(slug="everyone").is_everyone
    assert set(Audience.objects.values_list("name", flat=True)) >= {
        "Школьники",
        "Люди 55+",
        "Ветераны",
        "Все",
    }
    assert {"Урок мужества", "Круглый стол", "Брифинг", "Пресс-конференция"} <= set(
        EventFormat.objects.values_list("name", flat=True)
    )


def _violates(**fields):
    event = EventFactory()
    for name, value in fields.items():
        setattr(event, name, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_end_cannot_be_before_start(db):
    _violates(ends_at=in_days(10, 17, 0))


def test_capacity_must_be_positive(db):
    _violates(capacity=0)


def test_rejection_needs_a_reason(db):
    _violates(status=Event.Status.REJECTED, rejection_reason="")


def test_cancellation_needs_a_reason(db):
    _violates(status=Event.Status.CANCELLED, cancellation_reason="")


def test_age_rating_is_required_and_from_the_law(db):
    _violates(age_rating="")


def test_age_rating_outside_the_law_is_refused(db):
    _violates(age_rating="14+")


def test_public_event_needs_an_organiser_from_the_registry(db):
    _violates(organiser=None, organiser_name_submitted="Клуб «Память»")


def test_submission_may_wait_with_a_typed_organisation(db):
    event = SubmissionFactory(organiser=None, organiser_name_submitted="Клуб «Память»")
    assert event.pk


def test_coordinates_come_in_pairs(db):
    _violates(latitude=Decimal("44.6168"), longitude=None)


def test_coordinates_within_the_globe(db):
    _violates(latitude=Decimal("95.0"), longitude=Decimal("33.5"))


def test_uid_is_stable_and_unique(db):
    first, second = EventFactory(), EventFactory()
    assert first.uid != second.uid
    uid = first.uid
    first.title = "Новое название"
    first.save()
    first.refresh_from_db()
    assert first.uid == uid
    assert first.ical_uid == f"{uid}@calendar.silver-sevastopol.ru"


def test_sequence_grows_only_on_changes_calendars_see(db):
    event = Event.objects.get(pk=EventFactory().pk)
    assert event.sequence == 0
    event.submitter_phone = "+79780000000"  # not in any calendar
    event.save()
    assert event.sequence == 0
    event.venue = "Графская пристань"
    event.save()
    assert event.sequence == 1
    event = Event.objects.get(pk=event.pk)
    event.starts_at += dt.timedelta(hours=1)
    event.ends_at += dt.timedelta(hours=1)
    event.save(update_fields=["starts_at", "ends_at"])
    assert Event.objects.get(pk=event.pk).sequence == 2


def test_edits_before_publication_do_not_count_as_versions(db):
    event = Event.objects.get(pk=SubmissionFactory().pk)
    event.title = "Исправленное название"
    event.save()
    assert event.sequence == 0


def test_all_day_event_dates(db):
    from events.times import all_day_bounds

    first = dt.date(2027, 5, 7)
    starts_at, ends_at = all_day_bounds(first, first + dt.timedelta(days=2))
    event = EventFactory(all_day=True, starts_at=starts_at, ends_at=ends_at)
    assert event.start_date == first
    assert event.last_date == dt.date(2027, 5, 9)
    assert event.dates_on() == [dt.date(2027, 5, 7), dt.date(2027, 5, 8), dt.date(2027, 5, 9)]
    assert not event.has_end_time
