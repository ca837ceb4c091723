"""The calendar's write workflows: submission, moderation, postponement, cancellation, volunteers' hours."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Event, EventPostponement
from events.times import combine_local
from projects.models import DECREE_78_UG, VolunteerHours
from tests.events.factories import (
    AssignmentFactory,
    EventFactory,
    SubmissionFactory,
    audience,
    category,
    event_format,
    in_days,
)
from tests.factories import VolunteerFactory
from tests.projects.factories import OrganisationFactory, ProjectFactory


def _fields(**overrides):
    fields = dict(  # noqa: C408 - keyword form mirrors the service call
        title="Встреча с ветеранами в библиотеке",
        description="Разговор о войне и мире.",
        category=category(),
        format=event_format("veterans-meeting"),
        starts_at=in_days(5, 15),
        ends_at=in_days(5, 17),
        venue="Морская библиотека",
        age_rating="12+",
        audiences=[audience("youth"), audience("veterans")],
        organiser=OrganisationFactory(),
        submitter_name="Ольга",
        submitter_email="Olga@Example.org",
        submitter_phone="+79781234567",
    )
    fields.update(overrides)
    return fields


def test_submit_waits_for_moderation(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        event = services.event_submit(**_fields())
    assert event.status == Event.Status.PENDING
    assert event.source == Event.Source.SUBMISSION
    assert event.submitter_email == "olga@example.org"
    assert event.submitted_at is not None
    assert event.published_at is None
    assert len(callbacks) == 1  # coordinators are told, after the commit


def test_submit_needs_an_audience_and_an_organisation(db):
    with pytest.raises(ValidationError):
        services.event_submit(**_fields(audiences=[]))
    with pytest.raises(ValidationError):
        services.event_submit(**_fields(organiser=None, organiser_name_submitted=" "))


def test_submit_refuses_naive_times(db):
    with pytest.raises(ValueError, match="aware"):
        services.event_submit(
            **_fields(starts_at=dt.datetime(2027, 5, 9, 18), ends_at=dt.datetime(2027, 5, 9, 20))
        )


def test_age_rating_is_required(db):
    with pytest.raises(ValidationError):
        services.event_submit(**_fields(age_rating=""))


def test_publish_sets_dates_and_queues_the_letter(db, coordinator, django_capture_on_commit_callbacks):
    event = SubmissionFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        published = services.event_publish(event=event, by=coordinator)
    assert published.status == Event.Status.PUBLISHED
    assert published.published_at is not None
    assert published.moderated_by == coordinator
    assert len(callbacks) == 1


def test_publish_needs_an_organiser_from_the_registry(db, coordinator):
    event = SubmissionFactory(organiser=None, organiser_name_submitted="Поисковый клуб «Память»")
    with pytest.raises(ValidationError, match="Память"):
        services.event_publish(event=event, by=coordinator)
    event.refresh_from_db()
    assert event.status == Event.Status.PENDING


def test_publish_twice_is_refused(db, coordinator):
    event = EventFactory()
    with pytest.raises(services.InvalidTransition):
        services.event_publish(event=event, by=coordinator)


def test_reject_needs_a_reason(db, coordinator):
    event = SubmissionFactory()
    with pytest.raises(ValidationError):
        services.event_reject(event=event, reason="  ", by=coordinator)
    rejected = services.event_reject(event=event, reason="Нет даты и места.", by=coordinator)
    assert rejected.status == Event.Status.REJECTED
    assert rejected.rejection_reason == "Нет даты и места."


def test_published_event_cannot_be_rejected(db, coordinator):
    with pytest.raises(services.InvalidTransition):
        services.event_reject(event=EventFactory(), reason="Поздно", by=coordinator)


def test_postponement_keeps_uid_and_original_dates_and_bumps_sequence(db, coordinator):
    project = ProjectFactory()
    change = project.contract_changes.create(
        number="4", date=dt.date(2026, 11, 20), what_changed="Перенос урока", reason=DECREE_78_UG
    )
    event = EventFactory(project=project)
    uid, old_start, old_end = event.uid, event.starts_at, event.ends_at
    postponement = services.event_postpone(
        event=event,
        starts_at=in_days(24, 18),
        ends_at=in_days(24, 20),
        reason="Согласовано с заказчиком",
        contract_change=change,
        basis=DECREE_78_UG,
        by=coordinator,
    )
    event.refresh_from_db()
    assert event.uid == uid
    assert event.sequence == 1
    assert event.status == Event.Status.POSTPONED
    assert event.starts_at == in_days(24, 18)
    assert (postponement.old_starts_at, postponement.old_ends_at) == (old_start, old_end)
    assert postponement.contract_change == change
    assert "78-УГ" in postponement.basis

    services.event_postpone(event=event, starts_at=in_days(30, 18), reason="Ещё раз", by=coordinator)
    event.refresh_from_db()
    assert event.uid == uid
    assert event.sequence == 2
    assert event.first_postponement.old_starts_at == old_start  # the date first announced is kept
    assert EventPostponement.objects.filter(event=event).count() == 2


def test_postpone_refuses_same_dates_and_foreign_contract_change(db, coordinator):
    event = EventFactory(project=ProjectFactory())
    with pytest.raises(ValidationError):
        services.event_postpone(
            event=event, starts_at=event.starts_at, ends_at=event.ends_at, reason="Так", by=coordinator
        )
    other_change = ProjectFactory().contract_changes.create(
        number="1", date=dt.date(2026, 1, 1), what_changed="-"
    )
    with pytest.raises(ValidationError):
        services.event_postpone(
            event=event, starts_at=in_days(20), reason="Так", contract_change=other_change, by=coordinator
        )


def test_postpone_a_submission_is_refused(db, coordinator):
    with pytest.raises(services.InvalidTransition):
        services.event_postpone(
            event=SubmissionFactory(), starts_at=in_days(20), reason="Так", by=coordinator
        )


def test_cancel_keeps_the_event_public_with_a_reason(db, coordinator):
    event = EventFactory()
    cancelled = services.event_cancel(event=event, reason="Штормовое предупреждение", by=coordinator)
    assert cancelled.status == Event.Status.CANCELLED
    assert cancelled.is_public
    assert cancelled.sequence == 1
    with pytest.raises(services.InvalidTransition):
        services.event_cancel(event=event, reason="Снова", by=coordinator)


def test_hours_go_into_the_volunteer_book_of_the_project(db, coordinator):
    project = ProjectFactory(start_date=dt.date(2026, 1, 1), end_date=None)
    day = dt.date(2026, 11, 20)
    event = EventFactory(
        project=project, starts_at=combine_local(day, dt.time(11)), ends_at=combine_local(day, dt.time(13))
    )
    volunteer = VolunteerFactory(last_name="Гордиенко", first_name="Николай")
    assignment = services.assignment_add(event=event, volunteer=volunteer, role="Помогает ветеранам")
    done = services.assignment_record_hours(
        assignment=assignment, hours="2,5", by=coordinator, today=dt.date(2026, 11, 25)
    )
    assert done.hours == Decimal("2.50")
    entry = VolunteerHours.objects.get(pk=done.hours_entry_id)
    assert entry.date == day
    assert entry.participation.project == project
    assert entry.status == VolunteerHours.Status.PENDING  # a coordinator approves them in the book
    with pytest.raises(ValidationError):
        services.assignment_record_hours(assignment=done, hours="1", today=dt.date(2026, 11, 25))


def test_hours_without_a_project_stay_on_the_assignment(db):
    day = dt.date(2026, 11, 20)
    assignment = AssignmentFactory(
        event=EventFactory(starts_at=combine_local(day, dt.time(11)), ends_at=combine_local(day, dt.time(12)))
    )
    done = services.assignment_record_hours(assignment=assignment, hours=3, today=dt.date(2026, 11, 25))
    assert done.hours == Decimal("3.00")
    assert done.hours_entry is None


def test_hours_refused_before_the_event_and_out_of_range(db):
    assignment = AssignmentFactory(event=EventFactory(starts_at=in_days(3), ends_at=in_days(3, 20)))
    with pytest.raises(ValidationError):
        services.assignment_record_hours(assignment=assignment, hours=2)
    past = AssignmentFactory(event=EventFactory(starts_at=in_days(-3), ends_at=in_days(-3, 20)))
    for wrong in ("0", "25", "много"):
        with pytest.raises(ValidationError):
            services.assignment_record_hours(assignment=past, hours=wrong)


def test_no_volunteers_for_cancelled_events(db, coordinator):
    event = services.event_cancel(event=EventFactory(), reason="Отмена", by=coordinator)
    with pytest.raises(ValidationError):
        services.assignment_add(event=event, volunteer=AssignmentFactory().volunteer, role="Помощь")
