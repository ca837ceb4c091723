"""The public showcase: filters, pagination, the project page, no personal data, constant query counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import Project, Replication, SourceType
from tests.factories import VolunteerFactory
from tests.projects.factories import (
    ActivityAreaFactory,
    FundingFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
    VolunteerHoursFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("projects:list")


def _titles(response) -> set[str]:
    return {project.title for project in response.context["projects"]}


@pytest.fixture
def showcase():
    health = ActivityAreaFactory(slug="health", name="Здоровье")
    memory = ActivityAreaFactory(slug="patriotic", name="Патриотическое воспитание")
    fleet = OrganisationFactory(short_name="РОО «Союз ветеранов флота»")
    tos = OrganisationFactory(short_name="ТОС «Омега»")
    ProjectFactory(
        title="Уроки мужества",
        lead_organisation=fleet,
        activity_areas=[memory],
        status=Project.Status.RUNNING,
        start_date=dt.date(2018, 2, 1),
        end_date=dt.date(2022, 12, 20),
        is_best_practice=True,
    )
    ProjectFactory(
        title="Школа здоровья",
        lead_organisation=tos,
        partners=[fleet],
        activity_areas=[health],
        status=Project.Status.COMPLETED,
        start_date=dt.date(2017, 3, 1),
        end_date=dt.date(2017, 12, 1),
    )
    ProjectFactory(
        title="Зелёный двор",
        lead_organisation=tos,
        activity_areas=[health, memory],
        status=Project.Status.APPLICATION,
        start_date=dt.date(2022, 9, 1),
        end_date=None,
    )
    ProjectFactory(
        title="Скрытый проект", lead_organisation=tos, is_public=False, start_date=dt.date(2021, 1, 1)
    )
    return {"fleet": fleet, "tos": tos}


def test_list_shows_public_projects_only(client, showcase):
    response = client.get(LIST)
    assert response.status_code == 200
    assert _titles(response) == {"Уроки мужества", "Школа здоровья", "Зелёный двор"}
    assert "Скрытый проект" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"area": "health"}, {"Школа здоровья", "Зелёный двор"}),
        ({"area": "patriotic"}, {"Уроки мужества", "Зелёный двор"}),
        ({"status": "completed"}, {"Школа здоровья"}),
        ({"status": "application"}, {"Зелёный двор"}),
        ({"year": "2017"}, {"Школа здоровья"}),
        ({"year": "2020"}, {"Уроки мужества"}),
        ({"year": "2022"}, {"Уроки мужества", "Зелёный двор"}),
        ({"best_practice": "1"}, {"Уроки мужества"}),
        ({"best_practice": ""}, {"Уроки мужества", "Школа здоровья", "Зелёный двор"}),
        ({"area": "health", "status": "completed", "year": "2017"}, {"Школа здоровья"}),
        ({"area": "patriotic", "best_practice": "1"}, {"Уроки мужества"}),
    ],
)
def test_every_filter_parameter(client, showcase, query, expected):
    response = client.get(LIST, query)
    assert _titles(response) == expected


def test_organisation_filter_finds_lead_and_partner_projects(client, showcase):
    as_lead_or_partner = client.get(LIST, {"organisation": showcase["fleet"].pk})
    assert _titles(as_lead_or_partner) == {"Уроки мужества", "Школа здоровья"}
    tos_only = client.get(LIST, {"organisation": showcase["tos"].pk})
    assert _titles(tos_only) == {"Школа здоровья", "Зелёный двор"}


def test_invalid_filter_values_show_everything_instead_of_an_error(client, showcase):
    response = client.get(LIST, {"year": "1812", "area": "nonsense"})
    assert response.status_code == 200
    assert len(_titles(response)) == 3


def test_filter_form_offers_only_areas_and_organisations_with_public_projects(client, showcase):
    OrganisationFactory(short_name="Организация без проектов")
    ActivityAreaFactory(slug="unused", name="Пустое направление")
    html = client.get(LIST).content.decode()
    assert "Организация без проектов" not in html
    assert "Пустое направление" not in html
    assert "Союз ветеранов флота" in html


def test_pagination_keeps_the_filter(client):
    area = ActivityAreaFactory(slug="care")
    for n in range(12):
        ProjectFactory(
            title=f"Проект заботы {n:02d}", activity_areas=[area], start_date=dt.date(2021, 1, n + 1)
        )
    ProjectFactory(title="Другой")
    first = client.get(LIST, {"area": "care"})
    assert first.context["paginator"].count == 12
    assert len(first.context["projects"]) == 10
    assert "area=care&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"area": "care", "page": 2})
    assert len(second.context["projects"]) == 2
    assert "Другой" not in second.content.decode()


@pytest.fixture
def project_page():
    lead = OrganisationFactory(short_name="АНО «Серебряный возраст»", full_name="АНО содействия долголетию")
    partner = OrganisationFactory(full_name="Департамент здравоохранения города Севастополя", department=True)
    predecessor = ProjectFactory(
        title="Школа активного долголетия", start_date=dt.date(2017, 3, 1), end_date=dt.date(2018, 12, 1)
    )
    project = ProjectFactory(
        title="Школа активного долголетия 2.0",
        lead_organisation=lead,
        partners=[partner],
        goals="Открыть площадки во всех районах города.",
        predecessor=predecessor,
        start_date=dt.date(2019, 2, 1),
        end_date=dt.date(2020, 12, 25),
    )
    indicator = IndicatorFactory(
        project=project, name="Слушателей прошли курс", unit="чел.", planned_value=Decimal("600")
    )
    IndicatorValueFactory(indicator=indicator, reported_on=dt.date(2020, 12, 25), value=Decimal("548"))
    Replication.objects.create(project=project, region=RegionFactory(name="Калужская область"), year=2022)
    FundingFactory(project=project, source_type=SourceType.FEDERAL_GRANT, amount=Decimal("24600000"))
    FundingFactory(project=project, source_type=SourceType.FEDERAL_GRANT, amount=Decimal("21700000"))
    FundingFactory(project=project, source_type=SourceType.BUSINESS, amount=Decimal("3400000.50"))
    volunteer = VolunteerFactory(
        last_name="Засекреченная",
        first_name="Таисия",
        patronymic="Онуфриевна",
        phone="+79781234567",
        email="taisia@example.org",
        date_of_birth=dt.date(1951, 7, 19),
        about="Бывший главный бухгалтер завода",
        affiliation="ТОС «Тайный»",
    )
    participation = ParticipationFactory(
        volunteer=volunteer, project=project, role="Ведущая занятий", started_on=dt.date(2019, 2, 1)
    )
    VolunteerHoursFactory(
        participation=participation,
        date=dt.date(2019, 3, 1),
        hours=Decimal("4"),
        approved=True,
        description="Провела занятие у Таисии дома",
    )
    return project


def test_project_page_shows_goals_partners_plan_fact_regions_and_funding(client, project_page):
    response = client.get(project_page.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Открыть площадки во всех районах города." in html
    assert "Департамент здравоохранения города Севастополя" in html
    assert "Слушателей прошли курс" in html
    assert "600 чел." in html and "548 чел." in html and "91%" in html
    assert "Калужская область" in html
    assert "46\xa0300\xa0000\xa0₽" in html  # two federal grants together
    assert "3\xa0400\xa0000,50\xa0₽" in html
    assert "49\xa0700\xa0000,50\xa0₽" in html  # the total
    assert "Школа активного долголетия</a>" in html  # continuity link to the predecessor
    assert "1 «серебряный» волонтёр" in html or "1 silver volunteer" in html


def test_public_pages_show_no_personal_data(client, project_page):
    pages = [client.get(LIST).content.decode(), client.get(project_page.get_absolute_url()).content.decode()]
    for html in pages:
        for secret in (
            "Засекреченная",
            "Таисия",
            "Онуфриевна",
            "79781234567",
            "978) 123",
            "taisia@example.org",
            "19.07.1951",
            "1951",
            "главный бухгалтер",
            "ТОС «Тайный»",
            "Ведущая занятий",
            "Провела занятие",
        ):
            assert secret not in html, secret


def test_hidden_or_missing_project_is_not_found(client):
    hidden = ProjectFactory(is_public=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("projects:detail", args=[987654])).status_code == 404


def _fill(count: int) -> Project:
    areas = [ActivityAreaFactory(slug=f"a{n}") for n in range(3)]
    partners = [OrganisationFactory() for _ in range(3)]
    project = None
    for n in range(count):
        project = ProjectFactory(
            activity_areas=areas[: 1 + n % 3],
            partners=partners[: n % 3],
            start_date=dt.date(2017 + n % 6, 1, 1),
            end_date=None,
        )
        FundingFactory(project=project)
        IndicatorValueFactory(indicator=IndicatorFactory(project=project))
        Replication.objects.create(project=project, region=RegionFactory(name=f"Регион {n}"))
    return project


def _queries(client, django_assert_max_num_queries, url: str, params: dict | None = None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "params", [{}, {"area": "a1", "year": "2019", "best_practice": "1", "status": "running"}]
)
def test_list_query_count_does_not_grow_with_projects(django_assert_max_num_queries, params):
    _fill(5)
    small = _queries(Client(), django_assert_max_num_queries, LIST, params)
    _fill(95)
    with django_assert_max_num_queries(small):
        assert Client().get(LIST, params).status_code == 200
    assert small <= 10


def test_project_page_query_count_does_not_grow(django_assert_max_num_queries):
    few = _fill(5)
    small = _queries(Client(), django_assert_max_num_queries, few.get_absolute_url())
    many = _fill(95)
    for n in range(20):
        ParticipationFactory(project=many, started_on=dt.date(2021, 1, 1 + n))
        Replication.objects.create(project=many, region=RegionFactory(name=f"Ещё регион {n}"))
        IndicatorFactory(project=many)
    with django_assert_max_num_queries(small):
        assert Client().get(many.get_absolute_url()).status_code == 200
    assert small <= 12


def test_an_invalid_filter_value_does_not_drop_the_valid_ones(client, showcase):
    # The form shows «Здоровье» chosen and the year in error; the list must match what the form shows.
    response = client.get(LIST, {"area": "health", "year": "abc"})
    assert response.status_code == 200
    assert _titles(response) == {"Школа здоровья", "Зелёный двор"}
    assert "abc" in response.content.decode()  # the typed value is named in the message


@pytest.mark.parametrize(("page", "expected"), [("-1", 1), ("0", 1), ("abc", 1), ("9999", 2)])
def test_a_page_out_of_range_shows_the_nearest_page_not_an_error(client, page, expected):
    for n in range(12):
        ProjectFactory(title=f"Проект {n}")
    response = client.get(LIST, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected
