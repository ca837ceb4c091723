"""Filters of the resolutions archive: a year and words of the text, kept in the query string."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from council.models import Resolution
from council.selectors import normalise_search


class ResolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Words from the text"))
    year = django_filters.NumberFilter(field_name="adopted_on", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Resolution
        fields: list[str] = []

    def search(self, queryset: QuerySet[Resolution], name: str, value: str) -> QuerySet[Resolution]:
        # Every word must occur somewhere in the resolution, in any case and with е for ё.
        for word in normalise_search(value).split()[:10]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset
