"""Filters of the resolutions archive: a year and words of the text, kept in the query string."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from council.models import Resolution
from council.selectors import normalise_search, resolution_years


class ResolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Words from the text"))
    # A choice among the archive's years: a typed 99999 or -5 is refused by the form (with a message)
    # instead of reaching the database's date functions, which fail on years outside 1..9999.
    year = django_filters.TypedChoiceFilter(
        field_name="adopted_on",
        lookup_expr="year",
        label=_("Year"),
        coerce=int,
        error_messages={"invalid_choice": _("There is no such year in the archive; all years are shown.")},
    )

    class Meta:
        model = Resolution
        fields: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in resolution_years()]

    def search(self, queryset: QuerySet[Resolution], name: str, value: str) -> QuerySet[Resolution]:
        # Every word must occur somewhere in the resolution, in any case and with е for ё.
        for word in normalise_search(value).split()[:10]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset
