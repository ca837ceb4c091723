"""The public showcase's filters; the filter state lives in the query string."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from projects.models import ActivityArea, Organisation, Project
from projects.selectors import project_years_range


class ProjectFilter(django_filters.FilterSet):
    """Filter public projects by area, organisation (lead or partner), status, year and best practice."""

    area = django_filters.ModelChoiceFilter(
        label=_("Activity area"),
        field_name="activity_areas",
        to_field_name="slug",
        queryset=ActivityArea.objects.filter(projects__is_public=True).distinct(),
        empty_label=_("All areas"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(
            Q(led_projects__is_public=True) | Q(partner_projects__is_public=True)
        ).distinct(),
        method="filter_organisation",
        empty_label=_("All organisations"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("Any status")
    )
    year = django_filters.ChoiceFilter(label=_("Year"), method="filter_year", empty_label=_("Any year"))
    best_practice = django_filters.BooleanFilter(
        label=_("Only best practices"),
        method="filter_best_practice",
        # value="1" so a ticked box sends best_practice=1, which the boolean field reads as True.
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )

    class Meta:
        model = Project
        fields = ("area", "organisation", "status", "year", "best_practice")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in project_years_range()]

    def filter_organisation(
        self, queryset: QuerySet[Project], name: str, value: Organisation
    ) -> QuerySet[Project]:
        # A partner's page of projects matters as much as a lead's; distinct() because of the M2M join.
        return queryset.filter(Q(lead_organisation=value) | Q(partners=value)).distinct()

    def filter_year(self, queryset: QuerySet[Project], name: str, value: str) -> QuerySet[Project]:
        # The value is one of the offered choices (validated), so it is a year in digits.
        return queryset.active_in_year(int(value))

    def filter_best_practice(
        self, queryset: QuerySet[Project], name: str, value: bool | None
    ) -> QuerySet[Project]:
        # An unticked box means «show all», never «only projects that are not best practices».
        return queryset.filter(is_best_practice=True) if value else queryset
