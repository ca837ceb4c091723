"""Every write workflow of the projects app: affiliations, participation, hours and statements of hours."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.models import (
    MAX_HOURS_PER_DAY,
    Organisation,
    Participation,
    Project,
    VolunteerAffiliation,
    VolunteerHours,
    VolunteerStatement,
)
from projects.pdf import StatementRenderer
from projects.selectors import volunteer_book, volunteer_hours_total
from volunteers.models import Volunteer, local_today

logger = logging.getLogger(__name__)


def volunteer_link_organisation(
    *,
    volunteer: Volunteer,
    organisation: Organisation | None,
    position: str = "",
    since: dt.date | None = None,
) -> VolunteerAffiliation | None:
    """Link a volunteer to the organisation they come from, or remove the link when organisation is None."""
    if organisation is None:
        VolunteerAffiliation.objects.filter(volunteer=volunteer).delete()
        return None
    link, _created = VolunteerAffiliation.objects.update_or_create(
        volunteer=volunteer, defaults={"organisation": organisation, "position": position, "since": since}
    )
    return link


def participation_start(
    *,
    volunteer: Volunteer,
    project: Project,
    started_on: dt.date,
    role: str = "",
    ended_on: dt.date | None = None,
) -> Participation:
    """Add a volunteer to a project; refuse a rejected project or a period that ends before it starts."""
    if project.status == Project.Status.REJECTED:
        raise ValidationError(
            _("The project «%(title)s» was rejected: volunteers cannot join it.") % {"title": project.title},
            code="project_rejected",
        )
    if ended_on is not None and ended_on < started_on:
        raise ValidationError(_("The end date cannot be earlier than the start date."), code="period")
    participation, _created = Participation.objects.get_or_create(
        volunteer=volunteer,
        project=project,
        started_on=started_on,
        defaults={"role": role, "ended_on": ended_on},
    )
    return participation


def _hours_or_error(value: Decimal | str | float | int) -> Decimal:
    try:
        hours = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"hours": _("Please write the hours as a number, for example 2 or 1,5.")}, code="hours"
        ) from None
    if not Decimal("0") < hours <= MAX_HOURS_PER_DAY:
        raise ValidationError(
            {"hours": _("Hours in one day must be more than 0 and at most 24.")}, code="hours_range"
        )
    return hours


def hours_validate(
    *,
    participation: Participation,
    date: dt.date,
    hours: Decimal | str | float | int,
    description: str,
    today: dt.date | None = None,
) -> tuple[Decimal, str]:
    """Check reported hours as a coordinator would; return the hours and the tidied description."""
    amount = _hours_or_error(hours)
    today = today or local_today()
    if date > today:
        raise ValidationError(
            {"date": _("Hours cannot be reported for a day that has not come yet.")}, code="future"
        )
    if date < participation.started_on or (participation.ended_on and date > participation.ended_on):
        raise ValidationError(
            {
                "date": _("This day is outside the volunteer's participation in the project (%(period)s).")
                % {"period": _participation_period(participation)}
            },
            code="outside_participation",
        )
    description = " ".join(description.split())
    if not description:
        raise ValidationError(
            {"description": _("Please describe briefly what was done.")}, code="description"
        )
    return amount, description


def hours_report(
    *,
    participation: Participation,
    date: dt.date,
    hours: Decimal | str | float | int,
    description: str,
    reported_by: AbstractBaseUser | None = None,
    today: dt.date | None = None,
) -> VolunteerHours:
    """Record hours a volunteer gave; they wait for a coordinator's approval before they count."""
    amount, description = hours_validate(
        participation=participation, date=date, hours=hours, description=description, today=today
    )
    entry = VolunteerHours.objects.create(
        participation=participation,
        date=date,
        hours=amount,
        description=description,
        reported_by=reported_by if reported_by is not None and reported_by.is_authenticated else None,
    )
    logger.info("hours %s reported for participation %s", entry.pk, participation.pk)
    return entry


def _participation_period(participation: Participation) -> str:
    start = participation.started_on.strftime("%d.%m.%Y")
    if participation.ended_on is None:
        return _("from %(start)s") % {"start": start}
    return f"{start} — {participation.ended_on:%d.%m.%Y}"


def hours_approve(*, hours: Iterable[VolunteerHours], by: AbstractBaseUser | None) -> int:
    """Approve pending hours; already approved ones are left alone. Return how many were approved."""
    ids = [entry.pk for entry in hours]
    approved = 0
    now = timezone.now()
    with transaction.atomic():
        # Row locks: two coordinators approving the same list do not both record an approval.
        pending = VolunteerHours.objects.select_for_update().filter(
            pk__in=ids, status=VolunteerHours.Status.PENDING
        )
        for entry in pending:
            entry.status = VolunteerHours.Status.APPROVED
            entry.approved_by = by
            entry.approved_at = now
            entry.save(update_fields=["status", "approved_by", "approved_at"])
            approved += 1
    return approved


def hours_return_to_pending(*, hours: Iterable[VolunteerHours]) -> int:
    """Withdraw an approval given by mistake; the hours stop counting until approved again."""
    ids = [entry.pk for entry in hours]
    returned = 0
    with transaction.atomic():
        approved = VolunteerHours.objects.select_for_update().filter(
            pk__in=ids, status=VolunteerHours.Status.APPROVED
        )
        for entry in approved:
            entry.status = VolunteerHours.Status.PENDING
            entry.approved_by = None
            entry.approved_at = None
            entry.save(update_fields=["status", "approved_by", "approved_at"])
            returned += 1
    return returned


def statement_request(
    *, volunteer: Volunteer, by: AbstractBaseUser | None = None, year: int | None = None
) -> VolunteerStatement:
    """Order a PDF statement of hours; a Celery task makes it once the order is committed."""
    from projects.tasks import generate_volunteer_statement

    if volunteer.anonymised_at is not None:
        raise ValidationError(_("The volunteer's data has been erased: a statement cannot be issued."))
    statement = VolunteerStatement.objects.create(
        volunteer=volunteer, year=year, requested_by=by if by is not None and by.is_authenticated else None
    )
    transaction.on_commit(lambda: generate_volunteer_statement.delay(statement.pk))
    return statement


def statement_generate(*, statement_id: int, renderer: StatementRenderer | None = None) -> bool:
    """Render and store the statement; a second run finds it ready and does nothing. Return whether it ran."""
    renderer = renderer or StatementRenderer()
    with transaction.atomic():
        # The row lock makes a duplicate delivery of the task wait, then see READY and stop.
        statement = (
            VolunteerStatement.objects.select_for_update()
            .select_related("volunteer")
            .filter(pk=statement_id)
            .first()
        )
        if statement is None or statement.status == VolunteerStatement.Status.READY:
            return False
        volunteer = statement.volunteer
        rows = volunteer_book(volunteer=volunteer, year=statement.year)
        total = volunteer_hours_total(volunteer=volunteer, year=statement.year)
        statement.generated_at = timezone.now()
        with translation.override("ru"):
            content = renderer.render(statement=statement, rows=rows, total=total)
        statement.sha256 = hashlib.sha256(content).hexdigest()
        statement.total_hours = total
        statement.status = VolunteerStatement.Status.READY
        statement.file.save(f"statement-{statement.pk}.pdf", ContentFile(content), save=False)
        statement.save(update_fields=["file", "sha256", "total_hours", "generated_at", "status"])
    logger.info("statement %s generated (%s bytes)", statement_id, len(content))
    return True


def statement_mark_failed(*, statement_id: int) -> None:
    """Record that the statement could not be made, so the coordinator sees it and can order it again."""
    VolunteerStatement.objects.filter(pk=statement_id).exclude(status=VolunteerStatement.Status.READY).update(
        status=VolunteerStatement.Status.FAILED
    )


def volunteer_erase_project_data(*, volunteer: Volunteer) -> int:
    """Erase the statements and the organisation link of an anonymised person; return statements erased."""
    # Statements print the name and birth date; hours stay, since without a name they are only statistics.
    statements = list(VolunteerStatement.objects.filter(volunteer=volunteer))
    files = [(s.file.storage, s.file.name) for s in statements if s.file]
    VolunteerStatement.objects.filter(pk__in=[s.pk for s in statements]).delete()
    VolunteerAffiliation.objects.filter(volunteer=volunteer).delete()
    # After the deletion, which itself writes a history row.
    VolunteerAffiliation.history.filter(volunteer_id=volunteer.pk).delete()

    def remove_files() -> None:
        # After commit: a rolled-back anonymisation must not have lost the files.
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
    return len(statements)
