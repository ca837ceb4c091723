"""Admin of the volunteer book: participation, hours and their approval, statements, the volunteer's page."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from projects import selectors, services
from projects.admin.common import VolunteerDataMixin, csv_response
from projects.models import Participation, VolunteerAffiliation, VolunteerHours, VolunteerStatement
from projects.templatetags.projects_format import amount
from volunteers.admin import VolunteerAdmin as RegistryVolunteerAdmin
from volunteers.models import Volunteer

STATEMENT_ADD_PERMISSION = "projects.add_volunteerstatement"


class HoursForm(forms.ModelForm):
    """Hours with the service's rules, so a coordinator sees the same message a volunteer would."""

    class Meta:
        model = VolunteerHours
        fields = ("participation", "date", "hours", "description")
        # Russian keyboards type «1,5»: accept the decimal comma.
        localized_fields = ("hours",)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.status == VolunteerHours.Status.APPROVED:
            # Approved hours are evidence; withdraw the approval first to correct them.
            for field in self.fields.values():
                field.disabled = True

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if self.instance.pk and self.instance.status == VolunteerHours.Status.APPROVED:
            return data
        participation = data.get("participation") or getattr(self.instance, "participation", None)
        if participation is None or self.errors:
            return data
        try:
            data["hours"], data["description"] = services.hours_validate(
                participation=participation,
                date=data["date"],
                hours=data["hours"],
                description=data.get("description", ""),
            )
        except ValidationError as exc:
            self._update_errors(exc)
        return data


class HoursInlineFormSet(BaseInlineFormSet):
    def save_new(self, form: forms.ModelForm, commit: bool = True) -> VolunteerHours:
        # New hours go through the service like hours reported anywhere else.
        return services.hours_report(
            participation=self.instance,
            date=form.cleaned_data["date"],
            hours=form.cleaned_data["hours"],
            description=form.cleaned_data["description"],
            reported_by=getattr(self, "request_user", None),
        )


class HoursInline(VolunteerDataMixin, admin.TabularInline):
    model = VolunteerHours
    form = HoursForm
    formset = HoursInlineFormSet
    extra = 1
    fields = ("date", "hours", "description", "status", "approved_by")
    readonly_fields = ("status", "approved_by")

    def get_formset(self, request: HttpRequest, obj: object | None = None, **kwargs: object) -> type:
        formset = super().get_formset(request, obj, **kwargs)
        formset.request_user = request.user
        return formset


@admin.register(Participation)
class ParticipationAdmin(VolunteerDataMixin, SimpleHistoryAdmin):
    list_display = ("volunteer", "project", "role", "started_on", "ended_on")
    list_select_related = ("volunteer", "project")
    list_filter = ("project__status", "project")
    search_fields = ("volunteer__last_name", "volunteer__first_name", "project__title", "role")
    autocomplete_fields = ("volunteer", "project")
    date_hierarchy = "started_on"
    inlines = (HoursInline,)

    def save_model(
        self, request: HttpRequest, obj: Participation, form: forms.ModelForm, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = services.participation_start(
            volunteer=obj.volunteer,
            project=obj.project,
            started_on=obj.started_on,
            role=obj.role,
            ended_on=obj.ended_on,
        )
        obj.pk = created.pk
        obj._state.adding = False


class HoursAdminForm(HoursForm):
    pass


@admin.register(VolunteerHours)
class VolunteerHoursAdmin(VolunteerDataMixin, SimpleHistoryAdmin):
    form = HoursAdminForm
    list_display = ("volunteer", "project", "date", "hours", "status", "approved_by", "description")
    list_select_related = ("participation__volunteer", "participation__project", "approved_by")
    list_filter = ("status", "participation__project")
    search_fields = (
        "participation__volunteer__last_name",
        "participation__volunteer__first_name",
        "participation__project__title",
        "description",
    )
    search_help_text = _("Search by the volunteer's name, the project or what was done.")
    autocomplete_fields = ("participation",)
    date_hierarchy = "date"
    readonly_fields = ("status", "reported_by", "reported_at", "approved_by", "approved_at")
    actions = ("approve", "return_to_pending", "export_csv")
    list_per_page = 100

    @admin.display(description=_("volunteer"), ordering="participation__volunteer__last_name")
    def volunteer(self, obj: VolunteerHours) -> Volunteer:
        return obj.participation.volunteer

    @admin.display(description=_("project"), ordering="participation__project__title")
    def project(self, obj: VolunteerHours) -> str:
        return obj.participation.project.title

    def save_model(
        self, request: HttpRequest, obj: VolunteerHours, form: forms.ModelForm, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = services.hours_report(
            participation=obj.participation,
            date=obj.date,
            hours=obj.hours,
            description=obj.description,
            reported_by=request.user,
        )
        obj.pk = created.pk
        obj._state.adding = False

    @admin.action(description=_("Approve selected hours"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[VolunteerHours]) -> None:
        approved = services.hours_approve(hours=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d record approved.", "%(count)d records approved.", approved)
            % {"count": approved},
            messages.SUCCESS if approved else messages.WARNING,
        )

    @admin.action(description=_("Withdraw the approval"), permissions=["change"])
    def return_to_pending(self, request: HttpRequest, queryset: QuerySet[VolunteerHours]) -> None:
        returned = services.hours_return_to_pending(hours=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d record is waiting for approval again.",
                "%(count)d records are waiting for approval again.",
                returned,
            )
            % {"count": returned},
            messages.SUCCESS if returned else messages.WARNING,
        )

    @admin.action(description=_("Export selected to CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[VolunteerHours]) -> HttpResponse:
        header = (_("Volunteer"), _("Project"), _("Date"), _("Hours"), _("What was done"), _("Status"))
        rows = (
            (
                h.participation.volunteer.full_name,
                h.participation.project.title,
                h.date,
                h.hours,
                h.description,
                h.get_status_display(),
            )
            for h in queryset.select_related("participation__volunteer", "participation__project").order_by(
                "date", "pk"
            )
        )
        return csv_response("volunteer-hours", header, rows)


def statement_download_link(statement: VolunteerStatement) -> str | SafeString:
    if statement.status != VolunteerStatement.Status.READY or not statement.pk:
        return "—"
    url = reverse("admin:projects_volunteerstatement_download", args=[statement.pk])
    return format_html('<a href="{}">{}</a>', url, _("Download PDF"))


@admin.register(VolunteerStatement)
class VolunteerStatementAdmin(VolunteerDataMixin, admin.ModelAdmin):
    list_display = ("__str__", "volunteer", "year", "status", "total_hours", "created_at", "download")
    list_select_related = ("volunteer",)
    list_filter = ("status", "year")
    search_fields = ("volunteer__last_name", "volunteer__first_name")
    readonly_fields = (
        "volunteer",
        "year",
        "status",
        "requested_by",
        "created_at",
        "generated_at",
        "total_hours",
        "sha256",
        "download",
    )
    fields = readonly_fields
    actions = ("make_again",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Statements are ordered from the volunteer's page, where the book is in view.
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, obj: VolunteerStatement) -> str | SafeString:
        return statement_download_link(obj)

    def get_urls(self) -> list[URLPattern]:
        custom = [
            path(
                "<int:pk>/download/",
                self.admin_site.admin_view(self.download_view),
                name="projects_volunteerstatement_download",
            )
        ]
        return custom + super().get_urls()

    def download_view(self, request: HttpRequest, pk: int) -> FileResponse:
        statement = get_object_or_404(VolunteerStatement, pk=pk)
        if not self.has_view_permission(request, statement):
            raise PermissionDenied
        if statement.status != VolunteerStatement.Status.READY:
            raise Http404
        return FileResponse(
            statement.file.open("rb"),
            as_attachment=True,
            filename=f"spravka-{statement.pk}.pdf",
            content_type="application/pdf",
        )

    @admin.action(description=_("Make the statement again"), permissions=["view"])
    def make_again(self, request: HttpRequest, queryset: QuerySet[VolunteerStatement]) -> None:
        count = 0
        with transaction.atomic():
            for statement in queryset.select_related("volunteer"):
                services.statement_request(
                    volunteer=statement.volunteer, by=request.user, year=statement.year
                )
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d statement ordered.", "%(count)d statements ordered.", count)
            % {"count": count},
        )


# --- the volunteer's page in the registry, extended from this side of the layering ---------------------


class AffiliationInline(admin.StackedInline):
    model = VolunteerAffiliation
    extra = 0
    max_num = 1
    fields = ("organisation", "position", "since")
    autocomplete_fields = ("organisation",)
    verbose_name = _("organisation the volunteer comes from")
    verbose_name_plural = _("organisation the volunteer comes from")


class VolunteerParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ("project", "role", "started_on", "ended_on")
    autocomplete_fields = ("project",)
    show_change_link = True
    verbose_name_plural = _("projects")


class StatementInline(admin.TabularInline):
    model = VolunteerStatement
    extra = 0
    fields = ("year", "status", "total_hours", "created_at", "download")
    readonly_fields = fields
    verbose_name = _("statement of hours (PDF)")
    verbose_name_plural = _("statements of hours (PDF)")

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, obj: VolunteerStatement) -> str | SafeString:
        return statement_download_link(obj)


if admin.site.is_registered(Volunteer):
    admin.site.unregister(Volunteer)


@admin.register(Volunteer)
class VolunteerAdmin(RegistryVolunteerAdmin):
    """The registry's volunteer page plus the organisation link, projects and the volunteer book."""

    actions = (*RegistryVolunteerAdmin.actions, "order_statement")

    def get_inlines(self, request: HttpRequest, obj: Volunteer | None) -> list[type]:
        inlines = list(super().get_inlines(request, obj))
        # A new entry in the registry is just the person; projects and the book come once it exists.
        if obj is None or obj.pk is None:
            return inlines
        return [*inlines, AffiliationInline, VolunteerParticipationInline, StatementInline]

    def get_list_display(self, request: HttpRequest) -> tuple[str, ...]:
        display = tuple(super().get_list_display(request))
        return (*display[:2], "organisation", *display[2:])

    def get_queryset(self, request: HttpRequest) -> QuerySet[Volunteer]:
        return super().get_queryset(request).select_related("affiliation_link__organisation")

    def get_list_filter(self, request: HttpRequest) -> tuple[object, ...]:
        return (
            *super().get_list_filter(request),
            ("affiliation_link__organisation", admin.RelatedOnlyFieldListFilter),
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Volunteer | None = None) -> tuple[str, ...]:
        return (*super().get_readonly_fields(request, obj), "volunteer_book")

    def get_fieldsets(self, request: HttpRequest, obj: Volunteer | None = None) -> list[tuple[object, dict]]:
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append((_("Volunteer book: approved hours"), {"fields": ("volunteer_book",)}))
        return fieldsets

    @admin.display(description=_("Organisation"))
    def organisation(self, obj: Volunteer) -> str:
        link = getattr(obj, "affiliation_link", None)
        if link is not None:
            return link.organisation.short_name
        return obj.affiliation or "—"

    @admin.display(description=_("Hours by project and year"))
    def volunteer_book(self, obj: Volunteer) -> str | SafeString:
        rows = selectors.volunteer_book(volunteer=obj)
        if not rows:
            return _("No approved hours yet.")
        total = sum((row.hours for row in rows), start=rows[0].hours * 0)
        body = format_html_join(
            "",
            '<tr><td>{}</td><td><a href="{}">{}</a></td><td>{}</td><td style="text-align:right">{}</td></tr>',
            (
                (
                    row.year,
                    reverse("admin:projects_project_change", args=[row.project_id]),
                    row.project_title,
                    row.organisation,
                    amount(row.hours),
                )
                for row in rows
            ),
        )
        table = format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
            '<th style="text-align:right">{}</th></tr></thead><tbody>{}</tbody>'
            '<tfoot><tr><th colspan="3">{}</th><th style="text-align:right">{}</th></tr></tfoot></table>',
            _("Year"),
            _("Project"),
            _("Organisation"),
            _("Hours"),
            body,
            _("Total"),
            amount(total),
        )
        return table + self._statement_buttons(obj, sorted({row.year for row in rows}))

    def _statement_buttons(self, obj: Volunteer, years: list[int]) -> SafeString:
        # Buttons of the change form that post it to statement_view (formaction): no nested <form>.
        url = reverse("admin:volunteers_volunteer_statement", args=[obj.pk])
        buttons = [(url, "", _("Statement for all years (PDF)"))] + [
            (url, str(year), _("Statement for %(year)s (PDF)") % {"year": year}) for year in years
        ]
        return format_html(
            '<p style="margin-top:1em;display:flex;flex-wrap:wrap;gap:.5em">{}</p>',
            format_html_join(
                "",
                '<button type="submit" class="button" formaction="{}" formmethod="post" formnovalidate '
                'name="statement_year" value="{}">{}</button>',
                buttons,
            ),
        )

    def get_urls(self) -> list[URLPattern]:
        custom = [
            path(
                "<int:pk>/statement/",
                self.admin_site.admin_view(self.statement_view),
                name="volunteers_volunteer_statement",
            )
        ]
        return custom + super().get_urls()

    def statement_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Order a statement from the buttons under the book; they submit the page's form here."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm(STATEMENT_ADD_PERMISSION):
            raise PermissionDenied
        volunteer = get_object_or_404(Volunteer, pk=pk)
        year_text = request.POST.get("statement_year", "")
        year = int(year_text) if year_text.isdigit() else None
        try:
            services.statement_request(volunteer=volunteer, by=request.user, year=year)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("The statement is ordered; it will appear in the list below in a minute."),
                messages.SUCCESS,
            )
        return redirect(reverse("admin:volunteers_volunteer_change", args=[pk]))

    @admin.action(description=_("Order a statement of hours (PDF)"), permissions=["view"])
    def order_statement(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> None:
        if not request.user.has_perm(STATEMENT_ADD_PERMISSION):
            self.message_user(request, _("You may not order statements."), messages.ERROR)
            return
        ordered = 0
        for volunteer in queryset.filter(anonymised_at__isnull=True):
            services.statement_request(volunteer=volunteer, by=request.user)
            ordered += 1
        url = reverse("admin:projects_volunteerstatement_changelist")
        self.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext(
                    "%(count)d statement ordered; it will be ready in a minute.",
                    "%(count)d statements ordered; they will be ready in a minute.",
                    ordered,
                )
                % {"count": ordered},
                url,
                _("Open the statements"),
            ),
        )
