"""The public submission form: success, abuse protection, and nothing lost or broken on a mistake."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from events.models import Event
from silvercentre.roles import COORDINATORS
from tests.events.factories import audience, category, event_format, in_days
from tests.factories import UserFactory
from tests.projects.factories import OrganisationFactory

URL = "/events/submit/"
DONE = "/events/submit/done/"


@pytest.fixture
def submit_data(db):
    """What a school librarian types to put a lesson of courage on the calendar."""
    day = in_days(12).strftime("%d.%m.%Y")
    return {
        "title": "Урок мужества «Дети военного Севастополя»",
        "description": "Ветераны рассказывают о детях, живших в городе во время обороны.",
        "category": category().pk,
        "format": event_format().pk,
        "date": day,
        "start_time": "18:00",
        "end_time": "19:30",
        "venue": "Школа № 3, актовый зал",
        "address": "г. Севастополь",
        "organiser": "",
        "organiser_name": "ГБОУ «Школа № 3»",
        "audiences": [audience("schoolchildren").pk],
        "age_rating": "6+",
        "capacity": "90",
        "contact": "Библиотека школы, 8 (8692) 00-00-03",
        "submitter_name": "Мирошниченко Ольга Сергеевна",
        "submitter_email": "Olga.Miro@Mail.ru",
        "submitter_phone": "8 (978) 765-43-21",
        "consent": "on",
    }


def post(client, data, ip="10.2.3.4"):
    return client.post(URL, data, REMOTE_ADDR=ip)


def test_contract_urls():
    assert reverse("events:submit") == URL
    assert reverse("events:submit-done") == DONE


def test_page_is_russian_with_labels_and_csrf(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Предложить мероприятие в календарь" in html
    assert 'name="csrfmiddlewaretoken"' in html
    for name in (
        "title",
        "date",
        "start_time",
        "venue",
        "organiser",
        "organiser_name",
        "audiences",
        "age_rating",
    ):
        assert f'name="{name}"' in html
    assert 'for="id_title"' in html


def test_submission_is_stored_for_moderation_and_coordinators_are_told(
    client, submit_data, django_capture_on_commit_callbacks
):
    UserFactory(username="coord", email="coord@example.org", groups=[COORDINATORS])
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, submit_data)
    assert response.status_code == 302
    assert response["Location"] == DONE
    event = Event.objects.get()
    assert event.status == Event.Status.PENDING
    assert event.organiser is None
    assert event.organiser_name_submitted == "ГБОУ «Школа № 3»"
    assert event.submitter_email == "olga.miro@mail.ru"
    assert event.submitter_phone == "+79787654321"
    assert event.capacity == 90
    assert event.age_rating == "6+"
    # 18:00 typed in Sevastopol is 15:00 UTC.
    assert event.starts_at.astimezone(__import__("datetime").UTC).hour == 15
    notice = next(m for m in mail.outbox if m.to == ["coord@example.org"])
    assert f"/admin/events/eventsubmission/{event.pk}/change/" in notice.body
    assert "olga.miro" not in notice.body and "765-43-21" not in notice.body
    assert "Спасибо" in client.get(DONE).content.decode()


def test_organisation_from_the_registry(client, submit_data):
    org = OrganisationFactory(short_name="РОО «Союз ветеранов флота»")
    submit_data.update(organiser=org.pk, organiser_name="")
    assert post(client, submit_data).status_code == 302
    assert Event.objects.get().organiser == org


def test_honeypot_pretends_success_and_stores_nothing(client, submit_data):
    submit_data["website"] = "http://spam.example"
    response = post(client, submit_data)
    assert response.status_code == 302
    assert response["Location"] == DONE
    assert Event.objects.count() == 0


def test_rate_limit_per_ip_gives_a_russian_429(client, submit_data, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "event_submit": "2/h/ip"}
    for n in range(2):
        submit_data["title"] = f"Урок мужества № {n}"
        assert post(client, submit_data).status_code == 302
    response = post(client, submit_data)
    assert response.status_code == 429
    assert "Слишком много" in response.content.decode()
    assert Event.objects.count() == 2
    # Another address is not affected.
    assert post(client, submit_data, ip="10.9.9.9").status_code == 302


def test_csrf_is_enforced(submit_data):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, submit_data, REMOTE_ADDR="10.2.3.4")
    assert response.status_code == 403
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "укажите название мероприятия"),
        ("date", "32.13.2026", "день, месяц и год"),
        ("date", "", "укажите дату мероприятия"),
        ("start_time", "25:99", "часы и минуты"),
        ("start_time", "", "укажите время начала"),
        ("end_time", "17:00", "не может закончиться раньше"),
        ("venue", "", "укажите, где пройдёт"),
        ("age_rating", "", "выберите возрастное ограничение"),
        ("age_rating", "21+", "выберите корректный вариант"),
        ("audiences", [], "хотя бы одну целевую аудиторию"),
        ("organiser_name", "", "выберите вашу организацию из списка"),
        ("capacity", "0", "больше нуля"),
        ("capacity", "сорок", "цифрами"),
        ("registration_url", "не ссылка", "проверьте ссылку"),
        ("submitter_email", "olga@", "проверьте адрес электронной почты"),
        ("submitter_phone", "12", "не удалось распознать номер"),
        ("consent", "", "без вашего согласия"),
        ("category", "999999", "выберите корректный вариант"),
    ],
)
def test_each_mistake_gives_a_russian_message_and_keeps_what_was_typed(
    client, submit_data, field, value, message
):
    submit_data[field] = value
    if value == "" and field == "consent":
        submit_data.pop("consent")
    response = post(client, submit_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html.lower(), html[html.find("error-summary") : html.find("error-summary") + 1500]
    assert "Исправьте, пожалуйста" in html
    for name in (
        "title",
        "description",
        "venue",
        "organiser_name",
        "contact",
        "submitter_name",
        "date",
        "start_time",
    ):
        if submit_data.get(name):
            assert str(submit_data[name]) in html, name
    assert Event.objects.count() == 0


def test_event_in_the_past_is_refused(client, submit_data):
    submit_data["date"] = in_days(-2).strftime("%d.%m.%Y")
    response = post(client, submit_data)
    assert response.status_code == 200
    assert "уже прошло" in response.content.decode()


def test_all_day_event_needs_no_time(client, submit_data):
    submit_data.update(all_day="on", start_time="", end_time="", end_date=in_days(14).strftime("%d.%m.%Y"))
    assert post(client, submit_data).status_code == 302
    event = Event.objects.get()
    assert event.all_day
    assert (event.last_date - event.start_date).days == 2


@pytest.mark.parametrize(
    "garbage",
    [
        {"audiences": ["abc", "-1"]},
        {"date": "9" * 200},
        {"start_time": "\x00"},
        {"category": "' OR 1=1 --"},
        {"organiser": "99999999999999999999999"},
        {"capacity": "1e309"},
        {"end_date": "01.01.0001"},
        {"date": "31.12.9999", "end_time": "23:59"},
        {"date": "31.12.9999", "all_day": "on"},
        {"date": "01.01.0001", "all_day": "on"},
    ],
)
def test_garbage_never_gives_a_server_error(client, submit_data, garbage):
    submit_data.update(garbage)
    response = post(client, submit_data)
    assert response.status_code in (200, 302)


def test_far_years_are_refused_politely(client, submit_data):
    submit_data.update(date="31.12.9999", all_day="on")
    response = post(client, submit_data)
    assert response.status_code == 200
    assert "проверьте год" in response.content.decode().lower()


def test_coordinators_are_told_of_a_submission_once_even_if_the_task_runs_twice(db):
    from events import notifications
    from tests.events.factories import SubmissionFactory

    UserFactory(username="coord2", email="coord2@example.org", groups=[COORDINATORS])
    event = SubmissionFactory()
    assert notifications.coordinators_notify_submission(event_id=event.pk) == 1
    assert notifications.coordinators_notify_submission(event_id=event.pk) == 0  # a duplicate delivery
    assert len(mail.outbox) == 1


def test_a_failed_letter_to_coordinators_is_sent_by_the_retry(db, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    from events import notifications
    from tests.events.factories import SubmissionFactory

    UserFactory(username="coord3", email="coord3@example.org", groups=[COORDINATORS])
    event = SubmissionFactory()
    original = EmailMultiAlternatives.send

    def broken(self, *args, **kwargs):
        raise OSError("SMTP is down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken)
    with pytest.raises(OSError):
        notifications.coordinators_notify_submission(event_id=event.pk)
    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    assert notifications.coordinators_notify_submission(event_id=event.pk) == 1
    assert len(mail.outbox) == 1
