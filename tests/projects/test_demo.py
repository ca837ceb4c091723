"""The demo data reproduces the founding resolution's two figures, and loading it twice changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from projects import demo, selectors
from projects.demo_data import FUNDING
from projects.models import BUDGET_SOURCES, Funding, Organisation, Project, VolunteerHours
from volunteers import demo as volunteers_demo

pytestmark = pytest.mark.django_db


def _hand_sum(*, years: set[int], budget_only: bool) -> Decimal:
    """Add up the demo table in Python, independently of the database."""
    return sum(
        (
            Decimal(amount)
            for _project, source, _name, amount, received_on, _doc in FUNDING
            if received_on.year in years and (source in BUDGET_SOURCES or not budget_only)
        ),
        start=Decimal("0"),
    )


@pytest.fixture
def seeded():
    volunteers_demo.seed()
    return demo.seed()


def test_2021_brought_over_125_million(seeded):
    total_2021 = selectors.funding_totals_by_year(years=[2021])[2021]
    assert total_2021 == _hand_sum(years={2021}, budget_only=False)
    assert total_2021 == Decimal("127640000.00")
    assert total_2021 > Decimal("125000000")


def test_2021_is_over_2_2_times_the_2017_2020_budget_average(seeded):
    result = selectors.cofinancing_multiplier(year=2021, base_years=range(2017, 2021))
    base = _hand_sum(years={2017, 2018, 2019, 2020}, budget_only=True)
    assert result.base_budget_total == base == Decimal("207500000.00")
    assert result.base_average == Decimal("51875000.00")
    assert result.multiplier == Decimal("2.46")
    assert result.multiplier > Decimal("2.2")


def test_demo_has_the_resolution_s_organisations(seeded):
    flagship = Organisation.objects.get(is_flagship_resource_centre=True)
    assert flagship.short_name == "АНО «Ресурсный центр поддержки СО НКО»"
    departments = set(Organisation.objects.departments().values_list("full_name", flat=True))
    assert {
        "Департамент внутренней политики города Севастополя",
        "Департамент здравоохранения города Севастополя",
        "Департамент имущественных и земельных отношений города Севастополя",
        "Управление по делам молодёжи и спорта города Севастополя",
    } <= departments
    assert any("образования" in name for name in departments)
    assert Organisation.objects.filter(legal_form="tos").count() >= 2
    years = {p.start_date.year for p in Project.objects.all()}
    assert {2017, 2018, 2019, 2020, 2021, 2022} <= years


def test_demo_organisation_numbers_pass_the_check_digits(seeded):
    for org in Organisation.objects.exclude(inn__isnull=True):
        org.full_clean()


def test_seed_is_idempotent(seeded):
    counts = {model: model.objects.count() for model in (Organisation, Project, Funding, VolunteerHours)}
    again = demo.seed()
    assert again["hours_created"] == 0
    assert {model: model.objects.count() for model in counts} == counts
    assert seeded["funding_records"] == again["funding_records"] == len(FUNDING)


def test_demo_links_volunteers_to_organisations_and_records_hours(seeded):
    assert seeded["hours_created"] > 0
    assert VolunteerHours.objects.filter(status=VolunteerHours.Status.PENDING).exists()
    assert VolunteerHours.objects.filter(status=VolunteerHours.Status.APPROVED).exists()
    omega = Organisation.objects.get(short_name="ТОС «Омега»")
    assert omega.volunteer_links.exists()
