"""The public signup page: success, every rule, abuse protection, and no data lost on a mistake."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from silvercentre.roles import COORDINATORS
from tests.factories import SkillFactory, UserFactory, VolunteerFactory
from volunteers.models import ConsentRecord, Volunteer

URL = "/volunteers/signup/"
DONE = "/volunteers/signup/done/"


def post(client, data, **extra):
    return client.post(URL, data, REMOTE_ADDR=extra.pop("ip", "10.1.2.3"), **extra)


def test_contract_urls():
    assert reverse("volunteers:signup") == URL
    assert reverse("volunteers:signup-done") == DONE


def test_page_shows_every_contract_field_with_a_label(client, db):
    SkillFactory(name="Экскурсии")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "last_name",
        "first_name",
        "patronymic",
        "date_of_birth",
        "phone",
        "email",
        "district",
        "skills",
        "about",
        "consent",
    ):
        assert f'name="{name}"' in html
    assert 'for="id_last_name"' in html
    assert "Стать «серебряным» волонтёром" in html  # Russian by default


def test_signup_success_stores_volunteer_consent_and_sends_mail(
    client, signup_data, consent_text, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(username="coord", email="coord@example.org", groups=[COORDINATORS])
    skill = SkillFactory(name="Клуб чтения")
    signup_data["skills"] = [skill.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, signup_data, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 12)")

    assert response.status_code == 302
    assert response["Location"] == DONE
    volunteer = Volunteer.objects.get()
    assert volunteer.full_name == "Соколова Галина Петровна"
    assert volunteer.phone == "+79787654321"
    assert volunteer.email == "galina.sokolova@mail.ru"
    assert volunteer.date_of_birth == dt.date(1958, 3, 14)
    assert volunteer.status == Volunteer.Status.APPLIED
    assert volunteer.source == Volunteer.Source.SIGNUP
    assert list(volunteer.skills.all()) == [skill]

    record = ConsentRecord.objects.get(volunteer=volunteer)
    assert record.consent_text == consent_text
    assert record.text_version == consent_text.version
    assert record.text_sha256 == consent_text.sha256 == consent_text.compute_sha256()
    assert record.channel == ConsentRecord.Channel.WEB
    assert record.ip_address == "10.1.2.3"
    assert record.user_agent == "Mozilla/5.0 (Linux; Android 12)"
    assert abs((timezone.now() - record.given_at).total_seconds()) < 60

    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == [("coord@example.org",), ("galina.sokolova@mail.ru",)]
    confirmation = next(m for m in mail.outbox if m.to == ["galina.sokolova@mail.ru"])
    assert "Галина" in confirmation.body
    notice = next(m for m in mail.outbox if m.to == [coordinator.email])
    # The coordinators' notice links to the record and carries no contacts or birth date.
    assert f"/admin/volunteers/volunteer/{volunteer.pk}/change/" in notice.body
    for secret in ("+79787654321", "765-43-21", "galina.sokolova", "1958"):
        assert secret not in notice.body
    volunteer.refresh_from_db()
    assert volunteer.confirmation_sent_at is not None

    done = client.get(DONE)
    assert "Спасибо" in done.content.decode()


def test_no_email_means_no_confirmation_letter(client, signup_data, django_capture_on_commit_callbacks):
    signup_data["email"] = ""
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, signup_data).status_code == 302
    volunteer = Volunteer.objects.get()
    assert volunteer.email is None
    assert not any("Галина" in m.body for m in mail.outbox)


def _errors(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date_of_birth", "01.01.2027", "не может быть в будущем"),
        ("date_of_birth", "31.12.1899", "не раньше 1900"),
        ("date_of_birth", "32.13.1950", "день, месяц и год"),
        ("date_of_birth", "", "укажите дату рождения"),
        ("phone", "12-34", "не удалось распознать номер"),
        ("phone", "", "укажите телефон"),
        ("email", "galina@", "проверьте адрес электронной почты"),
        ("consent", "", "без вашего согласия"),
        ("last_name", "", "укажите фамилию"),
        ("first_name", "12345", "буквами"),
        ("district", "", "выберите район"),
    ],
)
def test_each_rule_gives_a_clear_russian_message_and_keeps_what_was_typed(
    client, signup_data, field, value, message
):
    signup_data[field] = value
    if field == "consent" and not value:
        signup_data.pop("consent")
    response = post(client, signup_data)
    assert response.status_code == 200
    html = _errors(response)
    assert message in html.lower()
    assert "Исправьте, пожалуйста" in html
    # What the person typed stays in the form, the wrong value included.
    for name in ("last_name", "first_name", "patronymic", "about", "phone", "email", "date_of_birth"):
        if signup_data.get(name):
            assert signup_data[name] in html, name
    assert Volunteer.objects.count() == 0


def test_under_55_on_the_day_of_signup_in_sevastopol(client, signup_data, consent_text, freezer_at):
    # 22:30 UTC on 9 March is already 10 March in Sevastopol (UTC+3): the 55th birthday has come.
    freezer_at("2027-03-09T22:30:00+00:00")
    signup_data["date_of_birth"] = "10.03.1972"
    response = post(client, signup_data)
    assert response.status_code == 302, response.content.decode()[:2000]

    signup_data.update(date_of_birth="11.03.1972", phone="+7 978 000 11 22", email="")
    response = post(client, signup_data)
    assert response.status_code == 200
    assert "55 лет и старше" in response.content.decode()
    assert Volunteer.objects.count() == 1


def test_two_digit_year_means_last_century(client, signup_data, consent_text):
    signup_data["date_of_birth"] = "14.03.58"
    assert post(client, signup_data).status_code == 302
    assert Volunteer.objects.get().date_of_birth == dt.date(1958, 3, 14)


@pytest.mark.parametrize(
    "change",
    [
        {"phone": "+7 978 765 43 21", "email": "other@example.org"},  # same phone written differently
        {"phone": "+7 978 111 22 33", "email": "GALINA.SOKOLOVA@MAIL.RU"},  # same e-mail, other case
    ],
)
def test_duplicate_phone_or_email_is_friendly_and_reveals_nothing(client, signup_data, consent_text, change):
    VolunteerFactory(
        last_name="Тайная", first_name="Персона", phone="+79787654321", email="galina.sokolova@mail.ru"
    )
    signup_data.update(change)
    response = post(client, signup_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "уже поступила" in html
    assert "Тайная" not in html and "Персона" not in html
    assert Volunteer.objects.count() == 1
    assert signup_data["about"] in html


def test_honeypot_drops_the_submission_silently(client, signup_data, consent_text):
    signup_data["website"] = "http://spam.example"
    response = post(client, signup_data)
    assert response.status_code == 302
    assert response["Location"] == DONE
    assert Volunteer.objects.count() == 0


def test_rate_limit_per_ip_answers_429_in_russian(client, signup_data, consent_text, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "volunteer_signup": "3/h/ip"}
    signup_data["phone"] = ""
    for _ in range(3):
        assert post(client, signup_data, ip="10.9.9.9").status_code == 200
    response = post(client, signup_data, ip="10.9.9.9")
    assert response.status_code == 429
    assert "Слишком много попыток" in response.content.decode()
    # Another address is not affected.
    assert post(client, signup_data, ip="10.9.9.10").status_code == 200


def test_csrf_is_enforced(signup_data, consent_text):
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), signup_data)
    assert response.status_code == 403
    assert Volunteer.objects.count() == 0


def test_signup_page_query_count_does_not_grow_with_the_registry(client, django_assert_max_num_queries, db):
    SkillFactory.create_batch(3)
    VolunteerFactory.create_batch(3)
    with django_assert_max_num_queries(4) as few:
        client.get(URL)
    SkillFactory.create_batch(30)
    VolunteerFactory.create_batch(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
