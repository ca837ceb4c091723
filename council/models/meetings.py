"""Council meetings: sessions, round tables, briefings; who took part, the agenda and the minutes."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models.councils import Council, CouncilMember
from projects.models import Organisation


class MeetingFormat(models.TextChoices):
    SESSION = "session", _("Council session")
    ROUND_TABLE = "round_table", _("Round table")
    BRIEFING = "briefing", _("Briefing")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    THEMATIC = "thematic", _("Thematic meeting")


class Meeting(models.Model):
    """One meeting of a council, in any of the formats the founding resolution names."""

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=500)
    format = models.CharField(_("format"), max_length=20, choices=MeetingFormat.choices)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=500, blank=True)
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("participating departments and organisations"),
        blank=True,
        related_name="council_meetings",
    )
    attendees = models.ManyToManyField(
        CouncilMember,
        verbose_name=_("council members present"),
        blank=True,
        related_name="meetings_attended",
    )
    guests = models.TextField(
        _("invited guests"), blank=True, help_text=_("One per line: name, position, organisation.")
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("The record of the meeting (протокол)."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["council", "-starts_at"])]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at).strftime("%d.%m.%Y")
        return f"{self.title} ({when})"

    def guest_list(self) -> list[str]:
        return [line.strip() for line in self.guests.splitlines() if line.strip()]


class AgendaItem(models.Model):
    """A question on a meeting's agenda, in order, with its speaker."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    title = models.CharField(_("question"), max_length=500)
    speaker = models.CharField(_("speaker"), max_length=255, blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_item_position_unique",
                violation_error_message=_("The agenda already has a question with this number."),
            ),
            models.CheckConstraint(condition=models.Q(position__gte=1), name="agenda_item_position_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"
