"""The public projects showcase: a filterable list and a page per project; no volunteer's personal data."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic import ListView

from projects.filters import ProjectFilter
from projects.models import Project
from projects.selectors import (
    funding_totals_by_source,
    project_indicators,
    project_public_detail,
    project_volunteer_summary,
    projects_public,
)
from silvercentre.pagination import page_number


class ProjectListView(ListView):
    template_name = "projects/list.html"
    context_object_name = "projects"
    paginate_by = 10

    def get_queryset(self) -> QuerySet[Project]:
        self.filterset = ProjectFilter(
            self.request.GET or None, queryset=projects_public(), request=self.request
        )
        # An invalid value (a year nobody chose, an unknown area) is left out with a message next to it;
        # the valid ones still apply, so the list matches what the form shows as chosen.
        return self.filterset.qs

    def paginate_queryset(self, queryset: QuerySet[Project], page_size: int) -> tuple[object, ...]:
        # An old shared link to page 5, or a mistyped number, shows the nearest page rather than «not found».
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter"] = self.filterset
        context["query_without_page"] = query.urlencode()
        context["is_filtered"] = any(value for key, value in self.request.GET.items() if key != "page")
        return context


def _percent(actual: Decimal | None, planned: Decimal) -> int | None:
    """The share of the plan achieved, in whole per cent; None when there is no fact or no plan."""
    if actual is None or not planned:
        return None
    return int((actual * 100 / planned).to_integral_value(rounding=ROUND_HALF_UP))


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_public_detail(pk=pk)
    if project is None:
        raise Http404
    funding = funding_totals_by_source(project=project)
    indicators = list(project_indicators(project=project))
    for indicator in indicators:
        indicator.percent = _percent(indicator.actual, indicator.planned_value)
    context = {
        "project": project,
        "indicators": indicators,
        "funding": funding,
        "funding_total": sum((row.total for row in funding), start=Decimal("0")),
        "replications": project.replication_set.all(),
        "volunteers": project_volunteer_summary(project=project),
    }
    return render(request, "projects/detail.html", context)
