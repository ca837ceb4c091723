"""Events in the admin: the whole calendar, the moderation queue, and the workflow steps through services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from events import services
from events.admin.forms import EventAdminForm
from events.forms import PostponeForm, ReasonForm
from events.models import Event, EventAssignment, EventPostponement, EventSubmission
from events.selectors import event_possible_duplicates, with_duplicate_flag

VOLUNTEER_VIEW_PERMISSION = "volunteers.view_volunteer"


class AssignmentInline(admin.TabularInline):
    """Volunteers helping at the event; only people who may see the volunteer registry see them."""

    model = EventAssignment
    extra = 0
    fields = ("volunteer", "role", "note", "hours", "in_volunteer_book")
    readonly_fields = ("hours", "in_volunteer_book")
    autocomplete_fields = ("volunteer",)

    @admin.display(description=gettext_lazy("in the volunteer book"), boolean=True)
    def in_volunteer_book(self, obj: EventAssignment) -> bool:
        return obj.hours_entry_id is not None

    def has_view_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return request.user.has_perm(VOLUNTEER_VIEW_PERMISSION) and super().has_delete_permission(
            request, obj
        )


class PostponementInline(admin.TabularInline):
    """The record of every move; written only by the «Postpone» step, never by hand."""

    model = EventPostponement
    extra = 0
    can_delete = False
    fields = (
        "created_at",
        "old_starts_at",
        "new_starts_at",
        "reason",
        "contract_change",
        "basis",
        "recorded_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


def bulk_form_response(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    *,
    form: Any,
    items: Any,
    action: str,
    title: str,
    intro: str,
    button: str,
) -> TemplateResponse:
    """The intermediate page of a list action that needs one more answer (a reason, the hours)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "intro": intro,
        "button": button,
        "form": form,
        "items": items,
        "action": action,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "events/admin/bulk_form.html", context)


# Which workflow steps the change form offers for each status.
STEPS: dict[str, tuple[str, ...]] = {
    Event.Status.DRAFT: ("publish", "reject"),
    Event.Status.PENDING: ("publish", "reject"),
    Event.Status.REJECTED: ("publish",),
    Event.Status.PUBLISHED: ("postpone", "cancel"),
    Event.Status.POSTPONED: ("postpone", "cancel"),
    Event.Status.CANCELLED: (),
}


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    change_form_template = "events/admin/change_form.html"
    list_display = (
        "title",
        "starts_local",
        "venue",
        "organiser_display",
        "status",
        "duplicate_flag",
        "sequence",
    )
    list_filter = (
        "status",
        "category",
        "category__is_patriotic",
        "format",
        "audiences",
        "age_rating",
        "source",
    )
    list_select_related = ("category", "format", "organiser")
    search_fields = (
        "title",
        "venue",
        "address",
        "organiser__short_name",
        "organiser_name_submitted",
        "submitter_name",
    )
    autocomplete_fields = ("organiser", "co_organisers", "project")
    date_hierarchy = "starts_at"
    ordering = ("-starts_at",)
    inlines = (PostponementInline, AssignmentInline)
    actions = ("publish_selected", "reject_selected")
    readonly_fields = (
        "status",
        "duplicates_warning",
        "organiser_name_submitted",
        "submission",
        "rejection_reason",
        "cancellation_reason",
        "uid",
        "sequence",
        "source",
        "submitted_at",
        "published_at",
        "moderated_at",
        "moderated_by",
    )
    fieldsets = (
        (None, {"fields": ("status", "duplicates_warning", "title", "description", "category", "format")}),
        (gettext_lazy("When"), {"fields": ("starts_at", "ends_at", "all_day")}),
        (gettext_lazy("Where"), {"fields": ("venue", "address", ("latitude", "longitude"))}),
        (
            gettext_lazy("Who and for whom"),
            {
                "fields": (
                    "organiser",
                    "organiser_name_submitted",
                    "co_organisers",
                    "project",
                    "audiences",
                    "age_rating",
                )
            },
        ),
        (gettext_lazy("Registration"), {"fields": ("registration_url", "capacity", "contact")}),
        (
            gettext_lazy("Submission and moderation"),
            {
                "fields": (
                    "submission",
                    "rejection_reason",
                    "cancellation_reason",
                    "source",
                    "submitted_at",
                    "published_at",
                    "moderated_at",
                    "moderated_by",
                    "uid",
                    "sequence",
                )
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return with_duplicate_flag(super().get_queryset(request))

    @admin.display(description=gettext_lazy("starts"), ordering="starts_at")
    def starts_local(self, obj: Event) -> str:
        local = timezone.localtime(obj.starts_at)
        return local.strftime("%d.%m.%Y") if obj.all_day else local.strftime("%d.%m.%Y %H:%M")

    @admin.display(description=gettext_lazy("organiser"), ordering="organiser__short_name")
    def organiser_display(self, obj: Event) -> str:
        if obj.organiser is not None:
            return obj.organiser.short_name
        return _("new: «%(name)s»") % {"name": obj.organiser_name_submitted}

    @admin.display(description=gettext_lazy("same place and time"), boolean=True)
    def duplicate_flag(self, obj: Event) -> bool:
        return bool(getattr(obj, "has_duplicate", False))

    @admin.display(description=gettext_lazy("possible duplicates"))
    def duplicates_warning(self, obj: Event) -> str:
        if obj.pk is None:
            return "—"
        found = event_possible_duplicates(event=obj)
        if not found:
            return _("No other event at this place and time.")
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a> — {} ({})</li>',
            (
                (
                    reverse("admin:events_event_change", args=[other.pk]),
                    other.title,
                    timezone.localtime(other.starts_at).strftime("%d.%m.%Y %H:%M"),
                    other.get_status_display(),
                )
                for other in found
            ),
        )
        return format_html(
            '<div class="errornote"><strong>{}</strong><ul>{}</ul></div>',
            _("Warning: the same place already has an event at this time. Is this a duplicate?"),
            items,
        )

    @admin.display(description=gettext_lazy("submitted by"))
    def submission(self, obj: Event) -> str:
        if obj.source != Event.Source.SUBMISSION:
            return "—"
        return format_html("{}<br>{}<br>{}", obj.submitter_name, obj.submitter_email, obj.submitter_phone)

    def save_model(self, request: HttpRequest, obj: Event, form: Any, change: bool) -> None:
        services.event_save(event=obj, by=request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        # A published event is cancelled, never deleted: calendars must learn it is gone.
        if obj is not None and obj.is_public:
            return False
        return super().has_delete_permission(request, obj)

    # Workflow steps -------------------------------------------------------------------------------

    def get_urls(self) -> list[Any]:
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/publish/", wrap(require_POST(self.publish_view)), name=f"{prefix}_publish"),
            path("<int:pk>/reject/", wrap(self.reject_view), name=f"{prefix}_reject"),
            path("<int:pk>/postpone/", wrap(self.postpone_view), name=f"{prefix}_postpone"),
            path("<int:pk>/cancel/", wrap(self.cancel_view), name=f"{prefix}_cancel"),
            *super().get_urls(),
        ]

    def _event_for_step(self, request: HttpRequest, pk: int) -> Event:
        event = get_object_or_404(Event, pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        return event

    def _change_url(self, event: Event) -> str:
        # The full calendar's page, not the queue's: a published event leaves the queue.
        return reverse("admin:events_event_change", args=[event.pk])

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        obj = context.get("original")
        steps = STEPS.get(obj.status, ()) if obj is not None else ()
        context["workflow_steps"] = steps if self.has_change_permission(request, obj) else ()
        context["step_url_prefix"] = f"admin:{self.opts.app_label}_{self.opts.model_name}_"
        return super().render_change_form(request, context, *args, **kwargs)

    def _warn_duplicates(self, request: HttpRequest, event: Event) -> None:
        if event_possible_duplicates(event=event):
            messages.warning(
                request,
                _(
                    "«%(title)s»: the same place already has an event at this time. "
                    "Please check it is not a duplicate."
                )
                % {"title": event.title},
            )

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self._event_for_step(request, pk)
        try:
            services.event_publish(event=event, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("«%(title)s» is published.") % {"title": event.title})
            self._warn_duplicates(request, event)
        return HttpResponseRedirect(self._change_url(event))

    def _step_form(
        self, request: HttpRequest, event: Event, form: Any, *, title: str, button: str, run: Any
    ) -> HttpResponse:
        if request.method == "POST" and form.is_valid():
            try:
                run(form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return HttpResponseRedirect(self._change_url(event))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "title": title,
            "form": form,
            "button": button,
            "change_url": self._change_url(event),
        }
        return TemplateResponse(request, "events/admin/step_form.html", context)

    def reject_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self._event_for_step(request, pk)
        form = ReasonForm(request.POST or None)

        def run(data: dict[str, Any]) -> None:
            services.event_reject(event=event, reason=data["reason"], by=request.user)
            messages.success(
                request,
                _("«%(title)s» is rejected; the submitter will get the reason.") % {"title": event.title},
            )

        return self._step_form(
            request,
            event,
            form,
            title=_("Reject «%(title)s»") % {"title": event.title},
            button=_("Reject"),
            run=run,
        )

    def cancel_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self._event_for_step(request, pk)
        form = ReasonForm(request.POST or None)

        def run(data: dict[str, Any]) -> None:
            services.event_cancel(event=event, reason=data["reason"], by=request.user)
            messages.success(
                request,
                _("«%(title)s» is cancelled; it stays on the calendar, marked.") % {"title": event.title},
            )

        return self._step_form(
            request,
            event,
            form,
            title=_("Cancel «%(title)s»") % {"title": event.title},
            button=_("Cancel the event"),
            run=run,
        )

    def postpone_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self._event_for_step(request, pk)
        form = PostponeForm(request.POST or None, project_id=event.project_id)

        def run(data: dict[str, Any]) -> None:
            services.event_postpone(
                event=event,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                all_day=data["all_day"],
                reason=data["reason"],
                contract_change=data.get("contract_change"),
                basis=data["basis"],
                by=request.user,
            )
            messages.success(request, _("«%(title)s» is postponed.") % {"title": event.title})

        return self._step_form(
            request,
            event,
            form,
            title=_("Postpone «%(title)s»") % {"title": event.title},
            button=_("Postpone"),
            run=run,
        )

    # Bulk actions on the list ---------------------------------------------------------------------

    @admin.action(description=gettext_lazy("Publish the selected events"), permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        published, problems = 0, []
        for event in queryset:
            try:
                services.event_publish(event=event, by=request.user)
            except ValidationError as error:
                problems.append(" ".join(error.messages))
            else:
                published += 1
                self._warn_duplicates(request, event)
        if published:
            messages.success(
                request,
                ngettext("%(count)d event published.", "%(count)d events published.", published)
                % {"count": published},
            )
        for problem in problems:
            messages.error(request, problem)

    @admin.action(description=gettext_lazy("Reject the selected events…"), permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            rejected, problems = 0, []
            for event in queryset:
                try:
                    services.event_reject(event=event, reason=form.cleaned_data["reason"], by=request.user)
                except ValidationError as error:
                    problems.append(" ".join(error.messages))
                else:
                    rejected += 1
            if rejected:
                messages.success(
                    request,
                    ngettext("%(count)d event rejected.", "%(count)d events rejected.", rejected)
                    % {"count": rejected},
                )
            for problem in problems:
                messages.error(request, problem)
            return None
        return bulk_form_response(
            self,
            request,
            form=form,
            items=queryset,
            action="reject_selected",
            title=_("Reject the selected events"),
            intro=_("These events will be rejected; each submitter gets the reason by e-mail:"),
            button=_("Reject"),
        )


@admin.register(EventSubmission)
class EventSubmissionAdmin(EventAdmin):
    """The moderation queue: only submissions awaiting a decision, oldest first."""

    list_display = (
        "title",
        "starts_local",
        "venue",
        "organiser_display",
        "submitter_name",
        "submitted_at",
        "duplicate_flag",
    )
    list_filter = ("category", "category__is_patriotic", "format", "audiences")
    ordering = ("submitted_at", "pk")
    date_hierarchy = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).filter(status=Event.Status.PENDING)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
