"""/reports/ for staff: order a report, watch its progress, download the file."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from reports.forms import ReportOrderForm
from reports.kinds import get_kind
from reports.models import ReportRequest
from reports.selectors import (
    report_request_for_download,
    report_requests_by_ids,
    report_requests_own,
    report_requests_recent,
)
from reports.services import report_request_create

# The progress endpoint answers for at most this many requests at once (the page shows 30).
MAX_PROGRESS_IDS = 50
# The largest primary key a request can have (a 64-bit integer, BigAutoField).
MAX_ID = 2**63 - 1


def period_of(request: ReportRequest) -> str:
    try:
        return get_kind(request.kind).period_label(request.parameters)
    except (KeyError, TypeError, ValueError):
        return ""


class ReportsView(PermissionRequiredMixin, TemplateView):
    template_name = "reports/list.html"
    permission_required = "reports.view_reportrequest"

    def get_form(self) -> ReportOrderForm:
        data = self.request.POST if self.request.method == "POST" else None
        return ReportOrderForm(data, user=self.request.user, today=timezone.localdate())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = kwargs.get("form") or self.get_form()
        own = report_requests_own(user=user)
        recent = report_requests_recent(user=user)
        for request in (*own, *recent):
            request.period = period_of(request)
        context.update(
            form=form,
            may_order=user.has_perm("reports.add_reportrequest") and bool(form.kinds),
            own=own,
            recent=recent,
            keep_days=settings.REPORTS_KEEP_DAYS,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("reports.add_reportrequest"):
            raise PermissionDenied
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=200)
        try:
            with transaction.atomic():
                report = report_request_create(
                    kind=form.cleaned_data["kind"],
                    format=form.cleaned_data["format"],
                    parameters=form.parameters,
                    ordered_by=request.user,
                )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form), status=200)
        messages.success(
            request,
            _("Report No. %(pk)s is ordered. It appears below and the page shows its progress.")
            % {"pk": report.pk},
        )
        return redirect(f"{reverse('reports:list')}#report-{report.pk}")


def progress_payload(report: ReportRequest) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": report.pk,
        "status": report.status,
        "status_label": report.get_status_display(),
        "progress": report.progress,
        "finished": report.is_finished,
    }
    if report.status == ReportRequest.Status.READY:
        payload["download_url"] = reverse("reports:download", args=[report.pk])
        payload["size_label"] = filesizeformat(report.size)
    if report.status == ReportRequest.Status.FAILED:
        payload["error"] = report.error
    return payload


@require_GET
@permission_required("reports.view_reportrequest", raise_exception=True)
def progress(request: HttpRequest) -> JsonResponse:
    """Status and progress of the requests `?id=1&id=2`, for the page's script to poll."""
    try:
        ids = [int(value) for value in request.GET.getlist("id")][:MAX_PROGRESS_IDS]
    except ValueError:
        return JsonResponse({"error": _("id must be a number")}, status=400)
    # Numbers past the database's integer would fail the query; no request has them, so they are dropped.
    ids = [pk for pk in ids if 0 < pk <= MAX_ID]
    reports = report_requests_by_ids(user=request.user, ids=ids)
    response = JsonResponse({"reports": [progress_payload(report) for report in reports]})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@permission_required("reports.view_reportrequest", raise_exception=True)
def download(request: HttpRequest, pk: int) -> FileResponse:
    report = report_request_for_download(user=request.user, pk=pk)
    if report is None:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = (
        "application/pdf"
        if report.format == "pdf"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return FileResponse(handle, as_attachment=True, filename=report.filename, content_type=content_type)
