"""Volunteers in projects: participation, hours (the volunteer book) and printed statements of hours."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models.projects import Project

MAX_HOURS_PER_DAY = Decimal("24")


class Participation(models.Model):
    """A volunteer's part in a project: role and period."""

    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participation in projects")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "project", "started_on"],
                name="participation_unique_start",
                violation_error_message=_("This volunteer already joined the project on this date."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="participation_ends_after_start",
                violation_error_message=_("The end date cannot be earlier than the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} — {self.project}"


class VolunteerHours(models.Model):
    """Hours a volunteer gave to a project on a day; they count once a coordinator approves them."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("hours status", "Pending approval")
        APPROVED = "approved", pgettext_lazy("hours status", "Approved")

    participation = models.ForeignKey(
        Participation, verbose_name=_("participation"), on_delete=models.PROTECT, related_name="hours"
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[
            MinValueValidator(
                Decimal("0.01"), message=_("Hours in one day must be more than 0 and at most 24.")
            ),
            MaxValueValidator(
                MAX_HOURS_PER_DAY, message=_("Hours in one day must be more than 0 and at most 24.")
            ),
        ],
    )
    description = models.CharField(_("what was done"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=MAX_HOURS_PER_DAY),
                name="hours_between_0_and_24",
                violation_error_message=_("Hours in one day must be more than 0 and at most 24."),
            ),
            # An approval always says when it happened; a pending record has no approval time.
            models.CheckConstraint(
                condition=(Q(status="approved") & Q(approved_at__isnull=False))
                | (Q(status="pending") & Q(approved_at__isnull=True)),
                name="hours_approval_consistent",
            ),
        ]
        indexes = [models.Index(fields=["status", "date"])]

    def __str__(self) -> str:
        return _("%(hours)s h on %(date)s") % {"hours": self.hours, "date": self.date.strftime("%d.%m.%Y")}


def statement_upload_to(instance: VolunteerStatement, filename: str) -> str:
    return f"statements/{instance.created_at:%Y/%m}/{filename}"


class PrivateFileStorage(FileSystemStorage):
    """Files under VAR_DIR/private; the folder is read from settings when used, so tests can move it."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return self._value_or_setting(self._location, str(Path(settings.VAR_DIR) / "private"))

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)


def private_storage() -> Storage:
    """Where statements are kept: never under MEDIA_URL, because they carry a person's name and birth date.

    A deployment may name its own backend as STORAGES["private"] (e.g. a private S3 bucket); otherwise the
    files go under VAR_DIR/private and are downloaded only through the admin, which checks permissions.
    """
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateFileStorage()


class VolunteerStatement(models.Model):
    """A printable statement of a volunteer's approved hours («справка о волонтёрской деятельности»)."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("statement status", "Being prepared")
        READY = "ready", pgettext_lazy("statement status", "Ready")
        FAILED = "failed", pgettext_lazy("statement status", "Failed")

    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Empty for all years.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    total_hours = models.DecimalField(_("total hours"), max_digits=8, decimal_places=2, null=True, blank=True)
    file = models.FileField(_("PDF file"), upload_to=statement_upload_to, storage=private_storage, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("statement of volunteer hours")
        verbose_name_plural = _("statements of volunteer hours")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | (~Q(file="") & ~Q(sha256="")),
                name="statement_ready_has_file",
            ),
        ]

    def __str__(self) -> str:
        return _("Statement No. %(pk)s") % {"pk": self.pk}
