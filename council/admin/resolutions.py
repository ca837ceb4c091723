"""Resolutions in the admin: drafting with findings and decisions, PDF preview, publishing, new versions.

A draft is edited like any object; a published (or publishing) resolution is shown read-only, because the
change permission is refused for it, and it is corrected only by starting a new version.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from council import services
from council.models import DecisionItem, Finding, Resolution, ResolutionLocked
from council.selectors import execution_summary_of, local_today, with_execution_summary


def _editable(obj: Resolution | None) -> bool:
    return obj is None or obj.status == Resolution.Status.DRAFT


class DraftOnlyInline:
    """Inlines of a resolution's text: open while it is a draft, read-only once it is frozen."""

    def has_add_permission(self, request: HttpRequest, obj: Resolution | None = None) -> bool:
        return _editable(obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Resolution | None = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Resolution | None = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class FindingInline(DraftOnlyInline, admin.TabularInline):
    model = Finding
    extra = 1
    fields = ("position", "text")

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 100})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class DecisionInline(DraftOnlyInline, admin.StackedInline):
    model = DecisionItem
    fk_name = "resolution"
    verbose_name_plural = _("decisions")
    extra = 1
    fields = (
        ("position", "parent", "on_control"),
        "text",
        ("responsible_organisations", "responsible_members"),
        ("responsible_note", "due_date"),
    )
    autocomplete_fields = ("responsible_organisations", "responsible_members")

    def get_queryset(self, request: HttpRequest) -> QuerySet[DecisionItem]:
        # Document order: each decision followed by its sub-items.
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .order_by(Coalesce("parent__position", "position"), F("parent").asc(nulls_first=True), "position")
        )

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 100})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "parent":
            # A sub-item hangs under a decision of the same resolution, one level deep.
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = DecisionItem.objects.filter(resolution_id=object_id, parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ResolutionAdminForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = (
            "meeting",
            "kind",
            "number",
            "adopted_on",
            "title",
            "preamble",
            "decisions_intro",
            "correction_note",
            "subitem_style",
            "signed_by_chair",
            "signed_by_secretary",
        )
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2, "cols": 100}),
            "preamble": forms.Textarea(attrs={"rows": 6, "cols": 100}),
            "decisions_intro": forms.Textarea(attrs={"rows": 3, "cols": 100}),
            "correction_note": forms.Textarea(attrs={"rows": 2, "cols": 100}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        meeting, number = data.get("meeting"), data.get("number")
        if meeting and number:
            # The council comes from the meeting, so the form checks the unique number itself.
            clash = Resolution.objects.filter(
                council_id=meeting.council_id, number=number.strip(), version=self.instance.version
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "number", _("The council already has a resolution with this number and version.")
                )
        return data


class NewVersionForm(forms.Form):
    correction_note = forms.CharField(
        label=_("What the new version corrects"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text=_("Printed on the new version and shown on the site next to it."),
    )


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    form = ResolutionAdminForm
    change_form_template = "admin/council/resolution/change_form.html"
    list_display = ("__str__", "short_title", "version", "status", "execution", "council")
    list_filter = ("status", "council", "kind")
    list_select_related = ("council", "meeting")
    search_fields = ("number", "title", "preamble")
    date_hierarchy = "adopted_on"
    autocomplete_fields = ("meeting", "signed_by_chair", "signed_by_secretary")
    readonly_fields = (
        "version",
        "supersedes",
        "status",
        "published_at",
        "published_by",
        "pdf_link",
        "pdf_sha256",
    )
    inlines = (FindingInline, DecisionInline)

    def get_fieldsets(self, request: HttpRequest, obj: Resolution | None = None) -> Any:
        document = ["meeting", ("kind", "number", "adopted_on"), "title", "preamble", "decisions_intro"]
        if obj is not None and obj.version > 1:
            document.append("correction_note")
        return (
            (None, {"fields": document}),
            (
                _("Layout and signatures"),
                {"fields": ("subitem_style", ("signed_by_chair", "signed_by_secretary"))},
            ),
            (
                _("Publication"),
                {
                    "fields": (
                        "status",
                        ("version", "supersedes"),
                        ("published_at", "published_by"),
                        "pdf_link",
                        "pdf_sha256",
                    )
                },
            ),
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Resolution]:
        return with_execution_summary(super().get_queryset(request), today=local_today())

    @admin.display(description=_("title"))
    def short_title(self, obj: Resolution) -> str:
        return Truncator(obj.title).chars(80)

    @admin.display(description=_("Done / tracked, overdue"))
    def execution(self, obj: Resolution) -> str:
        summary = execution_summary_of(obj)
        if not summary.tracked:
            return "—"
        return f"{summary.done} / {summary.tracked}, {summary.overdue}"

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj: Resolution) -> str:
        if obj.status == Resolution.Status.PUBLISHED and obj.pdf:
            return format_html(
                '<a href="{}">{}</a>', reverse("council:resolution-pdf", args=[obj.pk]), obj.pdf.name
            )
        return "—"

    def view_on_site(self, obj: Resolution) -> str | None:  # type: ignore[override]
        if obj.status == Resolution.Status.PUBLISHED:
            return reverse("council:resolution", args=[obj.pk])
        return None

    # A frozen text: the admin shows it, never saves it.

    def has_change_permission(self, request: HttpRequest, obj: Resolution | None = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Resolution | None = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Resolution, form: Any, change: bool) -> None:
        services.resolution_save_draft(resolution=obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        services.resolution_ensure_draft(resolution=form.instance)
        super().save_formset(request, form, formset, change)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Resolution]) -> None:
        # Bulk deletion bypasses Model.delete(), so the guard is repeated here.
        if queryset.exclude(status=Resolution.Status.DRAFT).exists():
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # drafts are deleted one at a time, from their page
        return actions

    # Preview, publish, new version

    def get_urls(self) -> list[Any]:
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview.pdf", wrap(self.preview_view), name="council_resolution_preview"),
            path("<int:pk>/publish/", wrap(self.publish_view), name="council_resolution_publish"),
            path("<int:pk>/new-version/", wrap(self.new_version_view), name="council_resolution_new_version"),
            *super().get_urls(),
        ]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        context = {**(extra_context or {})}
        if obj is not None:
            context.update(self._workflow_context(request, obj))
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _workflow_context(self, request: HttpRequest, obj: Resolution) -> dict[str, Any]:
        may_publish = services.can_publish(request.user)
        is_current = Resolution.objects.current().filter(pk=obj.pk).exists()
        return {
            "can_preview": self.has_view_permission(request, obj),
            "can_publish": may_publish and obj.status == Resolution.Status.DRAFT,
            "can_correct": may_publish
            and is_current
            and not Resolution.objects.filter(supersedes=obj).exists(),
            "can_retry": may_publish and obj.status == Resolution.Status.PUBLISHING,
        }

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        resolution = get_object_or_404(Resolution.objects.select_related("council", "meeting"), pk=pk)
        if not self.has_view_permission(request, resolution):
            raise PermissionDenied
        content = services.resolution_preview_pdf(resolution=resolution)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="preview-{resolution.pk}.pdf"'
        response["Cache-Control"] = "no-store"
        return response

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        resolution = get_object_or_404(Resolution.objects.select_related("council", "meeting"), pk=pk)
        if not services.can_publish(request.user):
            raise PermissionDenied
        change_url = reverse("admin:council_resolution_change", args=[pk])
        if request.method == "POST":
            if resolution.status == Resolution.Status.PUBLISHING and "retry" in request.POST:
                if services.resolution_queue_pdf(resolution_id=pk):
                    self.message_user(request, _("Publishing has been restarted."), messages.SUCCESS)
                else:
                    self.message_user(
                        request,
                        _(
                            "The task queue is unavailable; publishing has not been restarted. "
                            "Try again later."
                        ),
                        messages.ERROR,
                    )
                return HttpResponseRedirect(change_url)
            try:
                services.resolution_publish(resolution=resolution, by=request.user)
            except (services.PublishRefused, ValidationError) as exc:
                self.message_user(
                    request, " ".join(getattr(exc, "messages", None) or [str(exc)]), messages.ERROR
                )
            except ResolutionLocked:
                self.message_user(request, _("This resolution is already published."), messages.WARNING)
            else:
                self.message_user(
                    request,
                    _(
                        "The resolution is being published: its PDF is being made "
                        "and it will appear on the site shortly."
                    ),
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "resolution": resolution,
            "title": _("Publish %(resolution)s") % {"resolution": resolution},
            "change_url": change_url,
            "preview_url": reverse("admin:council_resolution_preview", args=[pk]),
            "decision_count": resolution.decisions.filter(parent__isnull=True).count(),
        }
        return TemplateResponse(request, "admin/council/resolution/publish_confirm.html", context)

    def new_version_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        resolution = get_object_or_404(Resolution.objects.select_related("council"), pk=pk)
        if not services.can_publish(request.user):
            raise PermissionDenied
        form = NewVersionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                new = services.resolution_new_version(
                    resolution=resolution, by=request.user, note=form.cleaned_data["correction_note"]
                )
            except services.PublishRefused as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return HttpResponseRedirect(reverse("admin:council_resolution_change", args=[pk]))
            self.message_user(
                request,
                _(
                    "Version %(version)s has been started as a draft. "
                    "Correct it, preview the PDF and publish it."
                )
                % {"version": new.version},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:council_resolution_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "resolution": resolution,
            "form": form,
            "title": _("New version of %(resolution)s") % {"resolution": resolution},
            "change_url": reverse("admin:council_resolution_change", args=[pk]),
        }
        return TemplateResponse(request, "admin/council/resolution/new_version.html", context)
