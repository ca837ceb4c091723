"""Dates and times of events: stored in UTC, entered and shown in Sevastopol time (Europe/Simferopol)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

# Calendar arithmetic near year 1 or 9999 overflows; no event of this portal is that far away.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def local_zone() -> dt.tzinfo:
    return timezone.get_default_timezone()


def combine_local(day: dt.date, time: dt.time | None = None) -> dt.datetime:
    """The aware moment of a wall-clock time in Sevastopol (midnight when no time is given)."""
    return timezone.make_aware(dt.datetime.combine(day, time or dt.time(0, 0)), local_zone())


def all_day_bounds(first_day: dt.date, last_day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of an all-day event: local midnight of the first day to midnight after the last.

    The end is exclusive, as DTEND;VALUE=DATE is in iCalendar, so an event of today is still «upcoming»
    all day long and a one-day event is exactly one day long.
    """
    return combine_local(first_day), combine_local(last_day + dt.timedelta(days=1))


def day_bounds(first_day: dt.date, last_day: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The moments a range of local days begins and ends (end exclusive)."""
    return all_day_bounds(first_day, last_day or first_day)


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment, local_zone()).date()
