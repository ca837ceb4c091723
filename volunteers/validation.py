"""Rules shared by the signup form, the admin form and the services."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from volunteers.models import EARLIEST_BIRTH_DATE, MIN_AGE, age_on, local_today
from volunteers.phones import InvalidPhone, normalize_phone

if TYPE_CHECKING:
    from volunteers.models import Volunteer

PHONE_HELP = "8 (978) 123-45-67"


def phone_or_error(raw: str) -> str:
    """Normalise a phone number or raise a ValidationError a person can act on."""
    try:
        return normalize_phone(raw)
    except InvalidPhone:
        raise ValidationError(
            _(
                "We could not recognise this phone number. Please write it with the code, "
                "for example %(example)s."
            )
            % {"example": PHONE_HELP},
            code="invalid_phone",
        ) from None


def email_or_none(raw: str | None) -> str | None:
    email = (raw or "").strip().lower()
    return email or None


def validate_birth_date(date_of_birth: dt.date, *, today: dt.date | None = None) -> None:
    """Refuse a birth date in the future, before 1900, or of a person younger than 55 today."""
    today = today or local_today()
    if date_of_birth > today:
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if date_of_birth < EARLIEST_BIRTH_DATE:
        raise ValidationError(
            _("Please check the year of birth: it cannot be earlier than 1900."), code="too_early"
        )
    if age_on(date_of_birth, today) < MIN_AGE:
        raise ValidationError(
            _(
                "The silver volunteering centre brings together people aged %(age)s and over. "
                "You can still volunteer with the city's other volunteer centres."
            )
            % {"age": MIN_AGE},
            code="too_young",
        )


def clean_volunteer_contacts(volunteer: Volunteer) -> None:
    """Normalise the phone and e-mail of a volunteer before it is saved."""
    errors: dict[str, ValidationError] = {}
    if volunteer.phone:
        try:
            volunteer.phone = phone_or_error(volunteer.phone)
        except ValidationError as exc:
            errors["phone"] = exc
    else:
        volunteer.phone = None
    volunteer.email = email_or_none(volunteer.email)
    if volunteer.anonymised_at is None and volunteer.date_of_birth is None:
        errors["date_of_birth"] = ValidationError(_("Please enter the date of birth."), code="required")
    if errors:
        raise ValidationError(errors)
