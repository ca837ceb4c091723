"""The coordinators' admin: pages open, actions go through services, secretaries see no volunteers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import LegalForm, Organisation, VolunteerHours, VolunteerStatement
from projects.validation import complete_inn10
from tests.factories import VolunteerFactory
from tests.projects.factories import (
    FundingFactory,
    IndicatorFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    VolunteerHoursFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "organisation",
    "activityarea",
    "region",
    "project",
    "funding",
    "indicator",
    "contractchange",
    "expertconsultation",
    "participation",
    "volunteerhours",
    "volunteerstatement",
]


@pytest.fixture
def data():
    volunteer = VolunteerFactory(last_name="Гордиенко", first_name="Николай")
    org = OrganisationFactory(short_name="РОО «Союз ветеранов флота»")
    project = ProjectFactory(title="Уроки мужества", lead_organisation=org)
    FundingFactory(project=project, amount=Decimal("1250000.50"))
    IndicatorFactory(project=project)
    participation = ParticipationFactory(volunteer=volunteer, project=project)
    approved = VolunteerHoursFactory(participation=participation, hours=Decimal("5"), approved=True)
    pending = VolunteerHoursFactory(participation=participation, date=dt.date(2021, 5, 9), hours=Decimal("2"))
    return {"volunteer": volunteer, "project": project, "org": org, "approved": approved, "pending": pending}


@pytest.mark.parametrize("model", MODELS)
def test_coordinator_opens_every_list(coordinator_client, data, model):
    response = coordinator_client.get(reverse(f"admin:projects_{model}_changelist"))
    assert response.status_code == 200


def test_coordinator_opens_project_and_volunteer_pages(coordinator_client, data):
    project_page = coordinator_client.get(reverse("admin:projects_project_change", args=[data["project"].pk]))
    assert project_page.status_code == 200
    assert "Гордиенко" in project_page.content.decode()  # the participation inline
    volunteer_page = coordinator_client.get(
        reverse("admin:volunteers_volunteer_change", args=[data["volunteer"].pk])
    )
    html = volunteer_page.content.decode()
    assert volunteer_page.status_code == 200
    assert "Книжка волонтёра" in html
    assert "Уроки мужества" in html
    assert "Справка за все годы (PDF)" in html
    assert "Справка за 2021 год (PDF)" in html


def test_volunteer_list_shows_the_linked_organisation_or_the_free_text(coordinator_client, data):
    from projects import services

    services.volunteer_link_organisation(volunteer=data["volunteer"], organisation=data["org"])
    VolunteerFactory(last_name="Данилова", affiliation="Хор ветеранов")
    html = coordinator_client.get(reverse("admin:volunteers_volunteer_changelist")).content.decode()
    assert "РОО «Союз ветеранов флота»" in html
    assert "Хор ветеранов" in html


def test_ordering_and_downloading_a_statement(coordinator_client, data, django_capture_on_commit_callbacks):
    url = reverse("admin:volunteers_volunteer_statement", args=[data["volunteer"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, {"statement_year": "2021"})
    assert response.status_code == 302
    statement = VolunteerStatement.objects.get()
    assert (statement.year, statement.status, statement.total_hours) == (2021, "ready", Decimal("5"))
    download = coordinator_client.get(
        reverse("admin:projects_volunteerstatement_download", args=[statement.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert coordinator_client.get(url).status_code == 405


def test_approve_action_goes_through_the_service(coordinator_client, coordinator, data):
    response = coordinator_client.post(
        reverse("admin:projects_volunteerhours_changelist"),
        {"action": "approve", "_selected_action": [data["pending"].pk, data["approved"].pk]},
    )
    assert response.status_code == 302
    data["pending"].refresh_from_db()
    assert data["pending"].status == VolunteerHours.Status.APPROVED
    assert data["pending"].approved_by == coordinator


def test_hours_added_in_the_admin_are_pending_and_checked(coordinator_client, coordinator, data):
    participation = data["pending"].participation
    add = reverse("admin:projects_volunteerhours_add")
    refused = coordinator_client.post(
        add, {"participation": participation.pk, "date": "10.04.2021", "hours": "30", "description": "Много"}
    )
    assert refused.status_code == 200
    assert "Часов за день должно быть больше 0 и не больше 24." in refused.content.decode()
    accepted = coordinator_client.post(
        add,
        {"participation": participation.pk, "date": "11.04.2021", "hours": "1,5", "description": "Звонки"},
    )
    assert accepted.status_code == 302
    entry = VolunteerHours.objects.get(description="Звонки")
    assert (entry.status, entry.hours, entry.reported_by) == ("pending", Decimal("1.50"), coordinator)


def test_funding_csv_export(coordinator_client, data):
    response = coordinator_client.post(
        reverse("admin:projects_funding_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(data["project"].funding.values_list("pk", flat=True)),
        },
    )
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Уроки мужества" in text
    assert "1250000,50" in text
    assert ";да;" in text  # a federal grant is budget money


def test_project_csv_export_has_totals(coordinator_client, data):
    response = coordinator_client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "export_csv", "_selected_action": [data["project"].pk]},
    )
    assert "1250000,50" in response.content.decode("utf-8-sig")


def test_organisation_form_accepts_spaced_inn_and_explains_bad_ones(coordinator_client):
    add = reverse("admin:projects_organisation_add")
    form = {
        "short_name": "АНО «Новая»",
        "full_name": "Автономная некоммерческая организация «Новая»",
        "legal_form": LegalForm.ANO,
        "ogrn": "",
        "website": "new-ano.ru",
    }
    inn = complete_inn10("920412345")
    ok = coordinator_client.post(add, {**form, "inn": f"{inn[:4]} {inn[4:]}"})
    assert ok.status_code == 302
    created = Organisation.objects.get(short_name="АНО «Новая»")
    assert created.inn == inn
    assert created.ogrn is None
    assert created.website == "https://new-ano.ru"
    bad = coordinator_client.post(
        add, {**form, "short_name": "АНО «Другая»", "inn": inn[:-1] + str((int(inn[-1]) + 1) % 10)}
    )
    assert "ИНН не проходит проверку контрольных цифр" in bad.content.decode()
    duplicate = coordinator_client.post(add, {**form, "short_name": "АНО «Третья»", "inn": inn})
    assert "Организация с таким ИНН уже есть в реестре." in duplicate.content.decode()


@pytest.mark.parametrize("model", ["participation", "volunteerhours", "volunteerstatement"])
def test_secretary_never_sees_volunteers(secretary_client, data, model):
    assert secretary_client.get(reverse(f"admin:projects_{model}_changelist")).status_code == 403


def test_secretary_views_projects_without_the_volunteer_inline(secretary_client, data):
    assert secretary_client.get(reverse("admin:projects_project_changelist")).status_code == 200
    page = secretary_client.get(reverse("admin:projects_project_change", args=[data["project"].pk]))
    assert page.status_code == 200
    assert "Гордиенко" not in page.content.decode()
    statement = VolunteerStatement.objects.create(volunteer=data["volunteer"])
    download = reverse("admin:projects_volunteerstatement_download", args=[statement.pk])
    assert secretary_client.get(download).status_code == 403


@pytest.mark.parametrize("typed", ["01.01.0001", "31.12.9999"])
def test_funding_with_an_impossible_year_is_refused_with_a_message(coordinator_client, db, typed):
    from projects.models import Funding
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory()
    response = coordinator_client.post(
        "/admin/projects/funding/add/",
        {
            "project": project.pk,
            "source_type": "federal_grant",
            "source_name": "Фонд президентских грантов",
            "amount": "100000",
            "received_on": typed,
            "document": "Договор № 1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Проверьте год поступления: с 2000 по 2100" in html
    assert typed in html
    assert not Funding.objects.exists()
