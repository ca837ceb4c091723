"""Volunteers assigned to help at an event, and the hours they gave."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.events import Event

MAX_EVENT_HOURS = Decimal("24")


class EventAssignment(models.Model):
    """A volunteer helping at an event in a role; hours afterwards go to the volunteer book."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="assignments"
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="event_assignments",
    )
    role = models.CharField(
        _("role"), max_length=200, help_text=_("For example: meets guests at the entrance.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    hours = models.DecimalField(
        _("hours given"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("0.01"), message=_("Hours must be more than 0 and at most 24.")),
            MaxValueValidator(MAX_EVENT_HOURS, message=_("Hours must be more than 0 and at most 24.")),
        ],
    )
    # Set when the hours went into the volunteer book of the event's project (projects app).
    hours_entry = models.OneToOneField(
        "projects.VolunteerHours",
        verbose_name=_("entry in the volunteer book"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_assignment",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("volunteer at the event")
        verbose_name_plural = _("volunteers at the event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "volunteer"],
                name="assignment_one_per_volunteer",
                violation_error_message=_("This volunteer is already helping at the event."),
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | (Q(hours__gt=Decimal("0")) & Q(hours__lte=MAX_EVENT_HOURS)),
                name="assignment_hours_between_0_and_24",
                violation_error_message=_("Hours must be more than 0 and at most 24."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} — {self.role}"
