"""Volunteers helping at events: who, in what role, and the hours that go to the volunteer book."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from events import services
from events.admin.events import VOLUNTEER_VIEW_PERMISSION, bulk_form_response
from events.models import EventAssignment


class HoursForm(forms.Form):
    hours = forms.CharField(
        label=gettext_lazy("Hours each"),
        max_length=6,
        help_text=gettext_lazy(
            "For example: 2 or 1,5. They go to the volunteer book of the event's project."
        ),
        error_messages={"required": gettext_lazy("Please enter the hours.")},
    )

    def clean_hours(self) -> str:
        # Checked once here, so a typo shows one message next to the field instead of one per volunteer.
        services.assignment_hours_parse(self.cleaned_data["hours"])
        return self.cleaned_data["hours"]


class AssignmentAdminForm(forms.ModelForm):
    class Meta:
        model = EventAssignment
        fields = ("event", "volunteer", "role", "note")

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        event, volunteer = cleaned.get("event"), cleaned.get("volunteer")
        if event is not None and volunteer is not None and self.instance.pk is None:
            services.assignment_check(event=event, volunteer=volunteer)
        return cleaned


@admin.register(EventAssignment)
class EventAssignmentAdmin(admin.ModelAdmin):
    form = AssignmentAdminForm
    list_display = ("volunteer", "event", "event_date", "role", "hours", "in_volunteer_book")
    list_select_related = ("volunteer", "event")
    list_filter = (("hours", admin.EmptyFieldListFilter), "event__category")
    search_fields = ("volunteer__last_name", "volunteer__first_name", "event__title", "role")
    autocomplete_fields = ("event", "volunteer")
    readonly_fields = ("hours",)
    ordering = ("-event__starts_at", "pk")
    actions = ("record_hours",)

    @admin.display(description=gettext_lazy("date"), ordering="event__starts_at")
    def event_date(self, obj: EventAssignment) -> str:
        return timezone.localtime(obj.event.starts_at).strftime("%d.%m.%Y")

    @admin.display(description=gettext_lazy("in the volunteer book"), boolean=True)
    def in_volunteer_book(self, obj: EventAssignment) -> bool:
        return obj.hours_entry_id is not None

    # Volunteers' names are personal data: only people who may see the registry see this list.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request: HttpRequest, obj: EventAssignment, form: object, change: bool) -> None:
        if change:
            obj.save()
        else:
            # The form already checked the event and the volunteer; the service is the one way to add.
            obj.pk = services.assignment_add(
                event=obj.event, volunteer=obj.volunteer, role=obj.role, note=obj.note
            ).pk

    @admin.action(
        description=gettext_lazy("Record hours for the selected volunteers…"), permissions=["change"]
    )
    def record_hours(self, request: HttpRequest, queryset: QuerySet[EventAssignment]) -> HttpResponse | None:
        form = HoursForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, problems = 0, []
            for assignment in queryset.select_related("event", "volunteer"):
                try:
                    services.assignment_record_hours(
                        assignment=assignment, hours=form.cleaned_data["hours"], by=request.user
                    )
                except ValidationError as error:
                    problems.append(f"{assignment.volunteer}: {' '.join(error.messages)}")
                else:
                    done += 1
            if done:
                messages.success(
                    request,
                    ngettext(
                        "Hours recorded for %(count)d volunteer.",
                        "Hours recorded for %(count)d volunteers.",
                        done,
                    )
                    % {"count": done},
                )
            for problem in problems:
                messages.error(request, problem)
            return None
        return bulk_form_response(
            self,
            request,
            form=form,
            items=queryset.select_related("event", "volunteer"),
            action="record_hours",
            title=_("Record hours"),
            intro=_("Hours for helping at the event, for each of these volunteers:"),
            button=_("Record"),
        )
