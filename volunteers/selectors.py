"""Reads of the volunteer registry that views, the admin and reports share."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from volunteers.models import ConsentText, Volunteer, local_today

# Age bands the coordinators filter by and the reports count: (key, youngest age, oldest age or None).
AGE_BANDS: list[tuple[str, int, int | None]] = [
    ("55-59", 55, 59),
    ("60-64", 60, 64),
    ("65-69", 65, 69),
    ("70+", 70, None),
]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def birth_range_for_ages(
    youngest: int, oldest: int | None, *, today: dt.date | None = None
) -> tuple[dt.date | None, dt.date]:
    """Return the earliest and latest birth dates of people aged youngest..oldest today."""
    today = today or local_today()
    latest = _years_before(today, youngest)
    earliest = None if oldest is None else _years_before(today, oldest + 1) + dt.timedelta(days=1)
    return earliest, latest


def volunteers_in_age_band(
    band: str, *, queryset: QuerySet[Volunteer] | None = None, today: dt.date | None = None
) -> QuerySet[Volunteer]:
    qs = queryset if queryset is not None else Volunteer.objects.all()
    for key, youngest, oldest in AGE_BANDS:
        if key == band:
            earliest, latest = birth_range_for_ages(youngest, oldest, today=today)
            return qs.born_between(earliest, latest)
    raise ValueError(f"unknown age band {band!r}")


def age_band_of(age: int | None) -> str:
    if age is None:
        return ""
    for key, youngest, oldest in AGE_BANDS:
        if age >= youngest and (oldest is None or age <= oldest):
            return key
    return ""


def consent_text_versions() -> QuerySet[ConsentText]:
    return ConsentText.objects.order_by("-version")


def consent_text_current() -> ConsentText | None:
    """Return the newest consent text already in force, or None before the first one exists."""
    from django.utils import timezone

    return consent_text_versions().filter(effective_from__lte=timezone.now()).first()
