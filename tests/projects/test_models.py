"""Database constraints of projects, funding and hours, and the budget flag derived from the source type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import (
    BUDGET_SOURCES,
    Funding,
    Project,
    Replication,
    SourceType,
    VolunteerHours,
    is_budget_source,
)
from tests.projects.factories import (
    FundingFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
    VolunteerHoursFactory,
)

pytestmark = pytest.mark.django_db


def _refused(factory, **kwargs) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-0.01"), Decimal("-1000")])
def test_funding_amount_must_be_positive(amount):
    _refused(FundingFactory, amount=amount)


def test_funding_smallest_positive_amount_is_accepted():
    assert FundingFactory(amount=Decimal("0.01")).amount == Decimal("0.01")


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1"), Decimal("24.01"), Decimal("25")])
def test_hours_outside_0_to_24_are_refused(hours):
    participation = ParticipationFactory()
    _refused(VolunteerHoursFactory, participation=participation, hours=hours)


@pytest.mark.parametrize("hours", [Decimal("0.25"), Decimal("24")])
def test_hours_at_the_edges_are_accepted(hours):
    assert VolunteerHoursFactory(hours=hours).hours == hours


def test_approved_hours_need_an_approval_time_and_pending_ones_must_not_have_one():
    participation = ParticipationFactory()
    _refused(VolunteerHoursFactory, participation=participation, status=VolunteerHours.Status.APPROVED)
    _refused(
        VolunteerHoursFactory,
        participation=participation,
        status=VolunteerHours.Status.PENDING,
        approved_at=dt.datetime(2021, 5, 1, tzinfo=dt.UTC),
    )


def test_project_cannot_end_before_it_starts():
    _refused(ProjectFactory, start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 4, 30))


def test_project_cannot_be_its_own_predecessor():
    project = ProjectFactory()
    project.predecessor = project
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_replication_region_listed_once_per_project():
    project = ProjectFactory()
    region = RegionFactory(name="Республика Крым")
    Replication.objects.create(project=project, region=region)
    with pytest.raises(IntegrityError), transaction.atomic():
        Replication.objects.create(project=project, region=region)


def test_indicator_value_once_per_date():
    value = IndicatorValueFactory()
    _refused(IndicatorValueFactory, indicator=value.indicator, reported_on=value.reported_on)


def test_indicator_name_unique_within_project():
    indicator = IndicatorFactory()
    _refused(IndicatorFactory, project=indicator.project, name=indicator.name)


def test_participation_period_ordered():
    _refused(ParticipationFactory, started_on=dt.date(2021, 5, 1), ended_on=dt.date(2021, 4, 1))


def test_full_clean_gives_the_friendly_message_of_a_check_constraint():
    project = ProjectFactory.build(start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 4, 1))
    project.lead_organisation.save()
    project.lead_organisation_id = project.lead_organisation.pk
    with pytest.raises(ValidationError) as exc:
        project.full_clean()
    assert "Дата окончания не может быть раньше даты начала." in exc.value.messages


def test_budget_sources_are_exactly_the_three_public_budgets():
    assert {
        SourceType.FEDERAL_GRANT,
        SourceType.REGIONAL_BUDGET,
        SourceType.MUNICIPAL_BUDGET,
    } == BUDGET_SOURCES


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (SourceType.FEDERAL_GRANT, True),
        (SourceType.REGIONAL_BUDGET, True),
        (SourceType.MUNICIPAL_BUDGET, True),
        (SourceType.BUSINESS, False),
        (SourceType.DONATIONS, False),
        (SourceType.OWN_FUNDS, False),
        (SourceType.OTHER, False),
    ],
)
def test_budget_flag_is_derived_from_the_source_type(source, expected):
    funding = FundingFactory(source_type=source)
    assert is_budget_source(source) is expected
    assert funding.is_budget is expected
    # The database computes the same flag for queries, from the same single column.
    annotated = Funding.objects.with_budget_flag().get(pk=funding.pk)
    assert annotated.is_budget_db is expected
    assert Funding.objects.budget().filter(pk=funding.pk).exists() is expected
    assert Funding.objects.non_budget().filter(pk=funding.pk).exists() is not expected


def test_budget_flag_follows_a_change_of_source_type():
    funding = FundingFactory(source_type=SourceType.BUSINESS)
    funding.source_type = SourceType.REGIONAL_BUDGET
    funding.save()
    assert Funding.objects.budget().filter(pk=funding.pk).exists()
    assert not hasattr(Funding, "is_budget_db")  # nothing stored twice: no such column


def test_active_in_year_counts_overlapping_periods():
    ended = ProjectFactory(start_date=dt.date(2019, 1, 1), end_date=dt.date(2020, 6, 1))
    open_ended = ProjectFactory(start_date=dt.date(2021, 1, 1), end_date=None)
    assert set(Project.objects.active_in_year(2020)) == {ended}
    assert set(Project.objects.active_in_year(2021)) == {open_ended}
    assert set(Project.objects.active_in_year(2030)) == {open_ended}
    assert not Project.objects.active_in_year(2018).exists()


def test_years_label():
    assert (
        ProjectFactory.build(start_date=dt.date(2019, 2, 1), end_date=dt.date(2020, 12, 1)).years
        == "2019–2020"
    )
    assert ProjectFactory.build(start_date=dt.date(2017, 2, 1), end_date=dt.date(2017, 12, 1)).years == "2017"
