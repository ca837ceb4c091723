"""Admin of the organisation registry and of the activity-area vocabulary."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from projects.admin.common import csv_response
from projects.models import ActivityArea, Organisation, Region
from projects.validation import normalise_number


class RegistrationNumberField(forms.CharField):
    """A number typed with spaces or dashes, as people copy it from documents, read as bare digits."""

    def to_python(self, value: object) -> str | None:
        return normalise_number(super().to_python(value))


class OrganisationAdminForm(forms.ModelForm):
    # People paste «silver-sevastopol.ru» without a scheme; every site worth linking serves https.
    website = forms.URLField(
        label=capfirst(Organisation._meta.get_field("website").verbose_name),
        max_length=200,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organisation
        fields = (
            "short_name",
            "full_name",
            "legal_form",
            "inn",
            "ogrn",
            "activity_areas",
            "description",
            "head",
            "address",
            "phone",
            "email",
            "website",
            "is_flagship_resource_centre",
            "is_government_department",
        )
        field_classes = {"inn": RegistrationNumberField, "ogrn": RegistrationNumberField}


@admin.register(ActivityArea)
class ActivityAreaAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "description")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


ORGANISATION_CSV = (
    _("No."),
    _("Short name"),
    _("Full name"),
    _("Legal form"),
    _("ИНН"),
    _("ОГРН"),
    _("Activity areas"),
    _("Head"),
    _("Address"),
    _("Phone"),
    _("E-mail"),
    _("Website"),
    _("Government department"),
    _("Projects led"),
)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    form = OrganisationAdminForm
    list_display = (
        "short_name",
        "legal_form",
        "inn",
        "ogrn",
        "is_government_department",
        "is_flagship_resource_centre",
        "projects_led",
    )
    list_filter = ("legal_form", "is_government_department", "is_flagship_resource_centre", "activity_areas")
    search_fields = ("short_name", "full_name", "inn", "ogrn", "head")
    search_help_text = _("Search by name, ИНН, ОГРН or the head's name.")
    filter_horizontal = ("activity_areas",)
    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("short_name", "full_name", "legal_form", "inn", "ogrn", "activity_areas")}),
        (_("About"), {"fields": ("description", "head")}),
        (_("Contacts"), {"fields": ("address", "phone", "email", "website")}),
        (_("Role"), {"fields": ("is_flagship_resource_centre", "is_government_department")}),
        (_("Record"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )
    actions = ("export_csv",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        return super().get_queryset(request).annotate(projects_led_count=Count("led_projects", distinct=True))

    @admin.display(description=_("Projects led"), ordering="projects_led_count")
    def projects_led(self, obj: Organisation) -> int:
        return obj.projects_led_count

    @admin.action(description=_("Export selected to CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> HttpResponse:
        rows = (
            (
                org.pk,
                org.short_name,
                org.full_name,
                org.get_legal_form_display(),
                org.inn,
                org.ogrn,
                ", ".join(area.name for area in org.activity_areas.all()),
                org.head,
                org.address,
                org.phone,
                org.email,
                org.website,
                org.is_government_department,
                org.projects_led_count,
            )
            for org in queryset.prefetch_related("activity_areas").order_by("short_name")
        )
        return csv_response("organisations", ORGANISATION_CSV, rows)
