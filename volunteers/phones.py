"""Russian phone numbers as people write them, normalised to +7XXXXXXXXXX."""

from __future__ import annotations

import re

# Sevastopol's area code: a six-digit local number written without it is a city landline.
SEVASTOPOL_AREA_CODE = "8692"

_ALLOWED = re.compile(r"^[\d\s()+\-.]+$")


class InvalidPhone(ValueError):
    """The text is not a Russian phone number."""


def normalize_phone(raw: str) -> str:
    """Return the number as +7XXXXXXXXXX, accepting 8 (978) 123-45-67, +7 978 1234567 and the like."""
    text = (raw or "").strip()
    if not text or not _ALLOWED.match(text) or text.count("+") > 1 or ("+" in text and text[0] != "+"):
        raise InvalidPhone(raw)
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if len(digits) != 11 or not digits.startswith("7"):
            raise InvalidPhone(raw)
        national = digits[1:]
    elif len(digits) == 11 and digits[0] in "78":
        national = digits[1:]
    elif len(digits) == 10:
        national = digits
    elif len(digits) == 6:
        national = SEVASTOPOL_AREA_CODE + digits
    else:
        raise InvalidPhone(raw)
    # Russian numbers never begin with 0 or 1 after the country code.
    if national[0] in "01":
        raise InvalidPhone(raw)
    return "+7" + national


def format_phone(phone: str) -> str:
    """Show +79781234567 as +7 (978) 123-45-67 for people reading it."""
    if not phone or len(phone) != 12:
        return phone or ""
    n = phone[2:]
    return f"+7 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}"
