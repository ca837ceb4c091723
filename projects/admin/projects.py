"""Admin of projects and their money: inlines for funding, people, indicators, contract changes."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Max, Min, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from projects.admin.common import VolunteerDataMixin, csv_response
from projects.models import (
    BUDGET_SOURCES,
    ContractChange,
    ExpertConsultation,
    Funding,
    Indicator,
    IndicatorValue,
    Participation,
    Project,
    Replication,
)
from projects.selectors import funding_totals_by_project
from projects.templatetags.projects_format import roubles


class FundingForm(forms.ModelForm):
    class Meta:
        model = Funding
        fields = ("project", "source_type", "source_name", "amount", "received_on", "document", "note")
        # Amounts are typed the Russian way, «1250000,50»; the decimal comma must be accepted.
        localized_fields = ("amount",)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ("project", "position", "name", "unit", "planned_value")
        localized_fields = ("planned_value",)


class IndicatorValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ("indicator", "reported_on", "value", "note")
        localized_fields = ("value",)


class FundingInline(admin.TabularInline):
    model = Funding
    form = FundingForm
    extra = 0
    fields = ("source_type", "source_name", "amount", "received_on", "document")


class ParticipationInline(VolunteerDataMixin, admin.TabularInline):
    model = Participation
    extra = 0
    fields = ("volunteer", "role", "started_on", "ended_on")
    autocomplete_fields = ("volunteer",)
    show_change_link = True


class IndicatorInline(admin.TabularInline):
    model = Indicator
    form = IndicatorForm
    extra = 0
    fields = ("position", "name", "unit", "planned_value")
    # Actual values are entered on the indicator's own page, one row per reporting date.
    show_change_link = True


class ContractChangeInline(admin.TabularInline):
    model = ContractChange
    extra = 0
    fields = ("number", "date", "what_changed", "reason")


class ReplicationInline(admin.TabularInline):
    model = Replication
    extra = 0
    fields = ("region", "year", "note")
    autocomplete_fields = ("region",)


class ConsultationInline(admin.TabularInline):
    model = ExpertConsultation
    extra = 0
    fields = ("department", "request", "requested_on", "held_on", "outcome")
    autocomplete_fields = ("department",)


class FundingYearFilter(admin.SimpleListFilter):
    """Projects active in a year: the question coordinators ask when they prepare a report."""

    title = _("active in year")
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        bounds = Project.objects.order_by().aggregate(
            first=Min("start_date"), last_start=Max("start_date"), last_end=Max("end_date")
        )
        if bounds["first"] is None:
            return []
        last = max(day.year for day in (bounds["last_start"], bounds["last_end"]) if day)
        return [(str(year), str(year)) for year in range(last, bounds["first"].year - 1, -1)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Project]) -> QuerySet[Project]:
        if self.value() and self.value().isdigit():
            return queryset.active_in_year(int(self.value()))
        return queryset


PROJECT_CSV = (
    _("No."),
    _("Title"),
    _("Lead organisation"),
    _("Status"),
    _("Start date"),
    _("End date"),
    _("Grant competition or programme"),
    _("Won"),
    _("Contract No."),
    _("Best practice"),
    _("Funding, total"),
    _("Budget funding"),
    _("Non-budget funding"),
)


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "lead_organisation",
        "status",
        "start_date",
        "end_date",
        "is_best_practice",
        "is_public",
        "funding_total",
    )
    list_filter = (
        "status",
        FundingYearFilter,
        "is_best_practice",
        "is_public",
        "competition_won",
        "activity_areas",
    )
    list_select_related = ("lead_organisation",)
    search_fields = ("title", "lead_organisation__short_name", "contract_number", "competition")
    search_help_text = _("Search by title, organisation, contract number or competition.")
    autocomplete_fields = ("lead_organisation", "partners", "activity_areas", "predecessor")
    date_hierarchy = "start_date"
    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("title", "lead_organisation", "partners", "activity_areas", "status")}),
        (
            _("Period and contract"),
            {
                "fields": (
                    ("start_date", "end_date"),
                    ("competition", "competition_won"),
                    ("contract_number", "contract_date"),
                )
            },
        ),
        (_("For the site"), {"fields": ("summary", "goals", "description", "target_audience", "is_public")}),
        (_("Continuity and scale"), {"fields": ("predecessor", "is_best_practice")}),
        (_("Record"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )
    inlines = (
        FundingInline,
        IndicatorInline,
        ContractChangeInline,
        ParticipationInline,
        ReplicationInline,
        ConsultationInline,
    )
    actions = ("export_csv", "export_funding_csv")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Project]:
        return funding_totals_by_project(queryset=super().get_queryset(request))

    @admin.display(description=_("Funding, ₽"), ordering="total")
    def funding_total(self, obj: Project) -> str:
        return roubles(obj.total)

    @admin.action(description=_("Export selected to CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Project]) -> HttpResponse:
        rows = (
            (
                p.pk,
                p.title,
                p.lead_organisation.short_name,
                p.get_status_display(),
                p.start_date,
                p.end_date,
                p.competition,
                p.competition_won,
                p.contract_number,
                p.is_best_practice,
                p.total,
                p.budget,
                p.non_budget,
            )
            for p in queryset.order_by("start_date", "title")
        )
        return csv_response("projects", PROJECT_CSV, rows)

    @admin.action(description=_("Export the funding of selected projects to CSV"), permissions=["view"])
    def export_funding_csv(self, request: HttpRequest, queryset: QuerySet[Project]) -> HttpResponse:
        funding = Funding.objects.filter(project__in=queryset.values("pk"))
        return _funding_csv(funding)


FUNDING_CSV = (
    _("No."),
    _("Project"),
    _("Lead organisation"),
    _("Source type"),
    _("Budget"),
    _("Source"),
    _("Amount, ₽"),
    _("Date received"),
    _("Document"),
)


def _funding_csv(queryset: QuerySet[Funding]) -> HttpResponse:
    rows = (
        (
            f.pk,
            f.project.title,
            f.project.lead_organisation.short_name,
            f.get_source_type_display(),
            f.is_budget,
            f.source_name,
            f.amount,
            f.received_on,
            f.document,
        )
        for f in queryset.select_related("project__lead_organisation").order_by("received_on", "pk")
    )
    return csv_response("funding", FUNDING_CSV, rows)


class BudgetFilter(admin.SimpleListFilter):
    title = _("budget money")
    parameter_name = "budget"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", _("Budget")), ("no", _("Non-budget"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Funding]) -> QuerySet[Funding]:
        if self.value() == "yes":
            return queryset.budget()
        if self.value() == "no":
            return queryset.non_budget()
        return queryset


@admin.register(Funding)
class FundingAdmin(SimpleHistoryAdmin):
    form = FundingForm
    list_display = ("project", "source_type", "is_budget_display", "amount", "received_on", "document")
    list_filter = (BudgetFilter, "source_type", "project__lead_organisation__legal_form")
    list_select_related = ("project",)
    search_fields = ("project__title", "source_name", "document", "project__lead_organisation__short_name")
    autocomplete_fields = ("project",)
    date_hierarchy = "received_on"
    list_per_page = 100
    actions = ("export_csv",)

    @admin.display(description=_("budget"), boolean=True, ordering="source_type")
    def is_budget_display(self, obj: Funding) -> bool:
        return obj.source_type in BUDGET_SOURCES

    @admin.action(description=_("Export selected to CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Funding]) -> HttpResponse:
        return _funding_csv(queryset)


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    form = IndicatorValueForm
    extra = 1
    fields = ("reported_on", "value", "note")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    form = IndicatorForm
    list_display = ("name", "project", "unit", "planned_value")
    list_select_related = ("project",)
    search_fields = ("name", "project__title")
    autocomplete_fields = ("project",)
    inlines = (IndicatorValueInline,)


@admin.register(ContractChange)
class ContractChangeAdmin(SimpleHistoryAdmin):
    list_display = ("number", "date", "project", "reason")
    list_select_related = ("project",)
    list_filter = ("reason",)
    search_fields = ("number", "project__title", "what_changed")
    autocomplete_fields = ("project",)
    date_hierarchy = "date"


@admin.register(ExpertConsultation)
class ExpertConsultationAdmin(admin.ModelAdmin):
    list_display = ("project", "department", "requested_on", "held_on")
    list_select_related = ("project", "department")
    list_filter = ("department",)
    search_fields = ("project__title", "request", "outcome")
    autocomplete_fields = ("project", "department")
    date_hierarchy = "requested_on"
