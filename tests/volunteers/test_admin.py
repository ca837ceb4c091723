"""The coordinators' registry in the admin, and what secretaries may not see."""

import csv
import datetime as dt
import io

import pytest

from tests.factories import SkillFactory, VolunteerFactory
from volunteers.models import ConsentRecord, ConsentWithdrawal, District, Volunteer
from volunteers.selectors import birth_range_for_ages

LIST = "/admin/volunteers/volunteer/"


def born_aged(years: int, extra_days: int = 10) -> dt.date:
    _earliest, latest = birth_range_for_ages(years, years)
    return latest - dt.timedelta(days=extra_days)


@pytest.fixture
def registry(db):
    gardening = SkillFactory(name="Садоводство")
    return {
        "young": VolunteerFactory(
            last_name="Молодцова", date_of_birth=born_aged(56), district=District.LENINSKY
        ),
        "sixties": VolunteerFactory(last_name="Шестакова", date_of_birth=born_aged(62), skills=[gardening]),
        "old": VolunteerFactory(
            last_name="Старикова",
            date_of_birth=born_aged(78),
            status=Volunteer.Status.ACTIVE,
            phone="+79781234567",
        ),
        "gardening": gardening,
    }


def names(response):
    return {v.last_name for v in response.context["cl"].result_list}


def test_list_search_by_name_and_by_phone_written_any_way(coordinator_client, registry):
    assert names(coordinator_client.get(LIST, {"q": "Шестак"})) == {"Шестакова"}
    assert names(coordinator_client.get(LIST, {"q": "8 (978) 123-45-67"})) == {"Старикова"}
    assert names(coordinator_client.get(LIST, {"q": registry["young"].email})) == {"Молодцова"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": "active"}, {"Старикова"}),
        ({"district__exact": "leninsky"}, {"Молодцова"}),
        ({"age": "55-59"}, {"Молодцова"}),
        ({"age": "60-64"}, {"Шестакова"}),
        ({"age": "65-69"}, set()),
        ({"age": "70+"}, {"Старикова"}),
    ],
)
def test_filters(coordinator_client, registry, params, expected):
    assert names(coordinator_client.get(LIST, params)) == expected


def test_skill_filter(coordinator_client, registry):
    response = coordinator_client.get(LIST, {"skills__id__exact": registry["gardening"].pk})
    assert names(response) == {"Шестакова"}


def _action(client, action, volunteers):
    return client.post(
        LIST,
        {"action": action, "_selected_action": [v.pk for v in volunteers]},
        follow=True,
    )


def test_bulk_actions_move_along_the_workflow(coordinator_client, coordinator, registry):
    response = _action(coordinator_client, "verify", [registry["young"], registry["old"]])
    assert response.status_code == 200
    text = response.content.decode()
    assert "переведён в статус «Проверен»" in text
    assert "пропущен" in text  # the active one cannot go back to verified
    registry["young"].refresh_from_db()
    assert registry["young"].status == Volunteer.Status.VERIFIED
    assert registry["young"].status_changed_by == coordinator

    _action(coordinator_client, "activate", [registry["young"]])
    _action(coordinator_client, "deactivate", [registry["young"]])
    registry["young"].refresh_from_db()
    assert registry["young"].status == Volunteer.Status.INACTIVE


def test_csv_export_of_the_selection(coordinator_client, registry):
    response = coordinator_client.post(
        LIST, {"action": "export_csv", "_selected_action": [registry["sixties"].pk, registry["old"].pk]}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:3] == ["Номер в реестре", "Фамилия", "Имя"]
    assert [row[1] for row in rows[1:]] == ["Старикова", "Шестакова"]
    sixties = rows[2]
    assert "Садоводство" in sixties
    assert registry["sixties"].date_of_birth.strftime("%d.%m.%Y") in sixties


def test_coordinator_adds_a_volunteer_with_a_phone_written_loosely(coordinator_client, registry):
    response = coordinator_client.post(
        "/admin/volunteers/volunteer/add/",
        {
            "last_name": "Новая",
            "first_name": "Вера",
            "patronymic": "",
            "date_of_birth": "1950-02-03",
            "phone": "8 978 555 66 77",
            "email": "Vera@Example.org",
            "district": "gagarinsky",
            "about": "",
            "affiliation": "",
            "consents-TOTAL_FORMS": "0",
            "consents-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    volunteer = Volunteer.objects.get(last_name="Новая")
    assert volunteer.phone == "+79785556677"
    assert volunteer.email == "vera@example.org"
    assert volunteer.source == Volunteer.Source.COORDINATOR


def test_history_is_kept(coordinator_client, registry):
    volunteer = registry["young"]
    volunteer.about = "Изменено"
    volunteer.save()
    response = coordinator_client.get(f"/admin/volunteers/volunteer/{volunteer.pk}/history/")
    assert response.status_code == 200
    assert volunteer.history.count() == 2


def test_consent_records_are_read_only(coordinator_client, registry):
    from tests.factories import ConsentRecordFactory

    record = ConsentRecordFactory(volunteer=registry["young"])
    assert coordinator_client.get("/admin/volunteers/consentrecord/add/").status_code == 403
    response = coordinator_client.post(
        f"/admin/volunteers/consentrecord/{record.pk}/change/", {"text_version": 99}
    )
    assert response.status_code == 403
    assert (
        coordinator_client.post(
            f"/admin/volunteers/consentrecord/{record.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    record.refresh_from_db()
    assert record.text_version != 99
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_withdrawal_recorded_in_the_admin_anonymises(
    coordinator_client, registry, django_capture_on_commit_callbacks
):
    volunteer = registry["sixties"]
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            "/admin/volunteers/consentwithdrawal/add/",
            {"volunteer": volunteer.pk, "received_on": "2026-11-20", "channel": "письменное заявление"},
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ConsentWithdrawal.objects.get().volunteer == volunteer
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is not None and volunteer.phone is None


def test_secretaries_cannot_see_volunteers(secretary_client, registry):
    assert secretary_client.get(LIST).status_code == 403
    assert (
        secretary_client.get(f"/admin/volunteers/volunteer/{registry['old'].pk}/change/").status_code == 403
    )
    assert secretary_client.get("/admin/volunteers/consentrecord/").status_code == 403
    index = secretary_client.get("/admin/").content.decode()
    assert "/admin/volunteers/" not in index


def test_anonymous_is_sent_to_sign_in(client, registry):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_admin_list_query_count_is_the_same_for_10_and_200_rows(
    coordinator_client, db, django_assert_max_num_queries
):
    skills = SkillFactory.create_batch(3)
    VolunteerFactory.create_batch(10, skills=skills)
    with django_assert_max_num_queries(30) as small:
        response = coordinator_client.get(LIST, {"all": ""})
    assert len(response.context["cl"].result_list) == 10
    VolunteerFactory.create_batch(190, skills=skills)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = coordinator_client.get(LIST, {"all": ""})
    assert len(response.context["cl"].result_list) == 200
