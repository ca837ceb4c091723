"""Aggregates of the activity report the lower layers do not offer: each is one GROUP BY or aggregate query.

Volunteers, hours and projects are read from their models with the vocabularies of their apps (AGE_BANDS,
the statuses); events through events.selectors; Python only pairs finished counts with their labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth, TruncYear
from django.utils import timezone

from events.models import Event
from events.selectors import events_between
from projects.models import ActivityArea, Indicator, IndicatorValue, Project, Region, VolunteerHours
from volunteers.models import Volunteer
from volunteers.selectors import AGE_BANDS, birth_range_for_ages

ZERO = Decimal("0.00")
HOURS = DecimalField(max_digits=12, decimal_places=2)


def _day_bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of date_from and the first moment after date_to, in Sevastopol time."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start, end


def _approved_hours(date_from: dt.date, date_to: dt.date) -> QuerySet[VolunteerHours]:
    return VolunteerHours.objects.filter(
        status=VolunteerHours.Status.APPROVED, date__gte=date_from, date__lte=date_to
    ).order_by()


# --- volunteers --------------------------------------------------------------------------------------


def _signups(date_from: dt.date, date_to: dt.date) -> QuerySet[Volunteer]:
    start, end = _day_bounds(date_from, date_to)
    return Volunteer.objects.filter(created_at__gte=start, created_at__lt=end).order_by()


# Long periods are counted by year: a hundred monthly bars would say nothing.
Step = str  # "month" or "year"
TRUNC = {"month": TruncMonth, "year": TruncYear}


def volunteer_signups_by_month(
    *, date_from: dt.date, date_to: dt.date, step: Step = "month"
) -> dict[dt.date, int]:
    """New entries in the registry by local calendar month (or year): {first day: count}."""
    rows = (
        _signups(date_from, date_to)
        .annotate(month=TRUNC[step]("created_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    return {_as_date(row["month"]): row["count"] for row in rows}


def volunteer_signups_total(*, date_from: dt.date, date_to: dt.date) -> int:
    return _signups(date_from, date_to).count()


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return timezone.localtime(value).date() if isinstance(value, dt.datetime) else value


def _registry(registered_by: dt.date) -> QuerySet[Volunteer]:
    """Volunteers entered by the end of `registered_by`; erased records are left out. Statuses are today's:
    the registry keeps no history of them that a report could rely on."""
    _start, end = _day_bounds(registered_by, registered_by)
    return Volunteer.objects.not_anonymised().filter(created_at__lt=end).order_by()


def volunteer_status_counts(*, registered_by: dt.date) -> dict[str, int]:
    """Volunteers of the registry by status, and under "total" all of them."""
    aggregates = {status: Count("pk", filter=Q(status=status)) for status in Volunteer.Status.values}
    return _registry(registered_by).aggregate(total=Count("pk"), **aggregates)


@dataclass(frozen=True)
class DistrictRow:
    district: str
    total: int
    active: int


def volunteers_by_district(*, registered_by: dt.date) -> tuple[list[DistrictRow], DistrictRow]:
    """Volunteers in the registry and the active ones among them, by district of Sevastopol, and in all."""
    counts = {"total": Count("pk"), "active": Count("pk", filter=Q(status=Volunteer.Status.ACTIVE))}
    registry = _registry(registered_by)
    rows = registry.values("district").annotate(**counts).order_by("-total", "district")
    totals = registry.aggregate(**counts)
    return (
        [DistrictRow(row["district"], row["total"], row["active"]) for row in rows],
        DistrictRow("", totals["total"], totals["active"]),
    )


def volunteers_by_age_band(*, on: dt.date) -> dict[str, dict[str, int]]:
    """{band: {"total": n, "active": m}} for the bands of volunteers.selectors, ages counted on `on`; the
    key "" holds everyone with a known date of birth."""
    known = Q(date_of_birth__isnull=False)
    aggregates = {
        "|total": Count("pk", filter=known),
        "|active": Count("pk", filter=known & Q(status=Volunteer.Status.ACTIVE)),
    }
    for key, youngest, oldest in AGE_BANDS:
        earliest, latest = birth_range_for_ages(youngest, oldest, today=on)
        born = Q(date_of_birth__lte=latest)
        if earliest is not None:
            born &= Q(date_of_birth__gte=earliest)
        aggregates[f"{key}|total"] = Count("pk", filter=born)
        aggregates[f"{key}|active"] = Count("pk", filter=born & Q(status=Volunteer.Status.ACTIVE))
    counts = _registry(on).aggregate(**aggregates)
    keys = [key for key, _youngest, _oldest in AGE_BANDS] + [""]
    return {key: {"total": counts[f"{key}|total"], "active": counts[f"{key}|active"]} for key in keys}


@dataclass(frozen=True)
class HoursTotal:
    hours: Decimal
    volunteers: int
    projects: int


def approved_hours_total(*, date_from: dt.date, date_to: dt.date) -> HoursTotal:
    """Approved hours given in the period, and how many volunteers and projects they were given by and to."""
    totals = _approved_hours(date_from, date_to).aggregate(
        hours=Coalesce(Sum("hours"), Value(ZERO), output_field=HOURS),
        volunteers=Count("participation__volunteer", distinct=True),
        projects=Count("participation__project", distinct=True),
    )
    return HoursTotal(**totals)


def approved_hours_by_month(
    *, date_from: dt.date, date_to: dt.date, step: Step = "month"
) -> dict[dt.date, Decimal]:
    """Approved hours by calendar month (or year) of the day they were given: {first day: hours}."""
    rows = (
        _approved_hours(date_from, date_to)
        .annotate(month=TRUNC[step]("date"))
        .values("month")
        .annotate(hours=Sum("hours"))
        .order_by("month")
    )
    return {_as_date(row["month"]): row["hours"] for row in rows}


def approved_hours_by_project(*, date_from: dt.date, date_to: dt.date) -> list[dict[str, object]]:
    """Rows of `title`, `organisation`, `hours`, `volunteers`, most hours first."""
    return list(
        _approved_hours(date_from, date_to)
        .values(
            title=F("participation__project__title"),
            organisation=F("participation__project__lead_organisation__short_name"),
        )
        .annotate(hours=Sum("hours"), volunteers=Count("participation__volunteer", distinct=True))
        .order_by("-hours", "title")
    )


# --- projects ----------------------------------------------------------------------------------------


def _overlapping(prefix: str, date_from: dt.date, date_to: dt.date) -> Q:
    """Projects whose period overlaps [date_from, date_to]."""
    return Q(**{f"{prefix}start_date__lte": date_to}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": date_from})
    )


def projects_in_period(*, date_from: dt.date, date_to: dt.date) -> QuerySet[Project]:
    return Project.objects.filter(_overlapping("", date_from, date_to))


def projects_by_status(*, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    rows = (
        projects_in_period(date_from=date_from, date_to=date_to)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    )
    return {row["status"]: row["count"] for row in rows}


def projects_by_activity_area(*, date_from: dt.date, date_to: dt.date) -> list[tuple[str, int]]:
    """(area, projects of the period in it), areas without projects left out; a project may be in several."""
    rows = (
        ActivityArea.objects.annotate(
            count=Count("projects", filter=_overlapping("projects__", date_from, date_to), distinct=True)
        )
        .filter(count__gt=0)
        .order_by("-count", "name")
        .values_list("name", "count")
    )
    return list(rows)


@dataclass(frozen=True)
class ContinuityTotals:
    projects: int
    continuing: int
    continued: int
    best_practices: int
    replicated: int
    regions: int


def projects_continuity_totals(*, date_from: dt.date, date_to: dt.date) -> ContinuityTotals:
    """Of the period's projects: how many continue an earlier one, were continued, are best practices,
    were taken up elsewhere, and in how many regions. One query."""
    totals = (
        projects_in_period(date_from=date_from, date_to=date_to)
        .order_by()
        .aggregate(
            projects=Count("pk", distinct=True),
            continuing=Count("pk", filter=Q(predecessor__isnull=False), distinct=True),
            continued=Count("pk", filter=Q(successors__isnull=False), distinct=True),
            best_practices=Count("pk", filter=Q(is_best_practice=True), distinct=True),
            replicated=Count("pk", filter=Q(replication__isnull=False), distinct=True),
            regions=Count("replication__region", distinct=True),
        )
    )
    return ContinuityTotals(**totals)


def projects_continuing(*, date_from: dt.date, date_to: dt.date) -> QuerySet[Project]:
    """The period's projects that continue an earlier project, with it and the lead organisation."""
    return (
        projects_in_period(date_from=date_from, date_to=date_to)
        .filter(predecessor__isnull=False)
        .select_related("predecessor", "lead_organisation")
        .order_by("start_date", "title")
    )


def replication_by_region(*, date_from: dt.date, date_to: dt.date) -> list[tuple[str, int]]:
    """(region, practices of the period's projects taken up there), most first."""
    rows = (
        Region.objects.annotate(
            count=Count(
                "replication__project",
                filter=_overlapping("replication__project__", date_from, date_to),
                distinct=True,
            )
        )
        .filter(count__gt=0)
        .order_by("-count", "name")
        .values_list("name", "count")
    )
    return list(rows)


def indicators_plan_fact(*, date_from: dt.date, date_to: dt.date) -> QuerySet[Indicator]:
    """Indicators of the period's projects with `actual` (the latest value reported by date_to)."""
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk"), reported_on__lte=date_to).order_by(
        "-reported_on"
    )
    return (
        Indicator.objects.filter(project__in=projects_in_period(date_from=date_from, date_to=date_to))
        .annotate(actual=Subquery(latest.values("value")[:1]))
        .select_related("project")
        .order_by("project__title", "position", "pk")
    )


@dataclass(frozen=True)
class IndicatorTotals:
    indicators: int
    reported: int
    achieved: int


def indicators_totals(*, date_from: dt.date, date_to: dt.date) -> IndicatorTotals:
    """How many indicators, how many have a value, how many reached the plan: one query."""
    totals = (
        indicators_plan_fact(date_from=date_from, date_to=date_to)
        .order_by()
        .aggregate(
            indicators=Count("pk"),
            reported=Count("pk", filter=Q(actual__isnull=False)),
            achieved=Count("pk", filter=Q(actual__gte=F("planned_value"))),
        )
    )
    return IndicatorTotals(**totals)


# --- events ------------------------------------------------------------------------------------------


def _events(date_from: dt.date, date_to: dt.date) -> QuerySet[Event]:
    # The calendar's own reading of «public events on these days»; order_by() so GROUP BY stays clean.
    return events_between(first_day=date_from, last_day=date_to).prefetch_related(None).order_by()


def events_by_category(*, date_from: dt.date, date_to: dt.date) -> list[tuple[str, int]]:
    rows = (
        _events(date_from, date_to)
        .values("category__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "category__name")
    )
    return [(row["category__name"], row["count"]) for row in rows]


def events_by_audience(*, date_from: dt.date, date_to: dt.date) -> list[tuple[str, int]]:
    rows = (
        _events(date_from, date_to)
        .filter(audiences__isnull=False)
        .values("audiences__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "audiences__name")
    )
    return [(row["audiences__name"], row["count"]) for row in rows]


@dataclass(frozen=True)
class EventTotals:
    events: int
    patriotic: int
    postponed: int
    cancelled: int


def events_totals(*, date_from: dt.date, date_to: dt.date) -> EventTotals:
    totals = _events(date_from, date_to).aggregate(
        events=Count("pk", distinct=True),
        patriotic=Count("pk", filter=Q(category__is_patriotic=True), distinct=True),
        postponed=Count("pk", filter=Q(status=Event.Status.POSTPONED), distinct=True),
        cancelled=Count("pk", filter=Q(status=Event.Status.CANCELLED), distinct=True),
    )
    return EventTotals(**totals)
