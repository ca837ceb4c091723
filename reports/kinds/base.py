"""What every kind of report provides: who may order it, its parameters, and how to build its document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reports.document import ReportDocument

# Called by a builder between its sections with the share of the work done, 0..100.
Progress = Callable[[int], None]

# The permission everyone who orders a report needs; a kind may ask for one more.
ADD_PERMISSION = "reports.add_reportrequest"


def no_progress(percent: int) -> None:
    """The progress callback for building outside a request (tests, previews)."""


class ReportKindBase:
    key: str = ""
    # The extra permission this kind needs besides ADD_PERMISSION; empty when ordering reports is enough.
    permission: str = ""
    # The fields of the order form this kind reads.
    parameter_names: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        raise NotImplementedError

    def may_order(self, user: AbstractBaseUser | AnonymousUser) -> bool:
        if not user.has_perm(ADD_PERMISSION):
            return False
        return not self.permission or user.has_perm(self.permission)

    def may_view(self, user: AbstractBaseUser | AnonymousUser) -> bool:
        """Whether the user may see requests of this kind and download their files."""
        if not user.has_perm("reports.view_reportrequest"):
            return False
        return not self.permission or user.has_perm(self.permission)

    def clean_parameters(self, raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
        """Check the parameters and return them as JSON-ready values; raise ValidationError on bad ones."""
        raise NotImplementedError

    def default_parameters(self, *, today: dt.date) -> dict[str, Any]:
        raise NotImplementedError

    def period_label(self, parameters: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def file_stem(self, parameters: Mapping[str, Any]) -> str:
        return self.key

    def describe(self, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        """The parameters as (label, value) lines for the title page and the XLSX summary."""
        return [(pgettext("report", "Period"), self.period_label(parameters))]

    def build(
        self, parameters: Mapping[str, Any], *, generated_at: dt.datetime, progress: Progress = no_progress
    ) -> ReportDocument:
        raise NotImplementedError


# --- parameter helpers --------------------------------------------------------------------------------

EARLIEST_YEAR = 2000


def year_param(raw: Mapping[str, Any], key: str, label: str, *, today: dt.date) -> int:
    value = raw.get(key)
    try:
        year = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(_("%(field)s: enter a year.") % {"field": label}, code="year") from None
    if not EARLIEST_YEAR <= year <= today.year + 1:
        raise ValidationError(
            _("%(field)s: enter a year between %(first)s and %(last)s.")
            % {"field": label, "first": EARLIEST_YEAR, "last": today.year + 1},
            code="year",
        )
    return year


def date_param(raw: Mapping[str, Any], key: str, label: str) -> dt.date:
    value = raw.get(key)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise ValidationError(_("%(field)s: enter a date.") % {"field": label}, code="date") from None


def date_range_params(raw: Mapping[str, Any], *, max_days: int = 366 * 10) -> tuple[dt.date, dt.date]:
    date_from = date_param(raw, "date_from", _("Period from"))
    date_to = date_param(raw, "date_to", _("Period to"))
    if date_from > date_to:
        raise ValidationError(_("The period must not end before it starts."), code="period")
    if date_from.year < EARLIEST_YEAR:
        raise ValidationError(_("The period cannot start before %(year)s.") % {"year": EARLIEST_YEAR})
    if (date_to - date_from).days > max_days:
        raise ValidationError(_("The period is too long: choose at most ten years."), code="period")
    return date_from, date_to


def date_range_label(date_from: dt.date, date_to: dt.date) -> str:
    return f"{date_from:%d.%m.%Y} — {date_to:%d.%m.%Y}"
