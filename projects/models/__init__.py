"""Models of the projects app, split by topic; import them from here."""

from projects.models.funding import BUDGET_SOURCES, Funding, SourceType, is_budget_source
from projects.models.organisations import ActivityArea, LegalForm, Organisation, VolunteerAffiliation
from projects.models.projects import (
    DECREE_78_UG,
    ContractChange,
    ExpertConsultation,
    Indicator,
    IndicatorValue,
    Project,
    Region,
    Replication,
)
from projects.models.volunteering import MAX_HOURS_PER_DAY, Participation, VolunteerHours, VolunteerStatement

__all__ = [
    "BUDGET_SOURCES",
    "DECREE_78_UG",
    "MAX_HOURS_PER_DAY",
    "ActivityArea",
    "ContractChange",
    "ExpertConsultation",
    "Funding",
    "Indicator",
    "IndicatorValue",
    "LegalForm",
    "Organisation",
    "Participation",
    "Project",
    "Region",
    "Replication",
    "SourceType",
    "VolunteerAffiliation",
    "VolunteerHours",
    "VolunteerStatement",
    "is_budget_source",
]
