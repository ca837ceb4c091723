"""Fixtures of the reports tests: files in a temporary folder, and a small funding ledger computed by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from projects.models import Organisation, Project, SourceType
from reports.models import ReportFormat, ReportKind, ReportRequest
from tests.projects.factories import (
    FundingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    VolunteerHoursFactory,
)

FUNDING_PARAMETERS = {
    "year_from": 2019,
    "year_to": 2021,
    "compare_year": 2021,
    "base_from": 2019,
    "base_to": 2020,
}


@pytest.fixture(autouse=True)
def _report_files_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


def stored_files(root) -> list:
    """Every report file under the private folder."""
    return sorted(p for p in (root / "private" / "reports").rglob("*") if p.is_file())


@dataclass
class Ledger:
    zarya: Organisation
    mayak: Organisation
    lessons: Project
    walks: Project
    idle: Project


@pytest.fixture
def ledger(db) -> Ledger:
    """Two organisations, three projects, six receipts and some hours; the expected figures are in the tests.

    2019: lessons federal 100 000.00, lessons business 20 000.00
    2020: walks regional 300 000.00
    2021: lessons federal 500 000.00, walks donations 50 000.50, walks municipal 150 000.00
    2018 (outside the period): walks regional 999 999.00
    Approved hours: 4.5 + 3 in 2021 on lessons; 2 hours pending do not count.
    """
    zarya = OrganisationFactory(short_name="АНО «Заря»")
    mayak = OrganisationFactory(short_name="ТОС «Маяк»")
    lessons = ProjectFactory(
        title="Уроки мужества", lead_organisation=zarya, start_date=dt.date(2019, 1, 1), end_date=None
    )
    walks = ProjectFactory(
        title="Прогулки памяти", lead_organisation=mayak, start_date=dt.date(2018, 1, 1), end_date=None
    )
    idle = ProjectFactory(title="Без денег", lead_organisation=zarya)
    rows = [
        (lessons, SourceType.FEDERAL_GRANT, "100000.00", dt.date(2019, 3, 1)),
        (lessons, SourceType.BUSINESS, "20000.00", dt.date(2019, 9, 1)),
        (walks, SourceType.REGIONAL_BUDGET, "300000.00", dt.date(2020, 4, 1)),
        (lessons, SourceType.FEDERAL_GRANT, "500000.00", dt.date(2021, 2, 1)),
        (walks, SourceType.DONATIONS, "50000.50", dt.date(2021, 12, 31)),
        (walks, SourceType.MUNICIPAL_BUDGET, "150000.00", dt.date(2021, 1, 1)),
        (walks, SourceType.REGIONAL_BUDGET, "999999.00", dt.date(2018, 6, 1)),
    ]
    for project, source, amount, received_on in rows:
        FundingFactory(project=project, source_type=source, amount=Decimal(amount), received_on=received_on)
    participation = ParticipationFactory(project=lessons, started_on=dt.date(2021, 1, 10))
    VolunteerHoursFactory(
        participation=participation, date=dt.date(2021, 3, 1), hours=Decimal("4.50"), approved=True
    )
    VolunteerHoursFactory(
        participation=participation, date=dt.date(2021, 3, 2), hours=Decimal("3.00"), approved=True
    )
    VolunteerHoursFactory(participation=participation, date=dt.date(2021, 3, 3), hours=Decimal("2.00"))
    return Ledger(zarya=zarya, mayak=mayak, lessons=lessons, walks=walks, idle=idle)


@pytest.fixture
def make_request(db):
    """Create a request row directly (no task), for the sweeper, the page and the endpoint tests."""

    def make(**fields) -> ReportRequest:
        values = {
            "kind": ReportKind.FUNDING,
            "format": ReportFormat.PDF,
            "parameters": FUNDING_PARAMETERS,
            **fields,
        }
        return ReportRequest.objects.create(**values)

    return make
