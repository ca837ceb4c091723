"""Every write to the calendar: submission, moderation, postponement, cancellation and volunteers' help."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    MAX_EVENT_HOURS,
    Audience,
    Category,
    Event,
    EventAssignment,
    EventFormat,
    EventPostponement,
)
from events.times import EARLIEST_YEAR, LATEST_YEAR, local_date
from projects.models import ContractChange, Organisation, Participation, Project
from volunteers.models import Volunteer, local_today

logger = logging.getLogger(__name__)

Status = Event.Status


class InvalidTransition(ValidationError):
    """The event's status does not allow this step."""


def _user(by: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return by if by is not None and by.is_authenticated else None


def _check_period(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        # A naive time would be read in the server's zone, not Sevastopol's: refuse rather than guess.
        raise ValueError("event times must be time-zone aware")
    if ends_at < starts_at:
        raise ValidationError(_("The end cannot be earlier than the start."), code="period")
    # The exclusive end of an all-day event on 31.12 of the last year is midnight of the next year.
    if local_date(starts_at).year < EARLIEST_YEAR or local_date(ends_at) > dt.date(LATEST_YEAR + 1, 1, 1):
        # Year 1 or 9999 overflows in time-zone arithmetic and would break the public feeds.
        raise ValidationError(
            _("Please check the year: the calendar holds events from %(first)s to %(last)s.")
            % {"first": EARLIEST_YEAR, "last": LATEST_YEAR},
            code="out_of_range",
        )


def event_create(
    *,
    title: str,
    category: Category,
    format: EventFormat,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    all_day: bool = False,
    venue: str,
    age_rating: str,
    audiences: Iterable[Audience],
    description: str = "",
    address: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    organiser: Organisation | None = None,
    organiser_name_submitted: str = "",
    co_organisers: Iterable[Organisation] = (),
    project: Project | None = None,
    registration_url: str = "",
    capacity: int | None = None,
    contact: str = "",
    submitter_name: str = "",
    submitter_email: str = "",
    submitter_phone: str = "",
    status: str = Status.DRAFT,
    source: str = Event.Source.COORDINATOR,
) -> Event:
    """Create an event as a draft (coordinators) or awaiting moderation (submissions)."""
    if status not in (Status.DRAFT, Status.PENDING):
        raise ValueError("new events start as drafts or submissions; publish them with event_publish")
    ends_at = ends_at or starts_at
    _check_period(starts_at, ends_at)
    audiences = list(audiences)
    if not audiences:
        raise ValidationError(_("Please choose at least one target audience."), code="audiences")
    if organiser is None and not organiser_name_submitted.strip():
        raise ValidationError(_("Please choose or name the organising organisation."), code="organiser")
    with transaction.atomic():
        event = Event(
            title=" ".join(title.split()),
            description=description.strip(),
            category=category,
            format=format,
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=all_day,
            venue=" ".join(venue.split()),
            address=" ".join(address.split()),
            latitude=latitude,
            longitude=longitude,
            organiser=organiser,
            organiser_name_submitted=" ".join(organiser_name_submitted.split()),
            project=project,
            age_rating=age_rating,
            registration_url=registration_url,
            capacity=capacity,
            contact=contact.strip(),
            submitter_name=" ".join(submitter_name.split()),
            submitter_email=submitter_email.strip().lower(),
            submitter_phone=submitter_phone,
            status=status,
            source=source,
            submitted_at=timezone.now() if status == Status.PENDING else None,
        )
        event.full_clean(exclude=["audiences", "co_organisers"])
        event.save()
        event.audiences.set(audiences)
        event.co_organisers.set([org for org in co_organisers if org != organiser])
    return event


def event_submit(*, title: str, submitter_email: str, notify: bool = True, **fields: object) -> Event:
    """Accept an event submitted on the site: it waits for a coordinator and tells them it has come."""
    event = event_create(
        title=title,
        submitter_email=submitter_email,
        status=Status.PENDING,
        source=Event.Source.SUBMISSION,
        **fields,  # type: ignore[arg-type]
    )
    if notify:
        from events import tasks

        transaction.on_commit(lambda: tasks.notify_coordinators_of_submission.delay(event.pk))
    logger.info("event %s submitted", event.pk)
    return event


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _queue_decision_mail(event: Event, decision: str) -> None:
    if event.source != Event.Source.SUBMISSION or not event.submitter_email:
        return
    from events import tasks

    transaction.on_commit(lambda: tasks.send_decision_mail.delay(event.pk, decision))


def event_publish(*, event: Event, by: AbstractBaseUser | None) -> Event:
    """Publish a draft or a submission (a rejected one too, if the coordinator changed their mind)."""
    with transaction.atomic():
        locked = _locked(event)
        if locked.status not in (Status.DRAFT, Status.PENDING, Status.REJECTED):
            raise InvalidTransition(
                _("«%(title)s» is already on the calendar (%(status)s).")
                % {"title": locked.title, "status": locked.get_status_display()},
                code="status",
            )
        if locked.organiser_id is None:
            raise ValidationError(
                _("Choose the organiser of «%(title)s» from the registry first (submitted as «%(name)s»).")
                % {"title": locked.title, "name": locked.organiser_name_submitted},
                code="organiser",
            )
        now = timezone.now()
        locked.status = Status.PUBLISHED
        locked.published_at = now
        locked.moderated_at = now
        locked.moderated_by = _user(by)
        locked.rejection_reason = ""
        locked.save()
        _queue_decision_mail(locked, Status.PUBLISHED)
    logger.info("event %s published", locked.pk)
    return locked


def event_reject(*, event: Event, reason: str, by: AbstractBaseUser | None) -> Event:
    """Reject a submission with a reason the submitter will read."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please give the reason for the rejection."), code="reason")
    with transaction.atomic():
        locked = _locked(event)
        if locked.status not in (Status.DRAFT, Status.PENDING):
            raise InvalidTransition(
                _("Only drafts and submissions can be rejected; «%(title)s» is %(status)s.")
                % {"title": locked.title, "status": locked.get_status_display()},
                code="status",
            )
        locked.status = Status.REJECTED
        locked.rejection_reason = reason
        locked.moderated_at = timezone.now()
        locked.moderated_by = _user(by)
        locked.save()
        _queue_decision_mail(locked, Status.REJECTED)
    logger.info("event %s rejected", locked.pk)
    return locked


def event_postpone(
    *,
    event: Event,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    all_day: bool | None = None,
    reason: str,
    contract_change: ContractChange | None = None,
    basis: str = "",
    by: AbstractBaseUser | None,
) -> EventPostponement:
    """Move a published event to new dates, keeping the old ones, the reason and the contract change.

    The event keeps its UID and gets a new SEQUENCE, so subscribed calendars move it instead of adding a copy.
    """
    ends_at = ends_at or starts_at
    _check_period(starts_at, ends_at)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please give the reason for the postponement."), code="reason")
    with transaction.atomic():
        locked = _locked(event)
        if locked.status not in (Status.PUBLISHED, Status.POSTPONED):
            raise InvalidTransition(
                _("Only events on the calendar can be postponed; «%(title)s» is %(status)s.")
                % {"title": locked.title, "status": locked.get_status_display()},
                code="status",
            )
        if local_date(starts_at) < locked.start_date:
            # A postponement moves an event later; an earlier date is a typo, corrected by editing the event.
            raise ValidationError(
                _(
                    "A postponement moves the event to a later day, and «%(title)s» starts on %(date)s. "
                    "To correct a wrongly entered date, edit the event instead."
                )
                % {"title": locked.title, "date": locked.start_date.strftime("%d.%m.%Y")},
                code="earlier",
            )
        new_all_day = locked.all_day if all_day is None else all_day
        if (starts_at, ends_at, new_all_day) == (locked.starts_at, locked.ends_at, locked.all_day):
            raise ValidationError(_("The new dates are the same as the current ones."), code="same_dates")
        if contract_change is not None and contract_change.project_id != locked.project_id:
            raise ValidationError(
                _("The contract change agreement must belong to the event's project."), code="contract_change"
            )
        postponement = EventPostponement.objects.create(
            event=locked,
            old_starts_at=locked.starts_at,
            old_ends_at=locked.ends_at,
            old_all_day=locked.all_day,
            new_starts_at=starts_at,
            new_ends_at=ends_at,
            reason=reason,
            contract_change=contract_change,
            basis=" ".join(basis.split()),
            recorded_by=_user(by),
        )
        locked.starts_at = starts_at
        locked.ends_at = ends_at
        locked.all_day = new_all_day
        locked.status = Status.POSTPONED
        locked.save()
    logger.info("event %s postponed (sequence %s)", locked.pk, locked.sequence)
    return postponement


def event_cancel(*, event: Event, reason: str, by: AbstractBaseUser | None) -> Event:
    """Cancel an event on the calendar: it stays visible, marked, and feeds say STATUS:CANCELLED."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please give the reason for the cancellation."), code="reason")
    with transaction.atomic():
        locked = _locked(event)
        if locked.status not in (Status.PUBLISHED, Status.POSTPONED):
            raise InvalidTransition(
                _("Only events on the calendar can be cancelled; «%(title)s» is %(status)s.")
                % {"title": locked.title, "status": locked.get_status_display()},
                code="status",
            )
        locked.status = Status.CANCELLED
        locked.cancellation_reason = reason
        locked.save()
    logger.info("event %s cancelled", locked.pk)
    return locked


def event_save(*, event: Event, by: AbstractBaseUser | None) -> Event:
    """Save a coordinator's edit; the model bumps SEQUENCE itself when calendars must learn of it."""
    _check_period(event.starts_at, event.ends_at)
    if by is not None:
        event._history_user = by
    event.save()
    return event


def assignment_check(*, event: Event, volunteer: Volunteer) -> None:
    """Refuse help at an event that will not happen, and records that hold no person any more."""
    if event.status in (Status.CANCELLED, Status.REJECTED):
        raise ValidationError(
            _("Volunteers cannot be assigned to a cancelled or rejected event."), code="status"
        )
    if volunteer.anonymised_at is not None:
        raise ValidationError(_("The volunteer's record has been anonymised."), code="anonymised")


def assignment_add(*, event: Event, volunteer: Volunteer, role: str, note: str = "") -> EventAssignment:
    """Ask a volunteer to help at an event in a role."""
    assignment_check(event=event, volunteer=volunteer)
    role = " ".join(role.split())
    if not role:
        raise ValidationError(_("Please describe the volunteer's role."), code="role")
    assignment, _created = EventAssignment.objects.get_or_create(
        event=event, volunteer=volunteer, defaults={"role": role, "note": note}
    )
    return assignment


def assignment_hours_parse(value: Decimal | str | int | float) -> Decimal:
    """Read hours typed as «2» or «1,5»; refuse anything but more than 0 and at most 24."""
    try:
        hours = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            _("Please write the hours as a number, for example 2 or 1,5."), code="hours"
        ) from None
    if not Decimal("0") < hours <= MAX_EVENT_HOURS:
        raise ValidationError(_("Hours must be more than 0 and at most 24."), code="hours_range")
    return hours


def assignment_record_hours(
    *,
    assignment: EventAssignment,
    hours: Decimal | str | int | float,
    description: str = "",
    by: AbstractBaseUser | None = None,
    today: dt.date | None = None,
) -> EventAssignment:
    """Record the hours a volunteer gave at an event, into the volunteer book when the event has a project.

    The volunteer book lives in the projects app and counts hours per project; an event with no project
    keeps the hours on the assignment only, so they are not lost and can be moved there later.
    """
    from projects import services as project_services

    event = assignment.event
    today = today or local_today()
    if event.start_date > today:
        raise ValidationError(_("Hours can be recorded once the event has taken place."), code="future")
    if event.status == Status.CANCELLED:
        raise ValidationError(_("The event was cancelled: there are no hours to record."), code="cancelled")
    with transaction.atomic():
        locked = EventAssignment.objects.select_for_update().select_related("event").get(pk=assignment.pk)
        if locked.hours_entry_id is not None:
            raise ValidationError(
                _("The hours for this event are already in the volunteer book."), code="done"
            )
        entry = None
        if event.project_id is not None:
            day = event.start_date
            participation = (
                Participation.objects.filter(volunteer_id=locked.volunteer_id, project_id=event.project_id)
                .filter(started_on__lte=day)
                .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
                .first()
            )
            if participation is None:
                participation = project_services.participation_start(
                    volunteer=locked.volunteer,
                    project=event.project,
                    started_on=day,
                    ended_on=day,
                    role=locked.role,
                )
            entry = project_services.hours_report(
                participation=participation,
                date=day,
                hours=hours,
                description=description
                or _("Help at the event «%(title)s»: %(role)s") % {"title": event.title, "role": locked.role},
                reported_by=by,
                today=today,
            )
            locked.hours = entry.hours
        else:
            locked.hours = assignment_hours_parse(hours)
        locked.hours_entry = entry
        locked.save(update_fields=["hours", "hours_entry"])
    return locked
