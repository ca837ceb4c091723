"""Reads of the council app that the public pages, the admin, the PDF and the digest share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from council.models import (
    OPEN_STATUSES,
    Council,
    CouncilMember,
    DecisionItem,
    ExecutionStatus,
    Finding,
    MemberRole,
    Resolution,
    WorkingGroup,
    WorkingGroupMember,
)
from council.models.resolutions import execution_state_expression

DIGEST_HORIZON_DAYS = 14


def local_today() -> dt.date:
    return timezone.localdate()


def normalise_search(text: str) -> str:
    """Fold case and ё, the way people type Russian into a search box."""
    return " ".join(text.casefold().replace("ё", "е").split())


# Resolutions


def _controlled(prefix: str = "") -> Q:
    """Decisions that count for execution: tracked and not removed from control."""
    return Q(**{f"{prefix}on_control": True}) & ~Q(**{f"{prefix}status": ExecutionStatus.WITHDRAWN})


def with_execution_summary(queryset: QuerySet[Resolution], *, today: dt.date) -> QuerySet[Resolution]:
    """Annotate each resolution with counts of its decisions: tracked, done, done on time, overdue."""
    tracked = _controlled("decisions__")
    done = tracked & Q(decisions__status=ExecutionStatus.DONE)
    return queryset.annotate(
        items_tracked=Count("decisions", filter=tracked),
        items_done=Count("decisions", filter=done),
        items_done_on_time=Count(
            "decisions",
            filter=done
            & (Q(decisions__due_date__isnull=True) | Q(decisions__done_on__lte=F("decisions__due_date"))),
        ),
        items_overdue=Count(
            "decisions",
            filter=tracked & Q(decisions__status__in=OPEN_STATUSES, decisions__due_date__lt=today),
        ),
    )


@dataclass(frozen=True)
class ExecutionSummary:
    tracked: int
    done: int
    done_on_time: int
    overdue: int

    @staticmethod
    def _share(part: int, whole: int) -> int:
        return round(100 * part / whole) if whole else 0

    @property
    def done_share(self) -> int:
        return self._share(self.done, self.tracked)

    @property
    def done_on_time_share(self) -> int:
        return self._share(self.done_on_time, self.tracked)

    @property
    def overdue_share(self) -> int:
        return self._share(self.overdue, self.tracked)


def execution_summary_of(resolution: Resolution) -> ExecutionSummary:
    """Read the summary from a resolution annotated by with_execution_summary()."""
    return ExecutionSummary(
        tracked=resolution.items_tracked,
        done=resolution.items_done,
        done_on_time=resolution.items_done_on_time,
        overdue=resolution.items_overdue,
    )


def resolutions_public(*, today: dt.date | None = None) -> QuerySet[Resolution]:
    """The archive: the version in force of every published resolution, newest first."""
    queryset = (
        Resolution.objects.current().select_related("council", "meeting").order_by("-adopted_on", "-pk")
    )
    return with_execution_summary(queryset, today=today or local_today())


def resolution_years() -> list[int]:
    dates = Resolution.objects.current().dates("adopted_on", "year", order="DESC")
    return [day.year for day in dates]


def resolution_public_get(*, pk: int, today: dt.date | None = None) -> Resolution | None:
    """A published version of a resolution (superseded ones too: their pages and PDFs stay)."""
    queryset = Resolution.objects.published().select_related(
        "council",
        "meeting",
        "signed_by_chair",
        "signed_by_secretary",
        "supersedes",
    )
    return with_execution_summary(queryset, today=today or local_today()).filter(pk=pk).first()


def resolution_versions(resolution: Resolution) -> QuerySet[Resolution]:
    """Every published version of the same resolution, newest first."""
    return (
        Resolution.objects.published()
        .filter(council_id=resolution.council_id, number=resolution.number)
        .order_by("-version")
    )


def resolution_findings(resolution: Resolution) -> QuerySet[Finding]:
    return Finding.objects.filter(resolution=resolution).order_by("position")


def resolution_decision_tree(resolution: Resolution, *, today: dt.date | None = None) -> list[DecisionItem]:
    """Return the decisions in order, each with `.subitems` and `.current_state` set."""
    today = today or local_today()
    items = list(
        DecisionItem.objects.filter(resolution=resolution)
        .prefetch_related("responsible_organisations", "responsible_members")
        .order_by("position", "pk")
    )
    by_pk = {item.pk: item for item in items}
    top: list[DecisionItem] = []
    for item in items:
        item.resolution = resolution
        item.subitems = []
        item.current_state = item.state(today)
    for item in items:
        if item.parent_id is None:
            top.append(item)
        else:
            parent = by_pk[item.parent_id]
            item.parent = parent
            parent.subitems.append(item)
    return top


def resolution_execution_summary(resolution: Resolution, *, today: dt.date | None = None) -> ExecutionSummary:
    """Aggregate one resolution's execution in the database."""
    today = today or local_today()
    tracked = _controlled()
    done = tracked & Q(status=ExecutionStatus.DONE)
    counts = DecisionItem.objects.filter(resolution=resolution).aggregate(
        tracked=Count("pk", filter=tracked),
        done=Count("pk", filter=done),
        done_on_time=Count("pk", filter=done & (Q(due_date__isnull=True) | Q(done_on__lte=F("due_date")))),
        overdue=Count("pk", filter=tracked & Q(status__in=OPEN_STATUSES, due_date__lt=today)),
    )
    return ExecutionSummary(**counts)


def resolution_signatories(resolution: Resolution) -> tuple[CouncilMember | None, CouncilMember | None]:
    """The chair and the secretary who sign: the ones chosen, or those in office on the resolution's date."""
    chair = resolution.signed_by_chair or _in_office(resolution, MemberRole.CHAIR)
    secretary = resolution.signed_by_secretary or _in_office(resolution, MemberRole.SECRETARY)
    return chair, secretary


def _in_office(resolution: Resolution, role: str) -> CouncilMember | None:
    return (
        CouncilMember.objects.filter(council_id=resolution.council_id, role=role)
        .in_office(resolution.adopted_on)
        .order_by("-since", "pk")
        .first()
    )


# Execution control


def decisions_under_control(*, today: dt.date | None = None) -> QuerySet[DecisionItem]:
    """Tracked decisions of the resolutions in force with their derived state; overdue first, then by date."""
    today = today or local_today()
    return (
        DecisionItem.objects.filter(resolution__in=Resolution.objects.current(), on_control=True)
        .annotate(
            current_state=execution_state_expression(today),
            overdue_first=Case(
                When(status__in=OPEN_STATUSES, due_date__lt=today, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .select_related("resolution", "resolution__council", "parent")
        .order_by("overdue_first", F("due_date").asc(nulls_last=True), "resolution__adopted_on", "position")
    )


def decisions_open(*, today: dt.date | None = None) -> QuerySet[DecisionItem]:
    return decisions_under_control(today=today).filter(status__in=OPEN_STATUSES)


def decisions_for_digest(
    *, today: dt.date | None = None, horizon_days: int = DIGEST_HORIZON_DAYS
) -> QuerySet[DecisionItem]:
    """Open decisions that are overdue or fall due within the horizon."""
    today = today or local_today()
    return (
        decisions_open(today=today)
        .filter(due_date__isnull=False, due_date__lte=today + dt.timedelta(days=horizon_days))
        .prefetch_related("responsible_organisations", "responsible_members")
    )


# The council page

ROLE_ORDER = Case(
    When(role=MemberRole.CHAIR, then=Value(0)),
    When(role=MemberRole.DEPUTY_CHAIR, then=Value(1)),
    When(role=MemberRole.SECRETARY, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def councils_public(*, today: dt.date | None = None) -> QuerySet[Council]:
    """Councils with their members in office (chair first) and their working groups with members."""
    today = today or local_today()
    members = (
        CouncilMember.objects.in_office(today)
        .select_related("organisation")
        .annotate(role_order=ROLE_ORDER)
        .order_by("role_order", "last_name", "first_name")
    )
    group_members = WorkingGroupMember.objects.select_related("member").filter(
        member__in=CouncilMember.objects.in_office(today)
    )
    groups = WorkingGroup.objects.select_related("activity_area").prefetch_related(
        Prefetch("memberships", queryset=group_members)
    )
    return Council.objects.select_related("organisation").prefetch_related(
        Prefetch("members", queryset=members, to_attr="members_in_office"),
        Prefetch("working_groups", queryset=groups),
    )
