"""Report requests in the admin: a read-only log for coordinators; ordering happens on /reports/."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reports.kinds import viewable_kinds
from reports.models import ReportRequest
from reports.services import report_request_delete


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = (
        "pk",
        "kind",
        "format",
        "status",
        "progress",
        "ordered_by",
        "created_at",
        "size",
        "download",
    )
    list_filter = ("kind", "status", "format")
    list_select_related = ("ordered_by",)
    search_fields = ("=pk", "ordered_by__username", "ordered_by__last_name", "error")
    date_hierarchy = "created_at"
    readonly_fields = (
        "kind",
        "format",
        "parameters",
        "status",
        "progress",
        "ordered_by",
        "schedule_key",
        "created_at",
        "queued_at",
        "started_at",
        "finished_at",
        "attempts",
        "size",
        "sha256",
        "error",
        "download",
    )
    exclude = ("file",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReportRequest]:
        # The same rule as the reports page: a secretary sees execution reports only.
        return super().get_queryset(request).filter(kind__in=viewable_kinds(request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ReportRequest | None = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: ReportRequest) -> None:
        report_request_delete(request=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ReportRequest]) -> None:
        for obj in queryset:
            report_request_delete(request=obj)

    @admin.display(description=_("file"))
    def download(self, obj: ReportRequest) -> str:
        if obj.status != ReportRequest.Status.READY:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("reports:download", args=[obj.pk]), obj.filename)
