"""Every selector against sums computed by hand from a small, irregular data set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from projects import selectors
from projects.models import SourceType
from tests.factories import VolunteerFactory
from tests.projects.factories import (
    FundingFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    VolunteerHoursFactory,
)

pytestmark = pytest.mark.django_db

F, R, M = SourceType.FEDERAL_GRANT, SourceType.REGIONAL_BUDGET, SourceType.MUNICIPAL_BUDGET
BUS, DN, OWN = SourceType.BUSINESS, SourceType.DONATIONS, SourceType.OWN_FUNDS


@pytest.fixture
def money():
    """Two organisations, three projects, eleven receipts over 2017–2021 (hand-computed totals below)."""
    a = OrganisationFactory(short_name="АНО «Альфа»")
    b = OrganisationFactory(short_name="РОО «Бета»")
    OrganisationFactory(short_name="ТОС «Без денег»")
    p1 = ProjectFactory(title="А-проект", lead_organisation=a)
    p2 = ProjectFactory(title="Б-проект", lead_organisation=a)
    p3 = ProjectFactory(title="В-проект", lead_organisation=b)
    rows = [
        (p1, F, "1000.00", dt.date(2017, 3, 1)),
        (p1, BUS, "250.50", dt.date(2017, 12, 31)),
        (p1, R, "2000.00", dt.date(2018, 1, 1)),
        (p2, M, "300.25", dt.date(2018, 6, 1)),
        (p2, DN, "99.75", dt.date(2018, 7, 1)),
        (p2, F, "5000.00", dt.date(2021, 2, 1)),
        (p2, OWN, "1000.00", dt.date(2021, 3, 1)),
        (p3, R, "1500.00", dt.date(2019, 5, 5)),
        (p3, F, "700.00", dt.date(2020, 12, 31)),
        (p3, BUS, "4000.00", dt.date(2021, 1, 1)),
        (p3, R, "1234.56", dt.date(2021, 11, 30)),
    ]
    for project, source, amount, received_on in rows:
        FundingFactory(project=project, source_type=source, amount=Decimal(amount), received_on=received_on)
    return {"a": a, "b": b, "p1": p1, "p2": p2, "p3": p3}


def test_totals_by_year(money):
    assert selectors.funding_totals_by_year() == {
        2017: Decimal("1250.50"),
        2018: Decimal("2400.00"),
        2019: Decimal("1500.00"),
        2020: Decimal("700.00"),
        2021: Decimal("11234.56"),
    }
    assert selectors.funding_totals_by_year(years=[2018, 2021]) == {
        2018: Decimal("2400.00"),
        2021: Decimal("11234.56"),
    }


def test_totals_by_year_and_source(money):
    by_year = selectors.funding_totals_by_year_and_source()
    assert [(t.source_type, t.total) for t in by_year[2018]] == [
        (R, Decimal("2000.00")),
        (M, Decimal("300.25")),
        (DN, Decimal("99.75")),
    ]
    assert [(t.source_type, t.total) for t in by_year[2021]] == [
        (F, Decimal("5000.00")),
        (R, Decimal("1234.56")),
        (BUS, Decimal("4000.00")),
        (OWN, Decimal("1000.00")),
    ]
    assert set(by_year) == {2017, 2018, 2019, 2020, 2021}


def test_totals_by_source_all_and_per_project(money):
    everything = selectors.funding_totals_by_source()
    assert [(t.source_type, t.total) for t in everything] == [
        (F, Decimal("6700.00")),
        (R, Decimal("4734.56")),
        (BUS, Decimal("4250.50")),
        (OWN, Decimal("1000.00")),
        (M, Decimal("300.25")),
        (DN, Decimal("99.75")),
    ]
    p3 = selectors.funding_totals_by_source(project=money["p3"])
    assert [(t.source_type, t.total, t.is_budget) for t in p3] == [
        (BUS, Decimal("4000.00"), False),
        (R, Decimal("2734.56"), True),
        (F, Decimal("700.00"), True),
    ]
    assert p3[0].label == "Бизнес"


def test_budget_split_overall_and_by_year(money):
    overall = selectors.funding_budget_split()
    assert overall.budget == Decimal("11734.81")
    assert overall.non_budget == Decimal("5350.25")
    assert overall.total == Decimal("17085.06")
    by_year = selectors.funding_budget_split_by_year()
    assert {year: (s.budget, s.non_budget) for year, s in by_year.items()} == {
        2017: (Decimal("1000.00"), Decimal("250.50")),
        2018: (Decimal("2300.25"), Decimal("99.75")),
        2019: (Decimal("1500.00"), Decimal("0")),
        2020: (Decimal("700.00"), Decimal("0")),
        2021: (Decimal("6234.56"), Decimal("5000.00")),
    }
    only_2019 = selectors.funding_budget_split(years=[2019])
    assert (only_2019.budget, only_2019.non_budget) == (Decimal("1500.00"), Decimal("0"))


def test_totals_by_organisation(money):
    rows = list(selectors.funding_totals_by_organisation())
    assert [(o.short_name, o.total, o.budget, o.non_budget) for o in rows] == [
        ("АНО «Альфа»", Decimal("9650.50"), Decimal("8300.25"), Decimal("1350.25")),
        ("РОО «Бета»", Decimal("7434.56"), Decimal("3434.56"), Decimal("4000.00")),
    ]
    in_2021 = list(selectors.funding_totals_by_organisation(years=[2021]))
    assert [(o.short_name, o.total, o.budget) for o in in_2021] == [
        ("АНО «Альфа»", Decimal("6000.00"), Decimal("5000.00")),
        ("РОО «Бета»", Decimal("5234.56"), Decimal("1234.56")),
    ]


def test_totals_by_project(money):
    rows = {p.title: (p.total, p.budget, p.non_budget) for p in selectors.funding_totals_by_project()}
    assert rows == {
        "А-проект": (Decimal("3250.50"), Decimal("3000.00"), Decimal("250.50")),
        "Б-проект": (Decimal("6400.00"), Decimal("5300.25"), Decimal("1099.75")),
        "В-проект": (Decimal("7434.56"), Decimal("3434.56"), Decimal("4000.00")),
    }
    in_2021 = {p.title: p.total for p in selectors.funding_totals_by_project(years=[2021])}
    assert in_2021 == {
        "А-проект": Decimal("0"),
        "Б-проект": Decimal("6000.00"),
        "В-проект": Decimal("5234.56"),
    }


def test_cofinancing_multiplier(money):
    result = selectors.cofinancing_multiplier(year=2021, base_years=range(2017, 2021))
    assert result.year_total == Decimal("11234.56")
    assert result.base_budget_total == Decimal("5500.25")
    assert result.base_average == Decimal("1375.06")
    # 11234.56 / (5500.25 / 4) = 8.1702...
    assert result.multiplier == Decimal("8.17")


def test_cofinancing_counts_years_without_money_as_zero(money):
    # 2016 has no rows at all: the average is over five years, not four.
    result = selectors.cofinancing_multiplier(year=2021, base_years=range(2016, 2021))
    assert result.base_average == Decimal("1100.05")
    assert result.multiplier == Decimal("10.21")


def test_cofinancing_rounds_half_up_and_handles_an_empty_base(money):
    two_years = selectors.cofinancing_multiplier(year=2021, base_years=[2018, 2019])
    assert two_years.base_average == Decimal("1900.13")  # 3800.25 / 2 = 1900.125
    assert selectors.cofinancing_multiplier(year=2021, base_years=[2010]).multiplier is None
    with pytest.raises(ValueError):
        selectors.cofinancing_multiplier(year=2021, base_years=[])


@pytest.fixture
def book():
    """One volunteer in two projects with approved and pending hours, and a second volunteer."""
    volunteer = VolunteerFactory(last_name="Ковальчук", first_name="Валентина")
    other = VolunteerFactory()
    org = OrganisationFactory(short_name="ТОС «Омега»")
    p1 = ProjectFactory(title="А-проект", lead_organisation=org, end_date=None)
    p2 = ProjectFactory(title="Б-проект")
    in_p1 = ParticipationFactory(volunteer=volunteer, project=p1)
    in_p2 = ParticipationFactory(volunteer=volunteer, project=p2)
    VolunteerHoursFactory(participation=in_p1, date=dt.date(2021, 4, 1), hours=Decimal("3"), approved=True)
    VolunteerHoursFactory(participation=in_p1, date=dt.date(2021, 5, 1), hours=Decimal("2.5"), approved=True)
    VolunteerHoursFactory(participation=in_p1, date=dt.date(2021, 6, 1), hours=Decimal("4"))  # pending
    VolunteerHoursFactory(participation=in_p1, date=dt.date(2022, 1, 9), hours=Decimal("1.25"), approved=True)
    VolunteerHoursFactory(participation=in_p2, date=dt.date(2021, 7, 1), hours=Decimal("2"), approved=True)
    VolunteerHoursFactory(
        participation=ParticipationFactory(volunteer=other, project=p1),
        date=dt.date(2021, 4, 1),
        hours=Decimal("7"),
        approved=True,
    )
    return {"volunteer": volunteer, "other": other, "p1": p1, "p2": p2}


def test_volunteer_book_by_project_and_year(book):
    rows = selectors.volunteer_book(volunteer=book["volunteer"])
    assert [(r.year, r.project_title, r.organisation, r.hours) for r in rows] == [
        (2021, "А-проект", "ТОС «Омега»", Decimal("5.5")),
        (2021, "Б-проект", book["p2"].lead_organisation.short_name, Decimal("2")),
        (2022, "А-проект", "ТОС «Омега»", Decimal("1.25")),
    ]
    assert [r.hours for r in selectors.volunteer_book(volunteer=book["volunteer"], year=2022)] == [
        Decimal("1.25")
    ]


def test_volunteer_hours_total_counts_approved_only(book):
    assert selectors.volunteer_hours_total(volunteer=book["volunteer"]) == Decimal("8.75")
    assert selectors.volunteer_hours_total(volunteer=book["volunteer"], year=2021) == Decimal("7.5")
    assert selectors.volunteer_hours_total(volunteer=book["other"]) == Decimal("7")


def test_hours_pending(book):
    assert [h.hours for h in selectors.hours_pending()] == [Decimal("4")]


def test_in_kind_value_of_approved_hours(book, settings):
    settings.VOLUNTEER_HOUR_RATE = Decimal("250.00")
    everything = selectors.volunteer_hours_in_kind()
    assert everything.hours == Decimal("15.75")  # 3 + 2.5 + 1.25 + 2 + 7
    assert everything.value == Decimal("3937.50")
    in_2021_p1 = selectors.volunteer_hours_in_kind(years=[2021], project=book["p1"], rate=Decimal("300"))
    assert in_2021_p1.hours == Decimal("12.5")  # 3 + 2.5 + 7
    assert in_2021_p1.value == Decimal("3750.00")
    assert selectors.volunteer_hours_in_kind(years=[2019]).value == Decimal("0")


def test_project_volunteer_summary(book):
    summary = selectors.project_volunteer_summary(project=book["p1"])
    assert summary.volunteers == 2
    assert summary.hours == Decimal("13.75")  # 3 + 2.5 + 1.25 + 7; the pending 4 is left out


def test_project_indicators_latest_fact():
    with_values = IndicatorFactory(planned_value=Decimal("100"), position=1)
    IndicatorValueFactory(indicator=with_values, reported_on=dt.date(2021, 6, 30), value=Decimal("40"))
    IndicatorValueFactory(indicator=with_values, reported_on=dt.date(2021, 12, 31), value=Decimal("90"))
    IndicatorValueFactory(indicator=with_values, reported_on=dt.date(2021, 9, 30), value=Decimal("70"))
    without = IndicatorFactory(project=with_values.project, position=2)
    rows = list(selectors.project_indicators(project=with_values.project))
    assert [(i.pk, i.actual, i.actual_on) for i in rows] == [
        (with_values.pk, Decimal("90"), dt.date(2021, 12, 31)),
        (without.pk, None, None),
    ]


def test_public_selectors_leave_out_hidden_projects():
    shown = ProjectFactory(start_date=dt.date(2018, 1, 1))
    hidden = ProjectFactory(is_public=False, start_date=dt.date(2015, 1, 1))
    assert list(selectors.projects_public()) == [shown]
    assert selectors.project_public_detail(pk=hidden.pk) is None
    assert selectors.project_public_detail(pk=shown.pk) == shown
    assert selectors.project_years_range(today=dt.date(2021, 5, 1)) == [2021, 2020, 2019, 2018]


def test_years_range_ignores_a_mistyped_ancient_start_date():
    # A start date typed as 01.01.0001 must not offer two thousand years in the public filter.
    ProjectFactory(start_date=dt.date(1, 1, 1), end_date=dt.date(2019, 1, 1))
    years = selectors.project_years_range(today=dt.date(2021, 5, 1))
    assert years[0] == 2021
    assert years[-1] == selectors.EARLIEST_PROJECT_YEAR
    assert len(years) <= 2021 - selectors.EARLIEST_PROJECT_YEAR + 1
