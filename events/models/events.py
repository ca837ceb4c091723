"""An event of the unified calendar, its postponements, and the moderation queue proxy."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from events.models.vocabularies import Audience, Category, EventFormat
from events.times import local_date

# Generous UTC bounds of the years 2000-2100 the calendar holds (forms and services check them exactly).
CALENDAR_FIRST_MOMENT = dt.datetime(1999, 12, 31, tzinfo=dt.UTC)
CALENDAR_LAST_MOMENT = dt.datetime(2101, 1, 2, tzinfo=dt.UTC)

# The part of each UID after «@»: fixed, so a new site address never makes calendars see new events.
UID_DOMAIN = "calendar.silver-sevastopol.ru"


class AgeRating(models.TextChoices):
    """The age mark the law on protecting children from harmful information requires on announcements."""

    ZERO = "0+", "0+"
    SIX = "6+", "6+"
    TWELVE = "12+", "12+"
    SIXTEEN = "16+", "16+"
    EIGHTEEN = "18+", "18+"


def normalise_text(value: str) -> str:
    """Lower-case, «ё» as «е», single spaces: how venues are compared and text is searched."""
    return " ".join(value.lower().replace("ё", "е").split())


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "Draft")
    PENDING = "pending", pgettext_lazy("event status", "Awaiting moderation")
    PUBLISHED = "published", pgettext_lazy("event status", "Published")
    REJECTED = "rejected", pgettext_lazy("event status", "Rejected")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("event status", "Postponed")


class EventQuerySet(models.QuerySet["Event"]):
    def public(self) -> EventQuerySet:
        return self.filter(status__in=Event.PUBLIC_STATUSES)

    def overlapping(self, start: dt.datetime, end: dt.datetime) -> EventQuerySet:
        """Events that take place at some moment in [start, end); zero-length ones count at their start."""
        return self.filter(starts_at__lt=end).filter(Q(ends_at__gt=start) | Q(starts_at__gte=start))


class Event(models.Model):
    """A public event in Sevastopol: what, when, where, who organises it and whom it is for."""

    Status = EventStatus

    class Source(models.TextChoices):
        SUBMISSION = "submission", _("Submitted on the site")
        COORDINATOR = "coordinator", _("Entered by a coordinator")

    # Cancelled and postponed events stay on the calendar, marked, so nobody comes to a closed door.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.POSTPONED, Status.CANCELLED)
    # Without an organiser from the registry an event cannot be public: submissions may name a new one.
    UNMATCHED_ALLOWED = (Status.DRAFT, Status.PENDING, Status.REJECTED)
    # A change to any of these is a new version for subscribed calendars (a new SEQUENCE).
    CALENDAR_FIELDS = (
        "title",
        "description",
        "category_id",
        "format_id",
        "starts_at",
        "ends_at",
        "all_day",
        "venue",
        "address",
        "latitude",
        "longitude",
        "organiser_id",
        "age_rating",
        "registration_url",
        "capacity",
        "contact",
        "status",
        "cancellation_reason",
    )

    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(
        _("version for calendars"),
        default=0,
        editable=False,
        help_text=_("Grows with every change subscribers' calendars must pick up."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="events"
    )
    format = models.ForeignKey(
        EventFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="events"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("For exhibitions and campaigns that last whole days: times are not shown."),
    )
    venue = models.CharField(_("place"), max_length=300, help_text=_("For example: Малахов курган."))
    address = models.CharField(_("address"), max_length=500, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    organiser = models.ForeignKey(
        "projects.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_events",
    )
    organiser_name_submitted = models.CharField(
        _("organisation as typed by the submitter"),
        max_length=500,
        blank=True,
        help_text=_(
            "Not in the registry yet: find or add the organisation, then choose it as the organiser."
        ),
    )
    co_organisers = models.ManyToManyField(
        "projects.Organisation",
        verbose_name=_("co-organisers"),
        blank=True,
        related_name="co_organised_events",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    audiences = models.ManyToManyField(Audience, verbose_name=_("target audiences"), related_name="events")
    age_rating = models.CharField(_("age rating"), max_length=3, choices=AgeRating.choices)
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("number of places"), null=True, blank=True, help_text=_("Leave empty if there is no limit.")
    )
    contact = models.CharField(
        _("contact for participants"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the event page: a phone or e-mail to ask about the event."),
    )
    submitter_name = models.CharField(_("submitted by"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("submitter's e-mail"), blank=True)
    submitter_phone = models.CharField(_("submitter's phone"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.COORDINATOR, editable=False
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The decision the submitter has been told about: the mail task claims it, so two runs send one letter.
    decision_mailed = models.CharField(max_length=10, blank=True, editable=False)
    # When the coordinators were told of the submission: claimed the same way, so they get one letter.
    coordinators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    venue_key = models.CharField(max_length=300, editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "updated_at",
            "search_text",
            "venue_key",
            "decision_mailed",
            "coordinators_notified_at",
        ]
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The end cannot be earlier than the start."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="event_capacity_positive",
                violation_error_message=_("The number of places must be more than zero."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="event_rejection_has_reason",
                violation_error_message=_("Please give the reason for the rejection."),
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancellation_reason=""),
                name="event_cancellation_has_reason",
                violation_error_message=_("Please give the reason for the cancellation."),
            ),
            models.CheckConstraint(
                condition=Q(age_rating__in=AgeRating.values),
                name="event_age_rating_valid",
                violation_error_message=_("Please choose the age rating."),
            ),
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_status_valid"),
            models.CheckConstraint(
                condition=Q(organiser__isnull=False) | Q(status__in=["draft", "pending", "rejected"]),
                name="event_public_has_organiser",
                violation_error_message=_("A published event needs an organiser from the registry."),
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=False)
                | ~Q(status__in=["published", "postponed", "cancelled"]),
                name="event_public_has_published_at",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__isnull=False)
                    & Q(longitude__isnull=False)
                    & Q(latitude__gte=Decimal("-90"))
                    & Q(latitude__lte=Decimal("90"))
                    & Q(longitude__gte=Decimal("-180"))
                    & Q(longitude__lte=Decimal("180"))
                ),
                name="event_coordinates_valid",
                violation_error_message=_("Give both coordinates (latitude and longitude) or neither."),
            ),
            models.CheckConstraint(
                # Years 2000-2100 in any zone: year 1 or 9999 overflows in the feeds' time arithmetic.
                condition=Q(starts_at__gte=CALENDAR_FIRST_MOMENT) & Q(ends_at__lte=CALENDAR_LAST_MOMENT),
                name="event_within_calendar_years",
                violation_error_message=_(
                    "Please check the year: the calendar holds events from 2000 to 2100."
                ),
            ),
            models.CheckConstraint(condition=~Q(title=""), name="event_has_title"),
            models.CheckConstraint(condition=~Q(venue=""), name="event_has_venue"),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["status", "ends_at"]),
            models.Index(fields=["venue_key", "starts_at"]),
            models.Index(fields=["-published_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.venue_key = normalise_text(self.venue)
        self.search_text = normalise_text(" ".join((self.title, self.description, self.venue, self.address)))
        loaded = getattr(self, "_loaded", None)
        # Only events calendars have already seen need a new version; edits before publication do not.
        if loaded is not None and loaded["status"] in self.PUBLIC_STATUSES and self.calendar_changes():
            self.sequence = loaded["sequence"] + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "sequence", "venue_key", "search_text", "updated_at"}
        super().save(*args, **kwargs)
        self._remember_calendar_state()

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Event:
        instance = super().from_db(db, field_names, values)
        instance._remember_calendar_state()
        return instance

    def _remember_calendar_state(self) -> None:
        self._loaded = {name: getattr(self, name) for name in (*self.CALENDAR_FIELDS, "sequence")}

    def calendar_changes(self) -> list[str]:
        """The calendar fields changed since the event was loaded."""
        loaded = getattr(self, "_loaded", None)
        if loaded is None:
            return []
        return [name for name in self.CALENDAR_FIELDS if getattr(self, name) != loaded[name]]

    @property
    def ical_uid(self) -> str:
        return f"{self.uid}@{UID_DOMAIN}"

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.status == self.Status.POSTPONED

    @property
    def start_date(self) -> dt.date:
        return local_date(self.starts_at)

    @property
    def last_date(self) -> dt.date:
        """The last day the event takes place on (all-day ends are stored exclusive)."""
        if self.all_day and self.ends_at > self.starts_at:
            return local_date(self.ends_at - dt.timedelta(microseconds=1))
        return local_date(self.ends_at)

    @property
    def is_multi_day(self) -> bool:
        return self.last_date != self.start_date

    @property
    def has_end_time(self) -> bool:
        return not self.all_day and self.ends_at != self.starts_at

    def dates_on(self) -> list[dt.date]:
        """Every local day the event takes place on."""
        days = (self.last_date - self.start_date).days
        return [self.start_date + dt.timedelta(days=n) for n in range(days + 1)]

    def _postponements(self) -> list[EventPostponement]:
        # Reads the prefetched list when the selector prefetched it: no query per event on list pages.
        return sorted(self.postponements.all(), key=lambda p: (p.created_at, p.pk))

    @property
    def last_postponement(self) -> EventPostponement | None:
        found = self._postponements()
        return found[-1] if found else None

    @property
    def first_postponement(self) -> EventPostponement | None:
        found = self._postponements()
        return found[0] if found else None


class EventPostponement(models.Model):
    """A move of an event to new dates, with the reason and the contract change that allowed it."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="postponements"
    )
    old_starts_at = models.DateTimeField(_("was to start at"))
    old_ends_at = models.DateTimeField(_("was to end at"))
    old_all_day = models.BooleanField(_("was all day"), default=False)
    new_starts_at = models.DateTimeField(_("new start"))
    new_ends_at = models.DateTimeField(_("new end"))
    reason = models.TextField(_("reason"))
    contract_change = models.ForeignKey(
        "projects.ContractChange",
        verbose_name=_("contract change agreement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_postponements",
    )
    basis = models.CharField(
        _("basis"),
        max_length=500,
        blank=True,
        help_text=_(
            "For example: the Governor's decree of 12.10.2021 No. 78-УГ, agreement No. 2 of 01.11.2021."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("postponement")
        verbose_name_plural = _("postponements")
        constraints = [
            models.CheckConstraint(
                condition=Q(new_ends_at__gte=F("new_starts_at")),
                name="postponement_ends_after_start",
                violation_error_message=_("The end cannot be earlier than the start."),
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="postponement_has_reason",
                violation_error_message=_("Please give the reason for the postponement."),
            ),
        ]

    def __str__(self) -> str:
        return _("Postponed on %(date)s") % {"date": timezone.localtime(self.created_at).strftime("%d.%m.%Y")}

    @property
    def old_start_date(self) -> dt.date:
        return local_date(self.old_starts_at)


class EventSubmission(Event):
    """The moderation queue: events submitted on the site and waiting for a coordinator."""

    class Meta:
        proxy = True
        verbose_name = _("event awaiting moderation")
        verbose_name_plural = _("moderation queue")
