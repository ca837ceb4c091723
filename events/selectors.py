"""Reads of the calendar shared by the public pages, the feeds and the admin."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import Event, EventPostponement
from events.times import day_bounds

# How far back the iCalendar feed reaches by default: calendars keep recent events instead of dropping them.
FEED_DAYS_BACK = 30


def events_public() -> QuerySet[Event]:
    """Published, postponed and cancelled events with what every list shows, in a fixed number of queries."""
    return (
        Event.objects.public()
        .select_related("category", "format", "organiser")
        .prefetch_related(
            "audiences",
            Prefetch("postponements", queryset=EventPostponement.objects.order_by("created_at", "pk")),
        )
        .order_by("starts_at", "pk")
    )


def events_upcoming(
    *, queryset: QuerySet[Event] | None = None, now: dt.datetime | None = None
) -> QuerySet[Event]:
    """Events that have not finished yet (an exhibition that opened last week is still on)."""
    now = now or timezone.now()
    qs = queryset if queryset is not None else events_public()
    return qs.filter(Q(ends_at__gt=now) | Q(starts_at__gte=now))


def events_between(
    *, first_day: dt.date, last_day: dt.date, queryset: QuerySet[Event] | None = None
) -> QuerySet[Event]:
    """Events taking place on any of the local days first_day..last_day."""
    start, end = day_bounds(first_day, last_day)
    qs = queryset if queryset is not None else events_public()
    return qs.overlapping(start, end)


def events_for_feed(
    *, queryset: QuerySet[Event] | None = None, today: dt.date | None = None
) -> QuerySet[Event]:
    """Events for the iCalendar feed: the future and the last month, with co-organisers prefetched."""
    today = today or timezone.localdate()
    qs = queryset if queryset is not None else events_public()
    start, _end = day_bounds(today - dt.timedelta(days=FEED_DAYS_BACK))
    return qs.filter(Q(ends_at__gte=start) | Q(starts_at__gte=start)).prefetch_related("co_organisers")


def events_recently_published(*, limit: int = 30) -> QuerySet[Event]:
    """The newest events on the calendar, for the RSS and Atom feeds."""
    return events_public().order_by("-published_at", "-pk")[:limit]


def event_public_detail(*, pk: int) -> Event | None:
    return (
        events_public()
        .select_related("project", "project__lead_organisation")
        .prefetch_related("co_organisers", "postponements__contract_change")
        .filter(pk=pk)
        .first()
    )


def events_of_organiser(*, event: Event, limit: int = 5) -> list[Event]:
    """Other upcoming events the same organisation organises or co-organises."""
    if event.organiser_id is None:
        return []
    qs = events_upcoming().filter(
        Q(organiser_id=event.organiser_id)
        | Q(
            pk__in=Event.co_organisers.through.objects.filter(organisation_id=event.organiser_id).values(
                "event_id"
            )
        )
    )
    return list(qs.exclude(pk=event.pk)[:limit])


def with_duplicate_flag(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate has_duplicate: another live event at the same place overlaps in time (in the same query)."""
    others = (
        Event.objects.filter(venue_key=OuterRef("venue_key"))
        .filter(same_time_q(OuterRef("starts_at"), OuterRef("ends_at")))
        .exclude(pk=OuterRef("pk"))
        .exclude(status__in=DUPLICATE_IGNORED)
    )
    return queryset.annotate(has_duplicate=Exists(others))


# Drafts and rejected submissions hold no place in anyone's diary.
DUPLICATE_IGNORED = (Event.Status.REJECTED, Event.Status.DRAFT)


def same_time_q(start: object, end: object) -> Q:
    """Events starting together, or whose periods overlap (touching end to start does not count)."""
    return Q(starts_at=start) | (Q(starts_at__lt=end) & Q(ends_at__gt=start))


def event_possible_duplicates(*, event: Event) -> list[Event]:
    """Other events at the same place whose time overlaps this one: a warning for the moderator."""
    return list(
        Event.objects.filter(venue_key=event.venue_key)
        .filter(same_time_q(event.starts_at, event.ends_at))
        .exclude(pk=event.pk)
        .exclude(status__in=DUPLICATE_IGNORED)
        .select_related("organiser")
        .order_by("starts_at")
    )


@dataclass
class Day:
    date: dt.date
    events: list[Event] = field(default_factory=list)
    in_month: bool = True

    @property
    def is_today(self) -> bool:
        return self.date == timezone.localdate()

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5


def group_by_day(events: Iterable[Event], *, from_day: dt.date | None = None) -> list[Day]:
    """Group a list of events under the day they start; ones already running appear under from_day."""
    days: dict[dt.date, Day] = {}
    for event in events:
        day = event.start_date
        if from_day is not None and day < from_day:
            day = from_day
        days.setdefault(day, Day(day)).events.append(event)
    return sorted(days.values(), key=lambda d: d.date)


def spread_over_days(events: Iterable[Event], first_day: dt.date, last_day: dt.date) -> list[Day]:
    """Every day of the range with the events on it; a multi-day event appears on each of its days."""
    days = {
        first_day + dt.timedelta(n): Day(first_day + dt.timedelta(n))
        for n in range((last_day - first_day).days + 1)
    }
    for event in events:
        for date in event.dates_on():
            if date in days:
                days[date].events.append(event)
    return list(days.values())


def month_weeks(events: Iterable[Event], *, year: int, month: int) -> list[list[Day]]:
    """The month as weeks Monday to Sunday; days of neighbouring months are marked and left empty."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_date = {day.date: day for day in spread_over_days(events, first, last)}
    result = []
    for week in weeks:
        row = []
        for date in week:
            day = by_date[date]
            if date.month != month:
                day = Day(date, [], in_month=False)
            row.append(day)
        result.append(row)
    return result


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_range(year: int, week: int) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)
