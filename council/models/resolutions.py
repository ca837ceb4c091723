"""Resolutions: findings, numbered decisions with sub-items, versions, and the execution of every decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from council.models.councils import Council, CouncilMember
from council.models.meetings import Meeting
from projects.models import Organisation


class ResolutionLocked(Exception):
    """The resolution is published (or being published): its text is never edited, a new version is made."""


class SubitemStyle(models.TextChoices):
    DECIMAL = "decimal", _("Numbered: 9.1, 9.2")
    LETTER = "letter", _("Lettered: а), б)")
    DASH = "dash", _("Dashes: –")


# Letters Russian legal drafting uses for sub-items: the alphabet without ё, й, ъ, ы, ь.
SUBITEM_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


class ResolutionQuerySet(models.QuerySet["Resolution"]):
    def published(self) -> ResolutionQuerySet:
        return self.filter(status=Resolution.Status.PUBLISHED)

    def current(self) -> ResolutionQuerySet:
        """Published and not superseded by a published newer version: the text in force."""
        newer = Resolution.objects.filter(
            supersedes=models.OuterRef("pk"), status=Resolution.Status.PUBLISHED
        )
        return self.published().exclude(models.Exists(newer))


class Resolution(models.Model):
    """One version of a council's resolution; once published it is never edited."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("resolution status", "Draft")
        # The PDF is being rendered; the text is already frozen and not yet public.
        PUBLISHING = "publishing", pgettext_lazy("resolution status", "Being published")
        PUBLISHED = "published", pgettext_lazy("resolution status", "Published")

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", pgettext_lazy("document kind", "Resolution")
        DECISION = "decision", pgettext_lazy("document kind", "Decision")

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.PROTECT, related_name="resolutions"
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="resolutions"
    )
    kind = models.CharField(_("document"), max_length=12, choices=Kind.choices, default=Kind.RESOLUTION)
    number = models.CharField(_("number"), max_length=30)
    version = models.PositiveSmallIntegerField(
        pgettext_lazy("resolution", "version"), default=1, editable=False
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    correction_note = models.TextField(
        _("what was corrected"), blank=True, help_text=_("Required for a new version: what changed and why.")
    )
    adopted_on = models.DateField(_("date"))
    title = models.CharField(
        _("title"),
        max_length=500,
        help_text=_("What follows the word «Resolution»: «of the round table of the founders of …»."),
    )
    preamble = models.TextField(
        _("preamble"), help_text=_("Who met and what they considered, up to the findings.")
    )
    decisions_intro = models.TextField(
        _("introduction to the decisions"),
        blank=True,
        help_text=_("The sentence before the decisions, e.g. «… the participants decided:»."),
    )
    subitem_style = models.CharField(
        _("sub-item numbering"), max_length=10, choices=SubitemStyle.choices, default=SubitemStyle.DECIMAL
    )
    signed_by_chair = models.ForeignKey(
        CouncilMember,
        verbose_name=_("signed by (chair)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Left empty, the chair in office on the date of the resolution signs."),
    )
    signed_by_secretary = models.ForeignKey(
        CouncilMember,
        verbose_name=_("signed by (secretary)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Left empty, the secretary in office on the date of the resolution signs."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(_("PDF"), upload_to="council/resolutions/", blank=True, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, editable=False)
    pdf_size = models.PositiveIntegerField(_("PDF size, bytes"), null=True, blank=True, editable=False)
    # Case-folded text of the whole resolution, so search works alike on SQLite and PostgreSQL.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["-adopted_on", "-pk"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        permissions = [("publish_resolution", _("Can publish a resolution"))]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "number", "version"],
                name="resolution_number_version_unique",
                violation_error_message=_(
                    "The council already has a resolution with this number and version."
                ),
            ),
            # A correction in progress blocks a second one: two drafts of one number would fork the text.
            models.UniqueConstraint(
                fields=["council", "number"],
                condition=Q(status__in=["draft", "publishing"]),
                name="resolution_one_draft_per_number",
                violation_error_message=_("A draft of this resolution is already being prepared."),
            ),
            models.CheckConstraint(
                condition=Q(version=1, supersedes__isnull=True) | Q(version__gt=1, supersedes__isnull=False),
                name="resolution_version_chain",
            ),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | ~Q(correction_note=""),
                name="resolution_correction_explained",
                violation_error_message=_("Say what the new version corrects."),
            ),
            models.CheckConstraint(
                # A typo like 01.01.0001 would be printed in a PDF that never changes and fill the archive's
                # year filter; the council was founded in 2021.
                condition=Q(adopted_on__gte=dt.date(2000, 1, 1)) & Q(adopted_on__lte=dt.date(2100, 12, 31)),
                name="resolution_adopted_within_2000_2100",
                violation_error_message=_("Please check the date of the resolution: from 2000 to 2100."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(published_at__isnull=False) & ~Q(pdf="") & Exact(Length("pdf_sha256"), 64)),
                name="resolution_published_has_pdf",
            ),
        ]
        indexes = [models.Index(fields=["status", "-adopted_on"])]

    def __str__(self) -> str:
        text = _("%(kind)s No. %(number)s of %(date)s") % {
            "kind": self.get_kind_display(),
            "number": self.number,
            "date": self.adopted_on.strftime("%d.%m.%Y") if self.adopted_on else "—",
        }
        if self.version > 1:
            text += " " + str(_("(version %(version)s)") % {"version": self.version})
        return text

    # Fields the publishing workflow writes after the text is frozen; everything else is the document.
    WORKFLOW_FIELDS = frozenset(
        {
            "status",
            "published_at",
            "published_by",
            "pdf",
            "pdf_sha256",
            "pdf_size",
            "search_text",
            "updated_at",
        }
    )

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The last line of defence under the services and the admin: a frozen text is never rewritten.
        if not self._state.adding and self.pk is not None:
            update_fields = kwargs.get("update_fields")
            touches_text = update_fields is None or not set(update_fields) <= self.WORKFLOW_FIELDS
            if touches_text and stored_status(self.pk) not in (None, self.Status.DRAFT):
                raise ResolutionLocked(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if stored_status(self.pk) not in (None, self.Status.DRAFT):
            raise ResolutionLocked(self.pk)
        return super().delete(*args, **kwargs)


def stored_status(resolution_id: int | None) -> str | None:
    """Return the status the database holds for a resolution, or None if it is not stored."""
    if resolution_id is None:
        return None
    return Resolution.objects.filter(pk=resolution_id).values_list("status", flat=True).first()


class _PartOfText(models.Model):
    """A piece of a resolution's text: editable while the resolution is a draft, frozen after."""

    # Fields that may change on a frozen text (execution, not wording).
    MUTABLE_FIELDS: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        touches_text = update_fields is None or not set(update_fields) <= self.MUTABLE_FIELDS
        if touches_text and stored_status(self.resolution_id) not in (None, Resolution.Status.DRAFT):
            raise ResolutionLocked(self.resolution_id)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if stored_status(self.resolution_id) not in (None, Resolution.Status.DRAFT):
            raise ResolutionLocked(self.resolution_id)
        return super().delete(*args, **kwargs)


class Finding(_PartOfText):
    """One of the findings the participants note («отмечают, что: …»)."""

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.CASCADE, related_name="findings"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["resolution", "position"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "position"],
                name="finding_position_unique",
                violation_error_message=_("Two findings cannot share one place in the order."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ExecutionStatus(models.TextChoices):
    """What the secretary records; «overdue» is never typed, it follows from the due date."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    WITHDRAWN = "withdrawn", _("Removed from control")


class ExecutionState(models.TextChoices):
    """What people see: the recorded status, with «overdue» derived from the due date."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    WITHDRAWN = "withdrawn", _("Removed from control")


OPEN_STATUSES = (ExecutionStatus.NOT_STARTED, ExecutionStatus.IN_PROGRESS)


def execution_state(*, status: str, due_date: dt.date | None, on_control: bool, today: dt.date) -> str | None:
    """Return the state a decision is in today; None for a decision that asks nobody to act."""
    if not on_control:
        return None
    if status in OPEN_STATUSES and due_date is not None and due_date < today:
        return ExecutionState.OVERDUE
    return status


def execution_state_expression(today: dt.date) -> Case:
    """The same rule as execution_state(), for the database to filter, sort and count by."""
    return Case(
        When(on_control=False, then=Value("")),
        When(status__in=OPEN_STATUSES, due_date__lt=today, then=Value(ExecutionState.OVERDUE.value)),
        default=F("status"),
        output_field=models.CharField(),
    )


class DecisionItem(_PartOfText):
    """A decision of a resolution, or a sub-item of one: who must act, by when, and how it stands."""

    MUTABLE_FIELDS = frozenset({"status", "done_on"})

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.CASCADE, related_name="decisions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("sub-item of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text=_("Empty for a decision; the decision's number for its sub-item."),
    )
    position = models.PositiveSmallIntegerField(
        _("No."), help_text=_("The decision's number, or the sub-item's number within its decision.")
    )
    text = models.TextField(_("text"))
    responsible_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("responsible organisations"),
        blank=True,
        related_name="council_decisions",
    )
    responsible_members = models.ManyToManyField(
        CouncilMember, verbose_name=_("responsible persons"), blank=True, related_name="decisions"
    )
    responsible_note = models.CharField(
        _("responsible (as worded)"),
        max_length=500,
        blank=True,
        help_text=_("For those who are neither an organisation in the registry nor a council member."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    on_control = models.BooleanField(
        _("execution is tracked"),
        default=True,
        help_text=_("Off for a decision that asks nobody to act (to welcome, to note) or for a heading."),
    )
    status = models.CharField(
        _("execution status"),
        max_length=12,
        choices=ExecutionStatus.choices,
        default=ExecutionStatus.NOT_STARTED,
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("same decision in the previous version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="next_version",
    )

    class Meta:
        ordering = ["resolution", "position", "pk"]
        verbose_name = _("decision")
        # The admin lists them as the secretaries' execution control; the inline says "decisions".
        verbose_name_plural = _("decisions: execution control")
        constraints = [
            # NULL parents are never equal in a plain unique constraint, so decisions get their own.
            models.UniqueConstraint(
                fields=["resolution", "position"],
                condition=Q(parent__isnull=True),
                name="decision_number_unique",
                violation_error_message=_("The resolution already has a decision with this number."),
            ),
            models.UniqueConstraint(
                fields=["parent", "position"],
                condition=Q(parent__isnull=False),
                name="decision_subitem_number_unique",
                violation_error_message=_("The decision already has a sub-item with this number."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="decision_position_positive"),
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False)
                | (~Q(status="done") & Q(done_on__isnull=True)),
                name="decision_done_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.decimal_number}. {Truncator(self.text).chars(80)}"

    def number_label(self, style: str | None = None) -> str:
        """Return the number as printed: «9.», «9.1.», «а)» or «–» for a sub-item."""
        if self.parent_id is None:
            return f"{self.position}."
        style = style or self.resolution.subitem_style
        if style == SubitemStyle.LETTER:
            letters = SUBITEM_LETTERS
            return f"{letters[(self.position - 1) % len(letters)]})"
        if style == SubitemStyle.DASH:
            return "–"
        return f"{self.parent.position}.{self.position}."

    @property
    def decimal_number(self) -> str:
        """The number in lists outside the document: «9.1» even where the document prints a dash."""
        return self.number_label(style=SubitemStyle.DECIMAL).rstrip(".")

    @property
    def anchor(self) -> str:
        """The id of the decision on the resolution's page, so links can point at it."""
        return "p" + self.decimal_number.replace(".", "-")

    def state(self, today: dt.date) -> str | None:
        return execution_state(
            status=self.status, due_date=self.due_date, on_control=self.on_control, today=today
        )

    def done_on_time(self) -> bool:
        return self.status == ExecutionStatus.DONE and (
            self.due_date is None or self.done_on <= self.due_date
        )


class ExecutionReport(models.Model):
    """A dated report on a decision's execution: what was done, and the status it leaves the decision in."""

    item = models.ForeignKey(
        DecisionItem, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("date"))
    text = models.TextField(_("what was done"))
    status = models.CharField(
        _("status after the report"), max_length=12, choices=ExecutionStatus.choices, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["item", "reported_on", "pk"]
        verbose_name = _("execution report")
        verbose_name_plural = _("execution reports")

    def __str__(self) -> str:
        return f"{self.reported_on:%d.%m.%Y}: {self.text[:60]}"


class DigestDelivery(models.Model):
    """One weekly execution digest sent to one address: a second run of the week sends nothing twice."""

    week = models.DateField(_("week (Monday)"))
    email = models.EmailField(_("e-mail"))
    items = models.PositiveIntegerField(_("decisions in the digest"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-week", "email"]
        verbose_name = _("execution digest sent")
        verbose_name_plural = _("execution digests sent")
        constraints = [models.UniqueConstraint(fields=["week", "email"], name="digest_once_a_week")]

    def __str__(self) -> str:
        return f"{self.week:%d.%m.%Y} → {self.email}"
