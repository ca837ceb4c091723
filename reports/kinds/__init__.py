"""The kinds of report, by key: each knows its parameters, who may order it and how to build it."""

from __future__ import annotations

from reports.kinds.activity import ActivityReport
from reports.kinds.base import ReportKindBase
from reports.kinds.execution import ExecutionReport
from reports.kinds.funding import FundingReport

KINDS: dict[str, ReportKindBase] = {
    kind.key: kind for kind in (FundingReport(), ActivityReport(), ExecutionReport())
}


def get_kind(key: str) -> ReportKindBase:
    """Return the kind with this key; raise KeyError for an unknown one."""
    return KINDS[key]


def kinds_for(user: object) -> list[ReportKindBase]:
    """The kinds the user may order, in the order of the form."""
    return [kind for kind in KINDS.values() if kind.may_order(user)]


def viewable_kinds(user: object) -> list[str]:
    """Keys of the kinds whose requests and files the user may see."""
    return [kind.key for kind in KINDS.values() if kind.may_view(user)]
