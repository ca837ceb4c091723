"""The calendar's filters, shared by the pages and the feeds; the filter state lives in the query string.

The parameter names `audience`, `organizer`, `category`, `date_from`, `date_to` and `q` are a public
contract: schools subscribe to feed addresses built from them.
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from events.models import Audience, Category, Event, normalise_text
from events.times import EARLIEST_YEAR, LATEST_YEAR, day_bounds
from projects.models import Organisation

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "ДД.ММ.ГГГГ", "maxlength": 10})
DATE_ERROR = _("Please write the date as day, month and year, for example 09.05.2027.")


class CalendarDateField(forms.DateField):
    """A date typed the Russian way, within the years the calendar can hold."""

    default_error_messages = {
        "invalid": DATE_ERROR,
        "out_of_range": _("Please check the year: the calendar holds events from %(first)s to %(last)s."),
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"first": EARLIEST_YEAR, "last": LATEST_YEAR},
            )


class CalendarDateFilter(django_filters.DateFilter):
    field_class = CalendarDateField


def organisers_with_events() -> QuerySet[Organisation]:
    """Organisations that organise or co-organise something on the public calendar."""
    public = Event.objects.public()
    co_organised = Event.co_organisers.through.objects.filter(event__in=public).values("organisation_id")
    return Organisation.objects.filter(
        Q(pk__in=public.values("organiser_id")) | Q(pk__in=co_organised)
    ).order_by("short_name")


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name, place or organiser"),
        method="filter_q",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("For example: Малахов курган")}),
    )
    audience = django_filters.ModelChoiceFilter(
        label=_("For whom"),
        queryset=Audience.objects.all(),
        to_field_name="slug",
        method="filter_audience",
        empty_label=_("Any audience"),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        field_name="category",
        empty_label=_("Any category"),
    )
    organizer = django_filters.ModelChoiceFilter(
        label=_("Organiser"),
        queryset=organisers_with_events(),
        method="filter_organizer",
        empty_label=_("Any organiser"),
    )
    date_from = CalendarDateFilter(label=_("From"), method="filter_date_from", widget=DATE_WIDGET)
    date_to = CalendarDateFilter(label=_("To"), method="filter_date_to", widget=DATE_WIDGET)
    patriotic = django_filters.BooleanFilter(
        label=_("Patriotic events only"),
        method="filter_patriotic",
        # value="1" so a ticked box sends patriotic=1, which the boolean field reads as True.
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )

    class Meta:
        model = Event
        fields = ("q", "audience", "category", "organizer", "date_from", "date_to", "patriotic")

    def filter_q(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        # search_text is lower-cased with «ё» as «е»: Cyrillic matches in any case, on SQLite too.
        for word in normalise_text(value).split()[:8]:
            queryset = queryset.filter(
                Q(search_text__contains=word) | Q(organiser__short_name__icontains=word)
            )
        return queryset

    def filter_audience(self, queryset: QuerySet[Event], name: str, value: Audience) -> QuerySet[Event]:
        # An event «for everyone» is also for schoolchildren, veterans and the rest.
        wanted = Q(audiences=value) | Q(audiences__is_everyone=True)
        matching = Event.objects.filter(wanted).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_organizer(self, queryset: QuerySet[Event], name: str, value: Organisation) -> QuerySet[Event]:
        co_organised = Event.co_organisers.through.objects.filter(organisation=value).values("event_id")
        return queryset.filter(Q(organiser=value) | Q(pk__in=co_organised))

    def filter_date_from(self, queryset: QuerySet[Event], name: str, value: dt.date) -> QuerySet[Event]:
        start, _end = day_bounds(value)
        return queryset.filter(Q(ends_at__gt=start) | Q(starts_at__gte=start))

    def filter_date_to(self, queryset: QuerySet[Event], name: str, value: dt.date) -> QuerySet[Event]:
        _start, end = day_bounds(value)
        return queryset.filter(starts_at__lt=end)

    def filter_patriotic(self, queryset: QuerySet[Event], name: str, value: bool | None) -> QuerySet[Event]:
        # An unticked box means «show all», never «only events that are not patriotic».
        return queryset.filter(category__is_patriotic=True) if value else queryset

    def value(self, name: str) -> object:
        """The cleaned value of a filter, or None when it is absent or invalid."""
        if not self.is_bound:
            return None
        self.errors  # noqa: B018 - runs the validation that fills cleaned_data
        return self.form.cleaned_data.get(name)
