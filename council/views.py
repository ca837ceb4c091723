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
    resolution_years,
    resolutions_public,
)


def council_index(request: HttpRequest) -> HttpResponse:
    return render(request, "council/council.html", {"councils": list(councils_public())})


class ResolutionListView(ListView):
    template_name = "council/resolution_list.html"
    context_object_name = "resolutions"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Resolution]:
        self.filterset = ResolutionFilter(self.request.GET or None, queryset=resolutions_public())
        # A mistyped year shows the whole archive rather than an error page.
        return self.filterset.qs if self.filterset.is_valid() else resolutions_public()

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter"] = self.filterset
        context["years"] = resolution_years()
        context["selected_year"] = (
            self.filterset.form.cleaned_data.get("year") if self.filterset.is_valid() else None
        )
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
