"""The coordinators' registry: search, filters, status actions, CSV export, consent and history."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from volunteers import services
from volunteers.forms import VolunteerAdminForm
from volunteers.models import (
    ConsentRecord,
    ConsentText,
    ConsentWithdrawal,
    DeletionRecord,
    Skill,
    Volunteer,
)
from volunteers.phones import InvalidPhone, format_phone, normalize_phone
from volunteers.selectors import AGE_BANDS, age_band_of, volunteers_in_age_band


class AgeBandFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(key, key) for key, _youngest, _oldest in AGE_BANDS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> QuerySet[Volunteer]:
        if self.value():
            return volunteers_in_age_band(self.value(), queryset=queryset)
        return queryset


class ConsentRecordInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    fields = ("text_version", "text_sha256", "given_at", "channel", "ip_address", "user_agent")
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


CSV_COLUMNS = [
    ("pk", _("Registry No.")),
    ("last_name", _("Last name")),
    ("first_name", _("First name")),
    ("patronymic", _("Patronymic")),
    ("date_of_birth", _("Date of birth")),
    ("phone", _("Phone")),
    ("email", _("E-mail")),
    ("district", _("District")),
    ("skills", _("Skills")),
    ("affiliation", _("Organisation or group")),
    ("status", _("Status")),
    ("created_at", _("Created at")),
]


@admin.register(Volunteer)
class VolunteerAdmin(SimpleHistoryAdmin):
    form = VolunteerAdminForm
    list_display = ("full_name", "phone_display", "district", "age_band", "status", "source", "created_at")
    list_display_links = ("full_name",)
    list_filter = ("status", "district", AgeBandFilter, "skills", "source")
    list_select_related = ("status_changed_by",)
    search_fields = ("last_name", "first_name", "patronymic", "phone", "email")
    search_help_text = _("Search by name, phone (any way it is written) or e-mail.")
    list_per_page = 50
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    filter_horizontal = ("skills",)
    readonly_fields = (
        "status",
        "status_changed_at",
        "status_changed_by",
        "source",
        "anonymised_at",
        "confirmation_sent_at",
        "coordinators_notified_at",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("last_name", "first_name", "patronymic", "date_of_birth")}),
        (_("Contacts"), {"fields": ("phone", "email", "district")}),
        (_("What the volunteer brings"), {"fields": ("skills", "about", "affiliation")}),
        (
            _("Status"),
            {
                "fields": (
                    "status",
                    "status_changed_at",
                    "status_changed_by",
                    "source",
                    "confirmation_sent_at",
                    "coordinators_notified_at",
                    "anonymised_at",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )
    inlines = (ConsentRecordInline,)
    actions = ("verify", "activate", "deactivate", "export_csv")

    @admin.display(description=_("Full name"), ordering="last_name")
    def full_name(self, obj: Volunteer) -> str:
        return obj.full_name

    @admin.display(description=_("Phone"), ordering="phone")
    def phone_display(self, obj: Volunteer) -> str:
        return format_phone(obj.phone or "")

    @admin.display(description=_("Age"), ordering="-date_of_birth")
    def age_band(self, obj: Volunteer) -> str:
        age = obj.age()
        return f"{age} ({age_band_of(age)})" if age is not None else "—"

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Volunteer], search_term: str
    ) -> tuple[QuerySet[Volunteer], bool]:
        # A phone typed any way people write it finds the normalised number.
        try:
            phone = normalize_phone(search_term)
        except InvalidPhone:
            return super().get_search_results(request, queryset, search_term)
        return queryset.filter(phone=phone), False

    def save_model(self, request: HttpRequest, obj: Volunteer, form: object, change: bool) -> None:
        if not change:
            obj.source = Volunteer.Source.COORDINATOR
            obj.status_changed_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Volunteer], status: str) -> None:
        changed, skipped = services.volunteers_set_status(volunteers=queryset, status=status, by=request.user)
        label = Volunteer.Status(status).label
        self.message_user(
            request,
            ngettext(
                "%(count)d volunteer moved to «%(status)s».",
                "%(count)d volunteers moved to «%(status)s».",
                changed,
            )
            % {"count": changed, "status": label},
            messages.SUCCESS if changed else messages.WARNING,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d volunteer skipped: their status cannot move to «%(status)s».",
                    "%(count)d volunteers skipped: their status cannot move to «%(status)s».",
                    skipped,
                )
                % {"count": skipped, "status": label},
                messages.WARNING,
            )

    @admin.action(description=_("Mark as verified"), permissions=["change"])
    def verify(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> None:
        self._set_status(request, queryset, Volunteer.Status.VERIFIED)

    @admin.action(description=_("Mark as active"), permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> None:
        self._set_status(request, queryset, Volunteer.Status.ACTIVE)

    @admin.action(description=_("Mark as inactive"), permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> None:
        self._set_status(request, queryset, Volunteer.Status.INACTIVE)

    @admin.action(description=_("Export selected to CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Volunteer]) -> HttpResponse:
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="volunteers-{stamp}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 with a BOM without mangling Cyrillic.
        writer = csv.writer(response, delimiter=";")
        writer.writerow([str(title) for _field, title in CSV_COLUMNS])
        for volunteer in queryset.prefetch_related("skills").order_by("last_name", "first_name", "pk"):
            writer.writerow(_csv_row(volunteer))
        return response


def _csv_row(volunteer: Volunteer) -> list[str]:
    row: list[str] = []
    for field, _title in CSV_COLUMNS:
        if field == "skills":
            row.append(", ".join(skill.name for skill in volunteer.skills.all()))
        elif field == "district":
            row.append(volunteer.get_district_display())
        elif field == "status":
            row.append(volunteer.get_status_display())
        elif field == "created_at":
            row.append(timezone.localtime(volunteer.created_at).strftime("%d.%m.%Y %H:%M"))
        else:
            value = getattr(volunteer, field)
            row.append(value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else str(value or ""))
    return row


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "description")
    search_fields = ("name",)


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    list_display = ("version", "title", "effective_from", "sha256")
    readonly_fields = ("sha256", "created_at")

    def has_change_permission(self, request: HttpRequest, obj: ConsentText | None = None) -> bool:
        # A text people have consented to is evidence: it is never edited, a new version is added.
        if obj is not None and obj.records.exists():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: ConsentText | None = None) -> bool:
        if obj is not None and obj.records.exists():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ("volunteer", "text_version", "given_at", "channel")
    list_filter = ("channel", "text_version")
    list_select_related = ("volunteer",)
    search_fields = ("volunteer__last_name", "volunteer__phone")
    readonly_fields = (
        "volunteer",
        "consent_text",
        "text_version",
        "text_sha256",
        "given_at",
        "channel",
        "ip_address",
        "user_agent",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


@admin.register(ConsentWithdrawal)
class ConsentWithdrawalAdmin(admin.ModelAdmin):
    list_display = ("volunteer", "received_on", "anonymise_due_at", "anonymised_at", "recorded_by")
    list_select_related = ("volunteer", "recorded_by")
    autocomplete_fields = ("volunteer",)
    fields = ("volunteer", "received_on", "channel", "anonymise_due_at", "anonymised_at", "recorded_by")

    def get_readonly_fields(
        self, request: HttpRequest, obj: ConsentWithdrawal | None = None
    ) -> tuple[str, ...]:
        if obj is None:
            return ("anonymise_due_at", "anonymised_at", "recorded_by")
        return self.fields

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ConsentWithdrawal, form: object, change: bool) -> None:
        if change:
            return
        withdrawal = services.consent_withdraw(
            volunteer=obj.volunteer, received_on=obj.received_on, channel=obj.channel, by=request.user
        )
        obj.pk = withdrawal.pk
        obj.anonymise_due_at = withdrawal.anonymise_due_at


@admin.register(DeletionRecord)
class DeletionRecordAdmin(admin.ModelAdmin):
    list_display = ("volunteer_ref", "erased_at", "history_rows_erased")
    readonly_fields = ("volunteer_ref", "withdrawal", "erased_fields", "history_rows_erased", "erased_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False
