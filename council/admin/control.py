"""Execution control: every tracked decision of the resolutions in force, overdue first, with dated reports.

The changelist is the secretaries' working list; a decision's page shows its reports and takes a new one.
The decision's wording is never edited here: it belongs to the published text.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from council import services
from council.models import (
    OPEN_STATUSES,
    DecisionItem,
    DigestDelivery,
    ExecutionReport,
    ExecutionState,
)
from council.selectors import decisions_under_control, local_today

OPEN = "open"
ALL = "all"


class ExecutionStateFilter(admin.SimpleListFilter):
    """Filter by the derived state; with no choice made, show what still needs doing."""

    title = _("execution")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(OPEN, _("Open (not done)")), *ExecutionState.choices, (ALL, _("All"))]

    def choices(self, changelist: Any) -> Any:
        # The default is "open", so the list opens on the work to do rather than on everything.
        current = self.value() or OPEN
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[DecisionItem]) -> QuerySet[DecisionItem]:
        value = self.value() or OPEN
        if value == ALL:
            return queryset
        if value == OPEN:
            return queryset.filter(current_state__in=[ExecutionState.OVERDUE, *OPEN_STATUSES])
        return queryset.filter(current_state=value)


class ReportForm(forms.ModelForm):
    class Meta:
        model = ExecutionReport
        fields = ("reported_on", "text", "status")
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 70})}

    def clean_reported_on(self) -> Any:
        value = self.cleaned_data["reported_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("A report cannot be dated in the future."))
        # The inline formset sets the decision on new forms; a typo like 01.01.0001 gets a message here
        # instead of the service's refusal surfacing as a server error after the form was accepted.
        item = getattr(self.instance, "item", None)
        if value and item is not None and value < item.resolution.adopted_on:
            raise forms.ValidationError(services.report_before_adoption_message(item.resolution))
        return value


class ExecutionReportInline(admin.TabularInline):
    model = ExecutionReport
    form = ReportForm
    extra = 1
    fields = ("reported_on", "text", "status", "author")
    readonly_fields = ("author",)
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj: DecisionItem | None = None) -> bool:
        # Reports are a record: past ones are shown, new ones added.
        return False

    def has_add_permission(self, request: HttpRequest, obj: DecisionItem | None = None) -> bool:
        return request.user.has_perm("council.add_executionreport")


@admin.register(DecisionItem)
class DecisionControlAdmin(admin.ModelAdmin):
    list_display = ("number", "short_text", "responsible", "due_date", "state_badge", "resolution")
    list_display_links = ("number", "short_text")
    list_filter = (
        ExecutionStateFilter,
        ("responsible_organisations", admin.RelatedOnlyFieldListFilter),
        ("responsible_members", admin.RelatedOnlyFieldListFilter),
        "resolution__council",
    )
    search_fields = ("text", "responsible_note", "responsible_organisations__short_name")
    list_per_page = 50
    fields = (
        "resolution",
        "number",
        "text",
        "responsible",
        "due_date",
        "state_badge",
        "done_on",
    )
    readonly_fields = fields
    inlines = (ExecutionReportInline,)

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        context = {
            "title": _("Execution control: decisions of the resolutions in force"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context=context)

    def get_queryset(self, request: HttpRequest) -> QuerySet[DecisionItem]:
        return decisions_under_control(today=local_today()).prefetch_related(
            "responsible_organisations", "responsible_members"
        )

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        # Overdue first, then by due date (no date last): the order the secretary works in.
        return [
            F("overdue_first").asc(),
            F("due_date").asc(nulls_last=True),
            "resolution__adopted_on",
            "position",
        ]

    @admin.display(description=_("No."))
    def number(self, obj: DecisionItem) -> str:
        # Decimal numbers even where the document uses dashes: «–» alone would not say which item.
        return obj.decimal_number

    @admin.display(description=_("decision"))
    def short_text(self, obj: DecisionItem) -> str:
        return Truncator(obj.text).chars(100)

    @admin.display(description=_("Responsible"))
    def responsible(self, obj: DecisionItem) -> str:
        names = [org.short_name for org in obj.responsible_organisations.all()]
        names += [person.short_name for person in obj.responsible_members.all()]
        if obj.responsible_note:
            names.append(obj.responsible_note)
        return "; ".join(names) or "—"

    @admin.display(description=_("execution"), ordering="current_state")
    def state_badge(self, obj: DecisionItem) -> str:
        state = getattr(obj, "current_state", None) or obj.state(local_today())
        if not state:
            return "—"
        label = ExecutionState(state).label
        if state == ExecutionState.OVERDUE:
            return format_html('<strong style="color:#a4161a">⚠ {}</strong>', label)
        return str(label)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # decisions are written in their resolution

    def has_delete_permission(self, request: HttpRequest, obj: DecisionItem | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: DecisionItem, form: Any, change: bool) -> None:
        pass  # nothing of the decision itself is edited here; reports go through save_formset

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        created = []
        for report_form in formset.forms:
            if not report_form.has_changed() or report_form.instance.pk:
                continue
            data = report_form.cleaned_data
            created.append(
                services.decision_report_add(
                    item=form.instance,
                    reported_on=data["reported_on"],
                    text=data["text"],
                    status=data.get("status") or "",
                    by=request.user,
                )
            )
        # The admin's history message reads these, as if the formset had saved them itself.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = created, [], []


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ("week", "email", "items", "sent_at")
    list_filter = ("week",)
    search_fields = ("email",)
    readonly_fields = ("week", "email", "items", "sent_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: DigestDelivery | None = None) -> bool:
        return False
