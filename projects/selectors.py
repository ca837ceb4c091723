"""Reads that the public pages, the admin and the reports share: funding totals, plan vs fact, the book.

Every sum is computed by the database (aggregate/annotate); Python only divides the finished totals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import (
    Count,
    DecimalField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear

from projects.models import (
    BUDGET_SOURCES,
    Funding,
    Indicator,
    IndicatorValue,
    Organisation,
    Project,
    Replication,
    SourceType,
    VolunteerHours,
)
from volunteers.models import Volunteer

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MONEY = DecimalField(max_digits=16, decimal_places=2)
_BUDGET = sorted(BUDGET_SOURCES)


def _money_sum(field: str, *, filter: Q | None = None) -> Coalesce:
    """Sum a money column, giving 0.00 rather than NULL when nothing matches."""
    return Coalesce(Sum(field, filter=filter), Value(ZERO), output_field=MONEY)


def _funding(queryset: QuerySet[Funding] | None, years: Iterable[int] | None) -> QuerySet[Funding]:
    qs = queryset if queryset is not None else Funding.objects.all()
    if years is not None:
        qs = qs.filter(received_on__year__in=list(years))
    # The model's default ordering would split GROUP BY; each caller orders what it groups.
    return qs.order_by()


@dataclass(frozen=True)
class BudgetSplit:
    budget: Decimal
    non_budget: Decimal

    @property
    def total(self) -> Decimal:
        return self.budget + self.non_budget


@dataclass(frozen=True)
class SourceTotal:
    source_type: str
    total: Decimal

    @property
    def label(self) -> str:
        return str(SourceType(self.source_type).label)

    @property
    def is_budget(self) -> bool:
        return self.source_type in BUDGET_SOURCES


@dataclass(frozen=True)
class CoFinancing:
    """A year's money against the average yearly budget co-financing of a base period."""

    year: int
    year_total: Decimal
    base_years: tuple[int, ...]
    base_budget_total: Decimal

    @property
    def base_average(self) -> Decimal:
        return (self.base_budget_total / len(self.base_years)).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def multiplier(self) -> Decimal | None:
        """How many times the year's total exceeds the base average; None without base budget money."""
        if not self.base_budget_total:
            return None
        return (self.year_total * len(self.base_years) / self.base_budget_total).quantize(
            CENT, rounding=ROUND_HALF_UP
        )


def funding_totals_by_year(
    *, years: Iterable[int] | None = None, queryset: QuerySet[Funding] | None = None
) -> dict[int, Decimal]:
    """Return {year: total received}, for the years that have any money, in year order."""
    rows = (
        _funding(queryset, years)
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(total=Sum("amount"))
        .order_by("year")
    )
    return {row["year"]: row["total"] for row in rows}


def funding_totals_by_year_and_source(
    *, years: Iterable[int] | None = None, queryset: QuerySet[Funding] | None = None
) -> dict[int, list[SourceTotal]]:
    """Return {year: [SourceTotal, ...]}, the sources of a year in the order of SourceType."""
    rows = (
        _funding(queryset, years)
        .annotate(year=ExtractYear("received_on"))
        .values("year", "source_type")
        .annotate(total=Sum("amount"))
        .order_by("year", "source_type")
    )
    order = {value: n for n, value in enumerate(SourceType.values)}
    result: dict[int, list[SourceTotal]] = {}
    for row in rows:
        result.setdefault(row["year"], []).append(SourceTotal(row["source_type"], row["total"]))
    for totals in result.values():
        totals.sort(key=lambda t: order[t.source_type])
    return result


def funding_totals_by_source(
    *,
    project: Project | None = None,
    years: Iterable[int] | None = None,
    queryset: QuerySet[Funding] | None = None,
) -> list[SourceTotal]:
    """Return the totals by source type, largest first (the project page's funding table)."""
    qs = _funding(queryset, years)
    if project is not None:
        qs = qs.filter(project=project)
    rows = qs.values("source_type").annotate(total=Sum("amount")).order_by("-total", "source_type")
    return [SourceTotal(row["source_type"], row["total"]) for row in rows]


def funding_budget_split(
    *, years: Iterable[int] | None = None, queryset: QuerySet[Funding] | None = None
) -> BudgetSplit:
    """Return budget and non-budget money over the given years (all years when None)."""
    totals = _funding(queryset, years).aggregate(
        budget=_money_sum("amount", filter=Q(source_type__in=_BUDGET)),
        non_budget=_money_sum("amount", filter=~Q(source_type__in=_BUDGET)),
    )
    return BudgetSplit(budget=totals["budget"], non_budget=totals["non_budget"])


def funding_budget_split_by_year(
    *, years: Iterable[int] | None = None, queryset: QuerySet[Funding] | None = None
) -> dict[int, BudgetSplit]:
    """Return {year: BudgetSplit} in year order."""
    rows = (
        _funding(queryset, years)
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(
            budget=_money_sum("amount", filter=Q(source_type__in=_BUDGET)),
            non_budget=_money_sum("amount", filter=~Q(source_type__in=_BUDGET)),
        )
        .order_by("year")
    )
    return {row["year"]: BudgetSplit(row["budget"], row["non_budget"]) for row in rows}


def _funding_filter(prefix: str, years: Iterable[int] | None, budget: bool | None = None) -> Q:
    q = Q()
    if years is not None:
        q &= Q(**{f"{prefix}received_on__year__in": list(years)})
    if budget is True:
        q &= Q(**{f"{prefix}source_type__in": _BUDGET})
    elif budget is False:
        q &= ~Q(**{f"{prefix}source_type__in": _BUDGET})
    return q


def funding_totals_by_organisation(*, years: Iterable[int] | None = None) -> QuerySet[Organisation]:
    """Lead organisations with the money their projects received: `total`, `budget`, `non_budget`."""
    years = list(years) if years is not None else None
    prefix = "led_projects__funding__"
    return (
        Organisation.objects.annotate(
            total=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years)),
            budget=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years, budget=True)),
            non_budget=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years, budget=False)),
        )
        .filter(total__gt=0)
        .order_by("-total", "short_name")
    )


def funding_totals_by_project(
    *, years: Iterable[int] | None = None, queryset: QuerySet[Project] | None = None
) -> QuerySet[Project]:
    """Projects with the money they received: `total`, `budget`, `non_budget` (projects with none too)."""
    years = list(years) if years is not None else None
    qs = queryset if queryset is not None else Project.objects.all()
    prefix = "funding__"
    return (
        qs.select_related("lead_organisation")
        .annotate(
            total=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years)),
            budget=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years, budget=True)),
            non_budget=_money_sum(f"{prefix}amount", filter=_funding_filter(prefix, years, budget=False)),
        )
        .order_by("-total", "title")
    )


def cofinancing_multiplier(*, year: int, base_years: Sequence[int]) -> CoFinancing:
    """Compare the money of `year` (all sources) with the yearly average of budget money in `base_years`.

    The founding resolution's figure: 2021 against 2017–2020. Years of the base period without any money
    count as zeros, so the average is over the whole period, not over the years that happen to have rows.
    """
    base = tuple(sorted(set(base_years)))
    if not base:
        raise ValueError("the base period needs at least one year")
    totals = Funding.objects.order_by().aggregate(
        year_total=_money_sum("amount", filter=Q(received_on__year=year)),
        base_budget_total=_money_sum("amount", filter=Q(received_on__year__in=base, source_type__in=_BUDGET)),
    )
    return CoFinancing(
        year=year,
        year_total=totals["year_total"],
        base_years=base,
        base_budget_total=totals["base_budget_total"],
    )


@dataclass(frozen=True)
class InKind:
    hours: Decimal
    rate: Decimal

    @property
    def value(self) -> Decimal:
        return (self.hours * self.rate).quantize(CENT, rounding=ROUND_HALF_UP)


def volunteer_hours_in_kind(
    *, years: Iterable[int] | None = None, project: Project | None = None, rate: Decimal | None = None
) -> InKind:
    """Approved volunteer hours valued at the configured hourly rate (an in-kind contribution)."""
    qs = VolunteerHours.objects.filter(status=VolunteerHours.Status.APPROVED)
    if years is not None:
        qs = qs.filter(date__year__in=list(years))
    if project is not None:
        qs = qs.filter(participation__project=project)
    hours = qs.aggregate(hours=Coalesce(Sum("hours"), Value(ZERO), output_field=MONEY))["hours"]
    return InKind(hours=hours, rate=settings.VOLUNTEER_HOUR_RATE if rate is None else rate)


# --- the volunteer book ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BookRow:
    project_id: int
    project_title: str
    organisation: str
    year: int
    hours: Decimal


def volunteer_book(*, volunteer: Volunteer, year: int | None = None) -> list[BookRow]:
    """Approved hours of a volunteer by project and year, oldest year first."""
    qs = VolunteerHours.objects.filter(
        participation__volunteer=volunteer, status=VolunteerHours.Status.APPROVED
    ).order_by()
    if year is not None:
        qs = qs.filter(date__year=year)
    rows = (
        qs.annotate(year=ExtractYear("date"))
        .values(
            "year",
            "participation__project_id",
            "participation__project__title",
            "participation__project__lead_organisation__short_name",
        )
        .annotate(hours=Sum("hours"))
        .order_by("year", "participation__project__title")
    )
    return [
        BookRow(
            project_id=row["participation__project_id"],
            project_title=row["participation__project__title"],
            organisation=row["participation__project__lead_organisation__short_name"],
            year=row["year"],
            hours=row["hours"],
        )
        for row in rows
    ]


def volunteer_hours_total(*, volunteer: Volunteer, year: int | None = None) -> Decimal:
    """The approved hours of a volunteer, in one year or all years."""
    qs = VolunteerHours.objects.filter(
        participation__volunteer=volunteer, status=VolunteerHours.Status.APPROVED
    )
    if year is not None:
        qs = qs.filter(date__year=year)
    return qs.aggregate(total=Coalesce(Sum("hours"), Value(ZERO), output_field=MONEY))["total"]


def hours_pending() -> QuerySet[VolunteerHours]:
    """Hours waiting for a coordinator, oldest first."""
    return (
        VolunteerHours.objects.filter(status=VolunteerHours.Status.PENDING)
        .select_related("participation__volunteer", "participation__project")
        .order_by("date", "pk")
    )


# --- the public showcase ----------------------------------------------------------------------------


def projects_public() -> QuerySet[Project]:
    """Public projects with what a list card shows, in a constant number of queries."""
    return (
        Project.objects.public()
        .select_related("lead_organisation")
        .prefetch_related("activity_areas")
        .order_by("-start_date", "title", "pk")
    )


def project_public_detail(*, pk: int) -> Project | None:
    """A public project with partners, areas, replication regions and its public successors."""
    return (
        Project.objects.public()
        .select_related("lead_organisation", "predecessor")
        .prefetch_related(
            "partners",
            "activity_areas",
            Prefetch("replication_set", queryset=Replication.objects.select_related("region")),
            Prefetch("successors", queryset=Project.objects.public().order_by("start_date")),
        )
        .filter(pk=pk)
        .first()
    )


def project_indicators(*, project: Project) -> QuerySet[Indicator]:
    """Indicators with the latest actual value (`actual`, `actual_on`): plan vs fact in one query."""
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-reported_on")
    return (
        Indicator.objects.filter(project=project)
        .annotate(
            actual=Subquery(latest.values("value")[:1]),
            actual_on=Subquery(latest.values("reported_on")[:1]),
        )
        .order_by("position", "pk")
    )


@dataclass(frozen=True)
class VolunteerSummary:
    volunteers: int
    hours: Decimal


def project_volunteer_summary(*, project: Project) -> VolunteerSummary:
    """How many volunteers took part and their approved hours: numbers only, never who."""
    totals = project.participations.order_by().aggregate(
        volunteers=Count("volunteer", distinct=True),
        hours=Coalesce(
            Sum("hours__hours", filter=Q(hours__status=VolunteerHours.Status.APPROVED)),
            Value(ZERO),
            output_field=MONEY,
        ),
    )
    return VolunteerSummary(volunteers=totals["volunteers"], hours=totals["hours"])


# The portal's data begins with the 2017-2020 base period; no project of the centre is older than this.
EARLIEST_PROJECT_YEAR = 2000


def project_years_range(*, today: dt.date | None = None) -> list[int]:
    """The years the public showcase can be filtered by, newest first."""
    bounds = Project.objects.public().order_by().aggregate(first=Min("start_date"))
    last = (today or dt.date.today()).year
    first = bounds["first"].year if bounds["first"] else last
    # A mistyped start (01.01.0001) must not offer centuries of empty years in the public filter.
    first = min(max(first, EARLIEST_PROJECT_YEAR), last)
    return list(range(last, first - 1, -1))
