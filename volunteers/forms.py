"""The public signup form: large, forgiving about how people write dates and phones, strict about rules."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from silvercentre.honeypot import HoneypotMixin
from volunteers.models import District, Skill, Volunteer
from volunteers.validation import phone_or_error, validate_birth_date

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y", "%d %m %Y", "%Y-%m-%d"]


class BirthDateField(forms.DateField):
    """A date typed as ДД.ММ.ГГГГ: easier at 70 than a calendar that scrolls back decades."""

    widget = forms.TextInput(
        attrs={"inputmode": "numeric", "autocomplete": "bday", "placeholder": "ДД.ММ.ГГГГ", "maxlength": 10}
    )
    default_error_messages = {
        "invalid": _("Please write the date as day, month and year, for example 09.05.1955."),
    }

    def __init__(self, **kwargs: object) -> None:
        super().__init__(input_formats=DATE_INPUT_FORMATS, **kwargs)

    def to_python(self, value: object) -> dt.date | None:
        date = super().to_python(value)
        # "%d.%m.%y" reads 58 as 2058 by the POSIX rule; a two-digit birth year means the last century.
        two_digit_year = isinstance(value, str) and len(value.strip().rsplit(".", 1)[-1]) == 2
        if date is not None and two_digit_year and date.year > dt.date.today().year:
            date = date.replace(year=date.year - 100)
        return date


class VolunteerSignupForm(HoneypotMixin, forms.Form):
    last_name = forms.CharField(
        label=_("Last name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    first_name = forms.CharField(
        label=_("First name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    patronymic = forms.CharField(
        label=_("Patronymic"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "additional-name"}),
        help_text=_("If you have one."),
    )
    date_of_birth = BirthDateField(label=_("Date of birth"), help_text=_("For example: 09.05.1955"))
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}),
        help_text=_("For example: 8 (978) 123-45-67. A coordinator will call you."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Optional. We will send a confirmation if you give it."),
        error_messages={"invalid": _("Please check the e-mail address, for example ivanova@mail.ru.")},
    )
    district = forms.ChoiceField(
        label=_("District of Sevastopol"), choices=District.choices, widget=forms.RadioSelect
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("What can you help with?"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    about = forms.CharField(
        label=_("Experience and knowledge you would like to share"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your profession, hobbies, what you could teach others."),
    )
    consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data"),
        error_messages={"required": _("Without your consent we cannot accept the application.")},
    )

    error_css_class = "has-error"
    required_css_class = "is-required"

    def __init__(self, *args: object, today: dt.date | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["last_name"].error_messages["required"] = _("Please enter your last name.")
        self.fields["first_name"].error_messages["required"] = _("Please enter your first name.")
        self.fields["date_of_birth"].error_messages["required"] = _("Please enter your date of birth.")
        self.fields["phone"].error_messages["required"] = _("Please enter a phone number.")
        self.fields["district"].error_messages["required"] = _("Please choose your district.")

    def clean_date_of_birth(self) -> dt.date:
        date = self.cleaned_data["date_of_birth"]
        validate_birth_date(date, today=self.today)
        return date

    def clean_phone(self) -> str:
        return phone_or_error(self.cleaned_data["phone"])

    def clean_email(self) -> str | None:
        return (self.cleaned_data.get("email") or "").strip().lower() or None

    def clean_last_name(self) -> str:
        return _clean_name(self.cleaned_data["last_name"])

    def clean_first_name(self) -> str:
        return _clean_name(self.cleaned_data["first_name"])

    def clean_patronymic(self) -> str:
        return _clean_name(self.cleaned_data.get("patronymic", ""), required=False)


def _clean_name(value: str, *, required: bool = True) -> str:
    value = " ".join(value.split())
    if value and not any(ch.isalpha() for ch in value):
        raise ValidationError(_("Please write the name in letters."), code="invalid_name")
    if required and not value:
        raise ValidationError(_("This field is required."), code="required")
    return value


class VolunteerAdminForm(forms.ModelForm):
    """The coordinators' form: takes the phone as people write it; the model stores it normalised."""

    phone = forms.CharField(
        label=_("Phone"), max_length=32, required=False, help_text=_("For example: 8 (978) 123-45-67")
    )

    def clean_phone(self) -> str | None:
        raw = self.cleaned_data.get("phone", "")
        return phone_or_error(raw) if raw.strip() else None

    class Meta:
        model = Volunteer
        fields = (
            "last_name",
            "first_name",
            "patronymic",
            "date_of_birth",
            "phone",
            "email",
            "district",
            "skills",
            "about",
            "affiliation",
        )
