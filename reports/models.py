"""Report requests: what a member of staff ordered, how far the worker got, and the file it produced."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from projects.models.volunteering import PrivateFileStorage


def report_storage() -> Storage:
    """Where report files are kept: private, like statements, and handed out only by the download view.

    Reports carry no names, but funding and volunteer figures are for staff until someone decides to publish
    them; a deployment may name STORAGES["private"] (e.g. a private S3 bucket), otherwise VAR_DIR/private.
    """
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateFileStorage()


def report_upload_to(instance: ReportRequest, filename: str) -> str:
    return f"reports/{timezone.localtime(instance.created_at):%Y/%m}/{filename}"


class ReportKind(models.TextChoices):
    FUNDING = "funding", _("Funding of social projects")
    ACTIVITY = "activity", _("Activity of volunteers, projects and events")
    EXECUTION = "execution", _("Execution of the council's decisions")


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", pgettext_lazy("report format", "XLSX (Excel)")


class ReportRequest(models.Model):
    """One report ordered by a person or by the schedule; the worker fills in progress and the file."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("report status", "Queued")
        RUNNING = "running", pgettext_lazy("report status", "Being generated")
        READY = "ready", pgettext_lazy("report status", "Ready")
        FAILED = "failed", pgettext_lazy("report status", "Failed")

    kind = models.CharField(_("report"), max_length=12, choices=ReportKind.choices)
    format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set on reports the schedule orders («activity:2026-10:pdf»): the unique key makes beat safe to rerun.
    schedule_key = models.CharField(_("schedule key"), max_length=60, blank=True, editable=False)
    created_at = models.DateTimeField(_("ordered at"), default=timezone.now)
    # When the task was last handed to the broker: the sweeper resends requests no worker picked up.
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("How many times a worker has started generating the report.")
    )
    file = models.FileField(_("file"), upload_to=report_upload_to, storage=report_storage, blank=True)
    size = models.PositiveBigIntegerField(_("size, bytes"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report request")
        verbose_name_plural = _("report requests")
        # Ordering any report needs add_reportrequest; these two decide who may order the kinds with
        # money and volunteer figures (secretaries order only the execution report).
        permissions = [
            ("order_funding", _("Can order funding reports")),
            ("order_activity", _("Can order activity reports")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100), name="report_progress_0_100"
            ),
            models.CheckConstraint(condition=Q(kind__in=ReportKind.values), name="report_kind_known"),
            models.CheckConstraint(condition=Q(format__in=ReportFormat.values), name="report_format_known"),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "ready", "failed"]), name="report_status_known"
            ),
            # A ready report always has its file, size, checksum and finishing time, at 100 %.
            models.CheckConstraint(
                condition=~Q(status="ready")
                | (
                    ~Q(file="")
                    & Q(size__isnull=False)
                    & Exact(Length("sha256"), 64)
                    & Q(finished_at__isnull=False)
                    & Q(progress=100)
                ),
                name="report_ready_has_file",
            ),
            # A failure always says why, so the person who ordered it is never left guessing.
            models.CheckConstraint(
                condition=~Q(status="failed") | (~Q(error="") & Q(finished_at__isnull=False)),
                name="report_failed_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="running") | Q(started_at__isnull=False), name="report_running_has_start"
            ),
            models.CheckConstraint(
                condition=Q(sha256="") | Exact(Length("sha256"), 64), name="report_sha256_length"
            ),
            models.UniqueConstraint(
                fields=["schedule_key"], condition=~Q(schedule_key=""), name="report_schedule_key_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "started_at"]),
            models.Index(fields=["kind", "-created_at"]),
            models.Index(fields=["ordered_by", "-created_at"]),
        ]

    def __str__(self) -> str:
        return _("%(kind)s report No. %(pk)s") % {"kind": self.get_kind_display(), "pk": self.pk}

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    @property
    def filename(self) -> str:
        """The name the file is downloaded under, e.g. «funding-2017-2022-17.pdf»."""
        from reports.kinds import get_kind

        return f"{get_kind(self.kind).file_stem(self.parameters)}-{self.pk}.{self.format}"
