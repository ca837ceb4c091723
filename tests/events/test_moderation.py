"""Coordinators moderate in the admin: the queue, publish and reject through services, e-mails, duplicates."""

import pytest
from django.core import mail

from events.models import Event
from tests.events.factories import (
    AssignmentFactory,
    EventFactory,
    SubmissionFactory,
    admin_event_form,
    in_days,
)
from tests.projects.factories import OrganisationFactory

QUEUE = "/admin/events/eventsubmission/"


def test_queue_lists_only_submissions_awaiting_moderation(coordinator_client, db):
    SubmissionFactory(title="Ждёт решения")
    EventFactory(title="Уже в календаре")
    html = coordinator_client.get(QUEUE).content.decode()
    assert "Ждёт решения" in html
    assert "Уже в календаре" not in html


def test_publish_from_the_queue_mails_the_submitter(
    coordinator_client, db, django_capture_on_commit_callbacks
):
    event = SubmissionFactory(title="Урок мужества в школе № 3", submitter_email="olga@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            QUEUE, {"action": "publish_selected", "_selected_action": [event.pk]}, follow=True
        )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    [letter] = [m for m in mail.outbox if m.to == ["olga@example.org"]]
    assert "Урок мужества в школе № 3" in letter.subject
    assert "опубликовано" in letter.body
    assert event.get_absolute_url() in letter.body
    assert letter.alternatives and "text/html" in letter.alternatives[0][1]


def test_reject_asks_for_a_reason_and_mails_it(coordinator_client, db, django_capture_on_commit_callbacks):
    event = SubmissionFactory(title="Квест без даты", submitter_email="kvest@example.org")
    page = coordinator_client.post(QUEUE, {"action": "reject_selected", "_selected_action": [event.pk]})
    assert page.status_code == 200
    assert "Квест без даты" in page.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.PENDING  # nothing happens until a reason is given
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            QUEUE,
            {
                "action": "reject_selected",
                "_selected_action": [event.pk],
                "apply": "1",
                "reason": "Не указано место.",
            },
        )
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED
    assert event.rejection_reason == "Не указано место."
    [letter] = [m for m in mail.outbox if m.to == ["kvest@example.org"]]
    assert "Не указано место." in letter.body
    assert "не опубликовано" in letter.subject


def test_decision_letter_is_sent_once(db, coordinator, django_capture_on_commit_callbacks):
    from events import notifications, services

    event = SubmissionFactory(submitter_email="once@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_publish(event=event, by=coordinator)
    assert notifications.decision_mail_send(event_id=event.pk, decision=Event.Status.PUBLISHED) is False
    assert len([m for m in mail.outbox if m.to == ["once@example.org"]]) == 1


def test_unmatched_organisation_blocks_publishing_with_a_message(coordinator_client, db):
    event = SubmissionFactory(organiser=None, organiser_name_submitted="Клуб «Память»")
    response = coordinator_client.post(f"/admin/events/event/{event.pk}/publish/", follow=True)
    assert "Клуб «Память»" in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.PENDING


def test_change_form_offers_the_steps_and_warns_of_duplicates(coordinator_client, db):
    EventFactory(
        title="Концерт у мемориала",
        venue="Графская пристань",
        starts_at=in_days(8, 16),
        ends_at=in_days(8, 18),
    )
    event = SubmissionFactory(
        title="Концерт хора", venue="  графская   пристань ", starts_at=in_days(8, 17), ends_at=in_days(8, 18)
    )
    html = coordinator_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert "Концерт у мемориала" in html
    assert "Не повтор ли это" in html
    assert f"/admin/events/event/{event.pk}/reject/" in html
    queue = coordinator_client.get(QUEUE)
    assert [e.has_duplicate for e in queue.context["cl"].result_list] == [True]
    response = coordinator_client.post(f"/admin/events/event/{event.pk}/publish/", follow=True)
    assert "Проверьте, не повтор ли это" in response.content.decode()


def test_postpone_and_cancel_steps(coordinator_client, db):
    event = EventFactory(title="Лекция в Панораме")
    response = coordinator_client.post(
        f"/admin/events/event/{event.pk}/postpone/",
        {
            "date": in_days(20).strftime("%d.%m.%Y"),
            "start_time": "17:00",
            "end_time": "18:30",
            "reason": "Ремонт зала",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.POSTPONED
    assert event.sequence == 1
    page = coordinator_client.get(f"/admin/events/event/{event.pk}/cancel/")
    assert page.status_code == 200
    response = coordinator_client.post(f"/admin/events/event/{event.pk}/cancel/", {"reason": ""})
    assert response.status_code == 200  # a reason is required
    coordinator_client.post(f"/admin/events/event/{event.pk}/cancel/", {"reason": "Лектор заболел"})
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def test_coordinator_adds_an_event_as_a_draft_and_edits_bump_the_sequence(coordinator_client, db):
    organiser = OrganisationFactory()
    data = admin_event_form(organiser)
    response = coordinator_client.post("/admin/events/event/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert event.starts_at == in_days(4, 11)
    coordinator_client.post(f"/admin/events/event/{event.pk}/publish/")
    data.update({"ends_at_1": "12:30", "postponements-INITIAL_FORMS": "0"})
    response = coordinator_client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1


def test_published_events_cannot_be_deleted(coordinator_client, db):
    event = EventFactory()
    assert coordinator_client.get(f"/admin/events/event/{event.pk}/delete/").status_code == 403


def test_secretaries_see_events_but_not_volunteers_or_actions(secretary_client, db):
    event = EventFactory(title="Встреча с ветеранами")
    AssignmentFactory(event=event)
    response = secretary_client.get(f"/admin/events/event/{event.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Встреча с ветеранами" in html
    assert "Встречает гостей у входа" not in html
    assert (
        secretary_client.post(f"/admin/events/event/{event.pk}/cancel/", {"reason": "x"}).status_code == 403
    )


@pytest.mark.parametrize("url", ["/admin/events/event/", QUEUE])
def test_admin_lists_are_constant_in_queries(coordinator_client, db, django_assert_max_num_queries, url):
    for _ in range(5):
        SubmissionFactory()
    coordinator_client.get(url)
    with django_assert_max_num_queries(100) as small:
        coordinator_client.get(url)
    for _ in range(40):
        SubmissionFactory()
    with django_assert_max_num_queries(len(small.captured_queries)):
        coordinator_client.get(url)


def test_coordinator_records_hours_for_volunteers_at_a_past_event(coordinator_client, db):
    import datetime as dt
    from decimal import Decimal

    from events.times import combine_local

    day = dt.date.today() - dt.timedelta(days=3)
    event = EventFactory(starts_at=combine_local(day, dt.time(11)), ends_at=combine_local(day, dt.time(13)))
    first, second = AssignmentFactory(event=event), AssignmentFactory(event=event, role="Раздаёт памятки")
    url = "/admin/events/eventassignment/"
    data = {"action": "record_hours", "_selected_action": [first.pk, second.pk]}
    page = coordinator_client.post(url, data)
    assert page.status_code == 200 and "Раздаёт памятки" in page.content.decode()
    coordinator_client.post(url, {**data, "apply": "1", "hours": "1,5"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.hours == second.hours == Decimal("1.50")


def test_assignments_are_hidden_from_secretaries(secretary_client, db):
    AssignmentFactory()
    assert secretary_client.get("/admin/events/eventassignment/").status_code == 403


def test_adding_a_volunteer_to_a_cancelled_event_is_refused_with_a_message(
    coordinator_client, db, coordinator
):
    from events import services
    from tests.factories import VolunteerFactory

    event = services.event_cancel(event=EventFactory(), reason="Шторм", by=coordinator)
    volunteer = VolunteerFactory()
    response = coordinator_client.post(
        "/admin/events/eventassignment/add/", {"event": event.pk, "volunteer": volunteer.pk, "role": "Помощь"}
    )
    assert response.status_code == 200
    assert "отменённое" in response.content.decode()


def test_publishing_from_the_queue_lands_on_the_event_page(coordinator_client, db):
    event = SubmissionFactory()
    response = coordinator_client.post(f"/admin/events/eventsubmission/{event.pk}/publish/")
    assert response["Location"] == f"/admin/events/event/{event.pk}/change/"
    assert coordinator_client.get(response["Location"]).status_code == 200
