"""The order form of /reports/: a kind the user may order, a format, and that kind's parameters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reports.kinds import KINDS, kinds_for
from reports.models import ReportFormat

# The fields each kind reads; the page shows only the current kind's group when scripts run.
YEAR_FIELDS = ("year_from", "year_to", "compare_year", "base_from", "base_to")
DATE_FIELDS = ("date_from", "date_to")
ADOPTION_FIELDS = ("adopted_from", "adopted_to")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _year(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"step": 1}),
    )


class ReportOrderForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), widget=forms.RadioSelect)
    format = forms.ChoiceField(
        label=_("File format"),
        choices=ReportFormat.choices,
        initial=ReportFormat.PDF,
        widget=forms.RadioSelect,
    )
    year_from = _year(_("Years from"))
    year_to = _year(_("Years to"))
    compare_year = _year(_("Year compared"))
    base_from = _year(_("Base period from"))
    base_to = _year(_("Base period to"))
    date_from = forms.DateField(label=_("Period from"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Period to"), required=False, widget=DateInput())
    adopted_from = forms.DateField(label=_("Resolutions adopted from"), required=False, widget=DateInput())
    adopted_to = forms.DateField(label=_("Resolutions adopted until"), required=False, widget=DateInput())

    def __init__(
        self, *args: Any, user: AbstractBaseUser | AnonymousUser, today: dt.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = today
        self.kinds = kinds_for(user)
        self.fields["kind"].choices = [(kind.key, kind.title) for kind in self.kinds]
        if self.kinds and not self.is_bound:
            self.initial.setdefault("kind", self.kinds[0].key)
            for kind in self.kinds:
                for key, value in kind.default_parameters(today=today).items():
                    self.initial.setdefault(key, value)
        self.fields["compare_year"].help_text = _("The year whose money is compared with the base period.")
        self.parameters: dict[str, Any] = {}

    def _kinds_reading(self, fields: tuple[str, ...]) -> str:
        """Keys of the kinds (among those offered) that read these fields, for the page's script."""
        return " ".join(kind.key for kind in self.kinds if set(fields) & set(kind.parameter_names))

    @property
    def kinds_with_years(self) -> str:
        return self._kinds_reading(YEAR_FIELDS)

    @property
    def kinds_with_dates(self) -> str:
        return self._kinds_reading(DATE_FIELDS)

    @property
    def kinds_with_adoption(self) -> str:
        return self._kinds_reading(ADOPTION_FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = KINDS.get(data.get("kind", ""))
        if kind is None:
            return data
        raw = {name: data.get(name) for name in kind.parameter_names}
        # The stored parameters are JSON: dates as ISO strings.
        raw = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in raw.items()}
        try:
            self.parameters = kind.clean_parameters(raw, today=self.today)
        except ValidationError as exc:
            self.add_error(None, exc)
        return data
