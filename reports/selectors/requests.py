"""Reads of report requests for the staff page, the progress endpoint and downloads."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from reports.models import ReportRequest

User = AbstractBaseUser | AnonymousUser

# The page lists this many of the user's own requests and of everyone else's.
LIST_LIMIT = 15


def report_requests_visible(*, user: User) -> QuerySet[ReportRequest]:
    """Requests of the kinds the user may see (a secretary sees execution reports only)."""
    # Imported here: the kinds import the report aggregates from this package.
    from reports.kinds import viewable_kinds

    return (
        ReportRequest.objects.filter(kind__in=viewable_kinds(user))
        .select_related("ordered_by")
        .order_by("-created_at", "-pk")
    )


def report_requests_own(*, user: User, limit: int = LIST_LIMIT) -> list[ReportRequest]:
    return list(report_requests_visible(user=user).filter(ordered_by=user.pk)[:limit])


def report_requests_recent(*, user: User, limit: int = LIST_LIMIT) -> list[ReportRequest]:
    """Recent requests of colleagues and of the schedule, newest first."""
    return list(report_requests_visible(user=user).exclude(ordered_by=user.pk)[:limit])


def report_requests_by_ids(*, user: User, ids: Iterable[int]) -> list[ReportRequest]:
    """The requests among `ids` the user may see, for the progress endpoint: one query."""
    return list(report_requests_visible(user=user).filter(pk__in=list(ids)))


def report_request_for_download(*, user: User, pk: int) -> ReportRequest | None:
    return report_requests_visible(user=user).filter(pk=pk, status=ReportRequest.Status.READY).first()
