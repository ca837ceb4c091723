"""Councils, their members and working groups, and meetings with their agendas."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from council.admin.protection import ProtectFrozenDecisionsMixin
from council.models import AgendaItem, Council, CouncilMember, Meeting, WorkingGroup, WorkingGroupMember


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "founded_on")
    list_select_related = ("organisation",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)


@admin.register(CouncilMember)
class CouncilMemberAdmin(ProtectFrozenDecisionsMixin, admin.ModelAdmin):
    responsible_lookup = "members"
    list_display = ("full_name", "role", "position", "organisation", "since", "until", "council")
    list_display_links = ("full_name",)
    list_filter = ("council", "role")
    list_select_related = ("organisation", "council")
    search_fields = ("last_name", "first_name", "patronymic", "position", "organisation__short_name")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("council", ("last_name", "first_name", "patronymic"))}),
        (_("On the council"), {"fields": ("role", ("since", "until"), "organisation", "position", "email")}),
    )

    @admin.display(description=_("Full name"), ordering="last_name")
    def full_name(self, obj: CouncilMember) -> str:
        return obj.full_name


class WorkingGroupMemberInline(admin.TabularInline):
    model = WorkingGroupMember
    extra = 1
    autocomplete_fields = ("member",)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "activity_area", "council")
    list_filter = ("council", "activity_area")
    list_select_related = ("activity_area", "council")
    search_fields = ("name", "activity_area__name")
    autocomplete_fields = ("activity_area",)
    inlines = (WorkingGroupMemberInline,)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "format", "starts_at", "council")
    list_filter = ("format", "council")
    list_select_related = ("council",)
    search_fields = ("title", "place", "minutes")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("organisations", "attendees")
    fieldsets = (
        (None, {"fields": ("council", "title", "format", ("starts_at", "place"))}),
        (_("Who took part"), {"fields": ("organisations", "attendees", "guests")}),
        (_("Minutes"), {"fields": ("minutes",)}),
    )
    inlines = (AgendaItemInline,)
