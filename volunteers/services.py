"""Every write to the volunteer registry: signup, status changes, consent withdrawal and anonymisation."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from volunteers.models import (
    ConsentRecord,
    ConsentText,
    ConsentWithdrawal,
    DeletionRecord,
    Skill,
    Volunteer,
)
from volunteers.selectors import consent_text_current
from volunteers.validation import email_or_none, phone_or_error, validate_birth_date

logger = logging.getLogger(__name__)


class DuplicateVolunteer(Exception):
    """A volunteer with this phone or e-mail is already in the registry."""


class NoConsentText(Exception):
    """No consent text is in force, so nobody can give consent yet."""


class InvalidTransition(Exception):
    """The volunteer's status cannot move to the requested one."""


# The status workflow: заявка → проверен → активен ⇄ неактивен; an application can also be declined.
TRANSITIONS: dict[str, set[str]] = {
    Volunteer.Status.APPLIED: {Volunteer.Status.VERIFIED, Volunteer.Status.INACTIVE},
    Volunteer.Status.VERIFIED: {Volunteer.Status.ACTIVE, Volunteer.Status.INACTIVE},
    Volunteer.Status.ACTIVE: {Volunteer.Status.INACTIVE},
    Volunteer.Status.INACTIVE: {Volunteer.Status.ACTIVE},
}


def duplicate_message() -> str:
    """The message for a duplicate signup: friendly, and it tells nothing about who is registered."""
    return _(
        "An application with this phone number or e-mail has already been received. "
        "If you sent it earlier, a coordinator will call you soon. If not, please call us at %(phone)s."
    ) % {"phone": settings.SITE_CONTACT_PHONE}


@dataclass(frozen=True)
class ConsentContext:
    channel: str
    ip_address: str | None = None
    user_agent: str = ""


def volunteer_register(
    *,
    last_name: str,
    first_name: str,
    patronymic: str = "",
    date_of_birth: dt.date,
    phone: str,
    email: str | None = None,
    district: str,
    skills: Iterable[Skill] = (),
    about: str = "",
    affiliation: str = "",
    source: str = Volunteer.Source.SIGNUP,
    consent: ConsentContext,
    status: str = Volunteer.Status.APPLIED,
    notify: bool = True,
    today: dt.date | None = None,
) -> Volunteer:
    """Register a volunteer with their consent record; raise DuplicateVolunteer on a known phone or e-mail."""
    validate_birth_date(date_of_birth, today=today)
    phone = phone_or_error(phone)
    email = email_or_none(email)
    consent_text = consent_text_current()
    if consent_text is None:
        raise NoConsentText

    if _contact_taken(phone=phone, email=email):
        raise DuplicateVolunteer
    try:
        with transaction.atomic():
            volunteer = Volunteer.objects.create(
                last_name=last_name.strip(),
                first_name=first_name.strip(),
                patronymic=patronymic.strip(),
                date_of_birth=date_of_birth,
                phone=phone,
                email=email,
                district=district,
                about=about.strip(),
                affiliation=affiliation.strip(),
                source=source,
                status=status,
            )
            volunteer.skills.set(skills)
            _consent_record_create(volunteer=volunteer, consent_text=consent_text, consent=consent)
    except IntegrityError as exc:
        # Two identical submissions raced past the check above; the unique constraints decided.
        raise DuplicateVolunteer from exc

    if notify:
        from volunteers import tasks

        transaction.on_commit(lambda: tasks.send_signup_confirmation.delay(volunteer.pk))
        transaction.on_commit(lambda: tasks.notify_coordinators_of_signup.delay(volunteer.pk))
    logger.info("volunteer %s registered via %s", volunteer.pk, source)
    return volunteer


def _contact_taken(*, phone: str, email: str | None) -> bool:
    if Volunteer.objects.filter(phone=phone).exists():
        return True
    return bool(email) and Volunteer.objects.filter(email__iexact=email).exists()


def _consent_record_create(
    *, volunteer: Volunteer, consent_text: ConsentText, consent: ConsentContext
) -> ConsentRecord:
    return ConsentRecord.objects.create(
        volunteer=volunteer,
        consent_text=consent_text,
        text_version=consent_text.version,
        text_sha256=consent_text.sha256,
        channel=consent.channel,
        ip_address=consent.ip_address,
        user_agent=(consent.user_agent or "")[:500],
    )


def volunteer_set_status(*, volunteer: Volunteer, status: str, by: AbstractBaseUser | None) -> Volunteer:
    """Move a volunteer to a new status along the workflow, recording who did it and when."""
    with transaction.atomic():
        locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if locked.anonymised_at is not None:
            raise InvalidTransition(_("The record has been anonymised."))
        if status not in TRANSITIONS.get(locked.status, set()):
            raise InvalidTransition(
                _("Cannot change status from «%(old)s» to «%(new)s».")
                % {"old": locked.get_status_display(), "new": Volunteer.Status(status).label}
            )
        locked.status = status
        locked.status_changed_at = timezone.now()
        locked.status_changed_by = by
        if by is not None:
            locked._history_user = by
        locked.save(update_fields=["status", "status_changed_at", "status_changed_by", "updated_at"])
    return locked


def volunteers_set_status(
    *, volunteers: QuerySet[Volunteer], status: str, by: AbstractBaseUser | None
) -> tuple[int, int]:
    """Move each volunteer that may move to the status; return (changed, skipped)."""
    changed = skipped = 0
    for pk in volunteers.order_by().values_list("pk", flat=True):
        try:
            volunteer_set_status(volunteer=Volunteer(pk=pk), status=status, by=by)
        except InvalidTransition:
            skipped += 1
        else:
            changed += 1
    return changed, skipped


def consent_withdraw(
    *,
    volunteer: Volunteer,
    received_on: dt.date,
    channel: str,
    by: AbstractBaseUser | None,
    anonymise_after_days: int | None = None,
) -> ConsentWithdrawal:
    """Record that a person withdrew consent and schedule the anonymisation of their data."""
    days = settings.WITHDRAWAL_ANONYMISE_AFTER_DAYS if anonymise_after_days is None else anonymise_after_days
    if not 0 <= days <= 30:
        raise ValidationError(_("Personal data must be erased within 30 days of the withdrawal."))
    with transaction.atomic():
        locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if ConsentWithdrawal.objects.filter(volunteer=locked).exists():
            raise ValidationError(_("A withdrawal has already been recorded for this person."))
        withdrawal = ConsentWithdrawal.objects.create(
            volunteer=locked,
            received_on=received_on,
            channel=channel,
            recorded_by=by,
            anonymise_due_at=timezone.now() + dt.timedelta(days=days),
        )
        if locked.status != Volunteer.Status.INACTIVE:
            locked.status = Volunteer.Status.INACTIVE
            locked.status_changed_at = timezone.now()
            locked.status_changed_by = by
            locked.save(update_fields=["status", "status_changed_at", "status_changed_by", "updated_at"])

    if days == 0:
        from volunteers import tasks

        transaction.on_commit(lambda: tasks.anonymise_volunteer.delay(locked.pk))
    return withdrawal


ERASED_FIELDS = (
    "last_name",
    "first_name",
    "patronymic",
    "date_of_birth",
    "phone",
    "email",
    "about",
    "affiliation",
)


def volunteer_anonymise(*, volunteer_id: int) -> bool:
    """Erase a volunteer's personal data and their history; return False when already done.

    Safe to run twice: the row is locked and the second run finds it anonymised.
    """
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().filter(pk=volunteer_id).first()
        if volunteer is None or volunteer.anonymised_at is not None:
            return False
        now = timezone.now()
        volunteer.last_name = ""
        volunteer.first_name = _("Anonymised")
        volunteer.patronymic = ""
        volunteer.date_of_birth = None
        volunteer.phone = None
        volunteer.email = None
        volunteer.about = ""
        volunteer.affiliation = ""
        volunteer.status = Volunteer.Status.INACTIVE
        volunteer.anonymised_at = now
        volunteer.skip_history_when_saving = True
        volunteer.save()
        del volunteer.skip_history_when_saving
        # The audit trail holds copies of the personal data: it goes too.
        history_erased, _details = volunteer.history.all().delete()
        ConsentRecord.objects.filter(volunteer=volunteer).update(ip_address=None, user_agent="")
        withdrawal = ConsentWithdrawal.objects.filter(volunteer=volunteer).first()
        if withdrawal is not None:
            withdrawal.anonymised_at = now
            withdrawal.save(update_fields=["anonymised_at"])
        DeletionRecord.objects.create(
            volunteer_ref=volunteer.pk,
            withdrawal=withdrawal,
            erased_fields=list(ERASED_FIELDS),
            history_rows_erased=history_erased,
            erased_at=now,
        )
    logger.info("volunteer %s anonymised", volunteer_id)
    return True


def withdrawals_due(*, now: dt.datetime | None = None) -> QuerySet[ConsentWithdrawal]:
    return ConsentWithdrawal.objects.filter(
        anonymised_at__isnull=True, anonymise_due_at__lte=now or timezone.now()
    )
