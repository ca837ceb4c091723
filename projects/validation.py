"""Check digits of Russian registration numbers: ИНН (10 or 12 digits) and ОГРН/ОГРНИП (13 or 15 digits)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Weights of the Federal Tax Service's algorithm (order of the ФНС, the same since 1999).
_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _control(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_is_valid(value: str) -> bool:
    """Return whether value is a 10-digit (organisation) or 12-digit (person) ИНН with valid check digits."""
    if not value.isascii() or not value.isdigit():
        return False
    if len(value) == 10:
        return _control(value[:9], _INN10_WEIGHTS) == int(value[9])
    if len(value) == 12:
        return _control(value[:10], _INN12_WEIGHTS_11) == int(value[10]) and _control(
            value[:11], _INN12_WEIGHTS_12
        ) == int(value[11])
    return False


def ogrn_is_valid(value: str) -> bool:
    """Return whether value is a 13-digit ОГРН or a 15-digit ОГРНИП with a correct check digit."""
    if not value.isascii() or not value.isdigit():
        return False
    if len(value) == 13:
        return int(value[:12]) % 11 % 10 == int(value[12])
    if len(value) == 15:
        return int(value[:14]) % 13 % 10 == int(value[14])
    return False


def complete_inn10(first9: str) -> str:
    """Append the check digit to nine digits of an organisation's ИНН (for demo data and tests)."""
    return first9 + str(_control(first9, _INN10_WEIGHTS))


def complete_ogrn13(first12: str) -> str:
    """Append the check digit to twelve digits of an ОГРН (for demo data and tests)."""
    return first12 + str(int(first12) % 11 % 10)


def normalise_number(value: str | None) -> str | None:
    """Drop the spaces and dashes people type inside registration numbers; empty becomes None."""
    cleaned = "".join(ch for ch in (value or "") if ch not in " -\u00a0")
    return cleaned or None


def validate_inn(value: str) -> None:
    """Refuse an ИНН whose length or check digits are wrong, with a message a coordinator can act on."""
    if not value.isascii() or not value.isdigit() or len(value) not in (10, 12):
        raise ValidationError(
            _("An ИНН has 10 digits (an organisation) or 12 digits (a person). Please check the number."),
            code="inn_length",
        )
    if not inn_is_valid(value):
        raise ValidationError(
            _("This ИНН does not pass the check-digit test: one of the digits is probably mistyped."),
            code="inn_checksum",
        )


def validate_ogrn(value: str) -> None:
    """Refuse an ОГРН/ОГРНИП whose length or check digit is wrong."""
    if not value.isascii() or not value.isdigit() or len(value) not in (13, 15):
        raise ValidationError(
            _("An ОГРН has 13 digits (an ОГРНИП of an entrepreneur has 15). Please check the number."),
            code="ogrn_length",
        )
    if not ogrn_is_valid(value):
        raise ValidationError(
            _("This ОГРН does not pass the check-digit test: one of the digits is probably mistyped."),
            code="ogrn_checksum",
        )
