"""The coordinators' event form: all-day events entered as first and last day, audiences as checkboxes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.filters import EARLIEST_YEAR, LATEST_YEAR, CalendarDateField
from events.models import Audience, Event
from events.times import all_day_bounds, local_date


class EventAdminForm(forms.ModelForm):
    audiences = forms.ModelMultipleChoiceField(
        label=_("Target audiences"),
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one target audience.")},
    )

    registration_url = forms.URLField(label=_("Registration link"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = (
            "title",
            "description",
            "category",
            "format",
            "starts_at",
            "ends_at",
            "all_day",
            "venue",
            "address",
            "latitude",
            "longitude",
            "organiser",
            "co_organisers",
            "project",
            "audiences",
            "age_rating",
            "registration_url",
            "capacity",
            "contact",
        )
        help_texts = {
            "ends_at": _("For all-day events: the last day; the times are ignored."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance: Event = self.instance
        if instance.pk and instance.all_day and "ends_at" in self.fields:
            # All-day ends are stored as the midnight after the last day; show the last day itself.
            self.initial["ends_at"] = timezone.localtime(instance.ends_at) - dt.timedelta(minutes=1)

    def _within_calendar_years(self, name: str) -> dt.datetime | None:
        # Year 1 or 9999 overflows when turned into UTC or given a day more, and breaks the public feeds.
        value: dt.datetime | None = self.cleaned_data.get(name)
        if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise forms.ValidationError(
                CalendarDateField.default_error_messages["out_of_range"],
                code="out_of_range",
                params={"first": EARLIEST_YEAR, "last": LATEST_YEAR},
            )
        return value

    def clean_starts_at(self) -> dt.datetime | None:
        return self._within_calendar_years("starts_at")

    def clean_ends_at(self) -> dt.datetime | None:
        return self._within_calendar_years("ends_at")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and cleaned.get("all_day"):
            if local_date(ends_at) < local_date(starts_at):
                self.add_error("ends_at", _("The last day cannot be earlier than the first."))
            else:
                cleaned["starts_at"], cleaned["ends_at"] = all_day_bounds(
                    local_date(starts_at), local_date(ends_at)
                )
        elif starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The end cannot be earlier than the start."))
        if cleaned.get("organiser") is not None:
            co_organisers = cleaned.get("co_organisers")
            if co_organisers is not None:
                cleaned["co_organisers"] = co_organisers.exclude(pk=cleaned["organiser"].pk)
        return cleaned
