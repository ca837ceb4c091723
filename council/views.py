"""Public pages of the council: the council and its groups, the archive of resolutions, each resolution."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import ListView

from council.filters import ResolutionFilter
from council.models import Resolution
from council.selectors import (
    councils_public,
    execution_summary_of,
    resolution_decision_tree,
    resolution_findings,
    resolution_public_get,
    resolution_versions,
    resolutions_public,
)
from silvercentre.pagination import page_number


def council_index(request: HttpRequest) -> HttpResponse:
    return render(request, "council/council.html", {"councils": list(councils_public())})


class ResolutionListView(ListView):
    template_name = "council/resolution_list.html"
    context_object_name = "resolutions"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Resolution]:
        self.filterset = ResolutionFilter(self.request.GET or None, queryset=resolutions_public())
        # A mistyped year is left out with a message next to the years; the words typed still apply.
        return self.filterset.qs

    def paginate_queryset(self, queryset: QuerySet[Resolution], page_size: int) -> tuple[object, ...]:
        # An old shared link to page 5, or a mistyped number, shows the nearest page rather than «not found».
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter"] = self.filterset
        # The years the filter offers: read once, for the choices and for the links.
        context["years"] = [int(year) for year, _label in self.filterset.filters["year"].extra["choices"]]
        form = self.filterset.form
        context["selected_year"] = form.cleaned_data.get("year") if self.filterset.is_bound else None
        context["year_errors"] = form.errors.get("year", []) if self.filterset.is_bound else []
        context["search"] = self.request.GET.get("q", "").strip()
        context["query_without_page"] = query.urlencode()
        context["is_filtered"] = bool(context["search"] or context["selected_year"])
        for resolution in context["resolutions"]:
            resolution.summary = execution_summary_of(resolution)
        return context


def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = resolution_public_get(pk=pk)
    if resolution is None:
        raise Http404
    versions = list(resolution_versions(resolution))
    context = {
        "resolution": resolution,
        "findings": list(resolution_findings(resolution)),
        "decisions": resolution_decision_tree(resolution),
        "participants": list(resolution.meeting.organisations.all()),
        "summary": execution_summary_of(resolution),
        "versions": versions,
        "current": versions[0],
        "is_current": versions[0].pk == resolution.pk,
    }
    return render(request, "council/resolution_detail.html", context)


def resolution_pdf(request: HttpRequest, pk: int) -> FileResponse:
    resolution = Resolution.objects.published().select_related("council").filter(pk=pk).first()
    if resolution is None or not resolution.pdf:
        raise Http404
    filename = _("resolution-%(number)s-version-%(version)s.pdf") % {
        "number": resolution.number,
        "version": resolution.version,
    }
    response = FileResponse(resolution.pdf.open("rb"), content_type="application/pdf", filename=filename)
    # The file of a published version never changes, so browsers and proxies may keep it.
    response["Cache-Control"] = "public, max-age=86400, immutable"
    response["ETag"] = f'"{resolution.pdf_sha256}"'
    return response
