"""Aggregates of the execution report, on top of council.selectors: the decisions under control of the
resolutions in force, with the council's own derived state («overdue» follows from the due date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from council.models import DecisionItem, ExecutionState, Resolution
from council.selectors import decisions_under_control, with_execution_summary

DONE = Q(current_state=ExecutionState.DONE)
ON_TIME = DONE & (Q(due_date__isnull=True) | Q(done_on__lte=F("due_date")))
OVERDUE = Q(current_state=ExecutionState.OVERDUE)
TRACKED = ~Q(current_state=ExecutionState.WITHDRAWN)


def decisions_of_period(*, date_from: dt.date, date_to: dt.date, today: dt.date) -> QuerySet[DecisionItem]:
    """Tracked decisions (sub-items included) of resolutions in force adopted in the period."""
    return decisions_under_control(today=today).filter(
        resolution__adopted_on__gte=date_from, resolution__adopted_on__lte=date_to
    )


def decisions_by_state(*, date_from: dt.date, date_to: dt.date, today: dt.date) -> dict[str, int]:
    """{state: count} with the derived «overdue», and under "total" every decision under control."""
    aggregates = {state: Count("pk", filter=Q(current_state=state)) for state in ExecutionState.values}
    return (
        decisions_of_period(date_from=date_from, date_to=date_to, today=today)
        .order_by()
        .aggregate(total=Count("pk"), **aggregates)
    )


@dataclass(frozen=True)
class ExecutionTotals:
    tracked: int
    done: int
    done_on_time: int
    overdue: int


def execution_totals(*, date_from: dt.date, date_to: dt.date, today: dt.date) -> ExecutionTotals:
    """Decisions still tracked (not removed from control), done, done by the due date, overdue."""
    totals = (
        decisions_of_period(date_from=date_from, date_to=date_to, today=today)
        .order_by()
        .aggregate(
            tracked=Count("pk", filter=TRACKED),
            done=Count("pk", filter=DONE),
            done_on_time=Count("pk", filter=ON_TIME),
            overdue=Count("pk", filter=OVERDUE),
        )
    )
    return ExecutionTotals(**totals)


def execution_by_organisation(
    *, date_from: dt.date, date_to: dt.date, today: dt.date
) -> list[dict[str, object]]:
    """Rows of `organisation` (None: assigned to no organisation of the registry), `tracked`, `done`,
    `done_on_time`, `overdue`, most decisions first. A decision with two organisations counts for both."""
    return list(
        decisions_of_period(date_from=date_from, date_to=date_to, today=today)
        .order_by()
        .values(organisation=F("responsible_organisations__short_name"))
        .annotate(
            tracked=Count("pk", filter=TRACKED, distinct=True),
            done=Count("pk", filter=DONE, distinct=True),
            done_on_time=Count("pk", filter=ON_TIME, distinct=True),
            overdue=Count("pk", filter=OVERDUE, distinct=True),
        )
        .order_by("-tracked", "organisation")
    )


def execution_by_resolution(*, date_from: dt.date, date_to: dt.date, today: dt.date) -> QuerySet[Resolution]:
    """Resolutions in force adopted in the period, annotated by council.selectors.with_execution_summary."""
    queryset = Resolution.objects.current().filter(adopted_on__gte=date_from, adopted_on__lte=date_to)
    return with_execution_summary(queryset.select_related("council"), today=today).order_by(
        "adopted_on", "pk"
    )


def decisions_overdue(*, date_from: dt.date, date_to: dt.date, today: dt.date) -> QuerySet[DecisionItem]:
    """Overdue decisions, the longest overdue first, with their responsible organisations."""
    return (
        decisions_of_period(date_from=date_from, date_to=date_to, today=today)
        .filter(OVERDUE)
        .prefetch_related("responsible_organisations", "responsible_members")
        .order_by("due_date", "resolution__adopted_on", "pk")
    )
