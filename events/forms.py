"""Forms of the calendar: the public submission and the coordinators' moderation steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.filters import CalendarDateField
from events.models import AgeRating, Audience, Category, EventFormat
from events.times import all_day_bounds, combine_local
from projects.models import ContractChange, Organisation
from silvercentre.honeypot import HoneypotMixin
from volunteers.validation import phone_or_error

TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H-%M", "%H %M", "%H"]
TIME_ERROR = _("Please write the time as hours and minutes, for example 18:00.")


class LocalDateField(CalendarDateField):
    widget = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "ДД.ММ.ГГГГ", "maxlength": 10})


class LocalTimeField(forms.TimeField):
    widget = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "ЧЧ:ММ", "maxlength": 5})
    default_error_messages = {"invalid": TIME_ERROR}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(input_formats=TIME_INPUT_FORMATS, **kwargs)


class WhenMixin:
    """Turns date, times and «all day» typed in Sevastopol time into an aware start and end."""

    def clean_period(self, cleaned: dict[str, Any]) -> None:
        day: dt.date | None = cleaned.get("date")
        end_day: dt.date | None = cleaned.get("end_date") or day
        start_time: dt.time | None = cleaned.get("start_time")
        end_time: dt.time | None = cleaned.get("end_time")
        all_day = cleaned.get("all_day", False)
        if day is None or end_day is None:
            return
        if end_day < day:
            self.add_error("end_date", _("The last day cannot be earlier than the first."))
            return
        if all_day:
            cleaned["starts_at"], cleaned["ends_at"] = all_day_bounds(day, end_day)
            return
        if start_time is None:
            if "start_time" not in self.errors:
                self.add_error("start_time", _("Please enter the start time, or tick «all day»."))
            return
        starts_at = combine_local(day, start_time)
        if end_time is None:
            ends_at = combine_local(end_day, start_time) if end_day != day else starts_at
        else:
            ends_at = combine_local(end_day, end_time)
        if ends_at < starts_at:
            self.add_error("end_time", _("The event cannot end before it starts."))
            return
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at


class EventSubmissionForm(HoneypotMixin, WhenMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the event"),
        max_length=300,
        help_text=_("For example: Урок мужества «Севастополь — город-герой»."),
        error_messages={"required": _("Please enter the name of the event.")},
    )
    description = forms.CharField(
        label=_("What will happen"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences: what guests will see and do, what to bring."),
        error_messages={"required": _("Please describe the event in a few sentences.")},
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Please choose a category.")},
    )
    format = forms.ModelChoiceField(
        label=_("Format"),
        queryset=EventFormat.objects.all(),
        empty_label=_("— choose —"),
        error_messages={"required": _("Please choose the format of the event.")},
    )
    date = LocalDateField(
        label=_("Date"),
        help_text=_("For example: 09.05.2027"),
        error_messages={"required": _("Please enter the date of the event.")},
    )
    start_time = LocalTimeField(label=_("Start time"), required=False, help_text=_("For example: 18:00"))
    end_time = LocalTimeField(label=_("End time"), required=False, help_text=_("If you know it."))
    end_date = LocalDateField(
        label=_("Last day"),
        required=False,
        help_text=_("Only if the event lasts several days, for example an exhibition."),
    )
    all_day = forms.BooleanField(label=_("All day (no fixed time)"), required=False)
    venue = forms.CharField(
        label=_("Place"),
        max_length=300,
        help_text=_("For example: Панорама «Оборона Севастополя», school No. 3, library."),
        error_messages={"required": _("Please enter where the event takes place.")},
    )
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    organiser = forms.ModelChoiceField(
        label=_("Organisation from the registry"),
        queryset=Organisation.objects.order_by("short_name"),
        required=False,
        empty_label=_("— not in the list —"),
    )
    organiser_name = forms.CharField(
        label=_("Or the name of your organisation"),
        max_length=500,
        required=False,
        help_text=_("If it is not in the list: a coordinator will add it."),
    )
    audiences = forms.ModelMultipleChoiceField(
        label=_("For whom"),
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one target audience.")},
    )
    age_rating = forms.ChoiceField(
        label=_("Age rating"),
        choices=AgeRating.choices,
        widget=forms.RadioSelect,
        help_text=_("The law requires it on every announcement."),
        error_messages={"required": _("Please choose the age rating.")},
    )
    registration_url = forms.URLField(
        label=_("Registration link"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Please check the link, for example https://example.ru/registration.")},
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=_("Leave empty if there is no limit."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Please write the number of places in digits, for example 40."),
            "min_value": _("The number of places must be more than zero."),
        },
    )
    contact = forms.CharField(
        label=_("Contact for participants"),
        max_length=300,
        required=False,
        help_text=_("Shown on the event page: a phone or e-mail to ask about the event."),
    )
    submitter_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your name.")},
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We will write to you when the event is published, or explain why not."),
        error_messages={
            "required": _("Please enter your e-mail: we will send the moderator's answer there."),
            "invalid": _("Please check the e-mail address, for example ivanova@mail.ru."),
        },
    )
    submitter_phone = forms.CharField(
        label=_("Your phone"),
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}),
        help_text=_("For example: 8 (978) 123-45-67. Only the coordinators see it."),
        error_messages={"required": _("Please enter a phone number.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the centre uses my name, e-mail and phone to contact me about this event"),
        error_messages={"required": _("Without your consent we cannot accept the event.")},
    )

    error_css_class = "has-error"
    required_css_class = "is-required"

    def __init__(self, *args: Any, now: dt.datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.now = now

    def clean_submitter_phone(self) -> str:
        return phone_or_error(self.cleaned_data["submitter_phone"])

    def clean_submitter_email(self) -> str:
        return self.cleaned_data["submitter_email"].strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.clean_period(cleaned)
        starts_at = cleaned.get("starts_at")
        if starts_at is not None and cleaned.get("ends_at", starts_at) < (self.now or timezone.now()):
            self.add_error("date", _("The event has already taken place: please check the date."))
        name = " ".join(cleaned.get("organiser_name", "").split())
        if cleaned.get("organiser") is None and not name and "organiser" not in self.errors:
            self.add_error(
                "organiser_name", _("Please choose your organisation from the list or write its name.")
            )
        return cleaned


class ReasonForm(forms.Form):
    """A reason a coordinator gives for rejecting or cancelling."""

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={"required": _("Please give the reason.")},
    )


class PostponeForm(WhenMixin, forms.Form):
    date = LocalDateField(label=_("New date"), error_messages={"required": _("Please enter the new date.")})
    start_time = LocalTimeField(label=_("Start time"), required=False)
    end_time = LocalTimeField(label=_("End time"), required=False)
    end_date = LocalDateField(label=_("Last day"), required=False)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        error_messages={"required": _("Please give the reason for the postponement.")},
    )
    contract_change = forms.ModelChoiceField(
        label=_("Contract change agreement"),
        queryset=ContractChange.objects.none(),
        required=False,
        help_text=_("If the date was moved by an agreement to the project's contract."),
    )
    basis = forms.CharField(
        label=_("Basis"),
        max_length=500,
        required=False,
        help_text=_(
            "For example: the Governor's decree of 12.10.2021 No. 78-УГ, agreement No. 2 of 01.11.2021."
        ),
    )

    def __init__(
        self, *args: Any, project_id: int | None = None, now: dt.datetime | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.now = now
        field = self.fields["contract_change"]
        if project_id is None:
            del self.fields["contract_change"]
        else:
            field.queryset = ContractChange.objects.filter(project_id=project_id)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.clean_period(cleaned)
        ends_at = cleaned.get("ends_at")
        if ends_at is not None and ends_at < (self.now or timezone.now()):
            self.add_error("date", _("The new date has already passed: please check it."))
        return cleaned


def validation_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]
