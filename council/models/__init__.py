"""Models of the council app, split by topic; import them from here."""

from council.models.councils import Council, CouncilMember, MemberRole, WorkingGroup, WorkingGroupMember
from council.models.meetings import AgendaItem, Meeting, MeetingFormat
from council.models.resolutions import (
    OPEN_STATUSES,
    DecisionItem,
    DigestDelivery,
    ExecutionReport,
    ExecutionState,
    ExecutionStatus,
    Finding,
    Resolution,
    ResolutionLocked,
    SubitemStyle,
    execution_state,
)

__all__ = [
    "OPEN_STATUSES",
    "AgendaItem",
    "Council",
    "CouncilMember",
    "DecisionItem",
    "DigestDelivery",
    "ExecutionReport",
    "ExecutionState",
    "ExecutionStatus",
    "Finding",
    "Meeting",
    "MeetingFormat",
    "MemberRole",
    "Resolution",
    "ResolutionLocked",
    "SubitemStyle",
    "WorkingGroup",
    "WorkingGroupMember",
    "execution_state",
]
