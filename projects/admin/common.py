"""Helpers every admin module of the app shares: CSV export and the guard on volunteers' personal data."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

VOLUNTEER_VIEW_PERMISSION = "volunteers.view_volunteer"


def csv_response(name: str, header: Sequence[object], rows: Iterable[Sequence[object]]) -> HttpResponse:
    """Build a CSV download Excel opens correctly: UTF-8 with a BOM, «;» as the separator, Russian formats."""
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(title) for title in header])
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return response


def csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        # A decimal comma: Russian Excel reads «1250000,50» as a number, «1250000.50» as text.
        return f"{value:.2f}".replace(".", ",")
    return str(value)


class VolunteerDataMixin:
    """Show records that name volunteers only to people who may see the volunteer registry.

    The council secretaries may view the projects app, but never volunteers' personal data.
    """

    def has_view_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_add_permission(request, *args)

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_delete_permission(
            request, obj
        )

    def has_module_permission(self, request: HttpRequest) -> bool:
        if not request.user.has_perm(VOLUNTEER_VIEW_PERMISSION):
            return False
        return super().has_module_permission(request)  # type: ignore[misc]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False
