"""The volunteer registry: volunteers of 55+, their skills, and consent to personal-data processing."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import models
from django.db.models.functions import Length, Lower
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

MIN_AGE = 55
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    """Return the full years a person born on date_of_birth has on day."""
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def local_today() -> dt.date:
    """Today's date in Sevastopol, whatever the server's clock zone."""
    return timezone.localdate()


class District(models.TextChoices):
    GAGARINSKY = "gagarinsky", _("Gagarinsky district")
    LENINSKY = "leninsky", _("Leninsky district")
    NAKHIMOVSKY = "nakhimovsky", _("Nakhimovsky district")
    BALAKLAVSKY = "balaklavsky", _("Balaklavsky district")
    OTHER = "other", pgettext_lazy("district", "Other")


class Skill(models.Model):
    """A skill or field of knowledge a volunteer can share: one shared vocabulary."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.name


class VolunteerQuerySet(models.QuerySet["Volunteer"]):
    def born_between(self, earliest: dt.date | None, latest: dt.date | None) -> VolunteerQuerySet:
        qs = self
        if earliest:
            qs = qs.filter(date_of_birth__gte=earliest)
        if latest:
            qs = qs.filter(date_of_birth__lte=latest)
        return qs

    def not_anonymised(self) -> VolunteerQuerySet:
        return self.filter(anonymised_at__isnull=True)


class Volunteer(models.Model):
    """A person of 55+ who volunteers with the centre, or has applied to."""

    class Status(models.TextChoices):
        APPLIED = "applied", pgettext_lazy("volunteer status", "Application")
        VERIFIED = "verified", pgettext_lazy("volunteer status", "Verified")
        ACTIVE = "active", pgettext_lazy("volunteer status", "Active")
        INACTIVE = "inactive", pgettext_lazy("volunteer status", "Inactive")

    class Source(models.TextChoices):
        SIGNUP = "signup", _("Signup page")
        COORDINATOR = "coordinator", _("Entered by a coordinator")

    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # NULL, not "", for a missing phone or e-mail: the unique constraints must not treat absences as equal.
    phone = models.CharField(  # noqa: DJ001
        _("phone"), max_length=12, null=True, blank=True, help_text=_("Stored as +7XXXXXXXXXX.")
    )
    email = models.EmailField(_("e-mail"), null=True, blank=True)  # noqa: DJ001
    district = models.CharField(_("district"), max_length=20, choices=District.choices)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="volunteers")
    about = models.TextField(
        _("experience and knowledge to share"),
        blank=True,
        help_text=_("What the person can teach or pass on to others."),
    )
    affiliation = models.CharField(
        _("organisation or group"),
        max_length=255,
        blank=True,
        help_text=_("НКО, ТОС, initiative group, or empty for an active resident."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.COORDINATOR)
    confirmation_sent_at = models.DateTimeField(_("confirmation e-mail sent at"), null=True, blank=True)
    coordinators_notified_at = models.DateTimeField(_("coordinators notified at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["confirmation_sent_at", "coordinators_notified_at", "updated_at"]
    )

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "patronymic", "pk"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [
            models.UniqueConstraint(fields=["phone"], name="volunteer_phone_unique"),
            models.UniqueConstraint(
                Lower("email"), condition=models.Q(email__isnull=False), name="volunteer_email_ci_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(phone__isnull=True)
                | (models.Q(phone__startswith="+7") & Exact(Length("phone"), 12)),
                name="volunteer_phone_normalised",
            ),
            models.CheckConstraint(
                condition=models.Q(date_of_birth__isnull=True)
                | models.Q(date_of_birth__gte=EARLIEST_BIRTH_DATE),
                name="volunteer_birth_after_1900",
            ),
            models.CheckConstraint(
                condition=models.Q(anonymised_at__isnull=False)
                | (models.Q(date_of_birth__isnull=False) & ~models.Q(last_name="")),
                name="volunteer_identified_unless_anonymised",
            ),
        ]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["district"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["-created_at"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    def age(self, on: dt.date | None = None) -> int | None:
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, on or local_today())

    def clean(self) -> None:
        from volunteers.validation import clean_volunteer_contacts

        clean_volunteer_contacts(self)


def consent_text_hash(*parts: str) -> str:
    return hashlib.sha256("\n\n".join(parts).encode("utf-8")).hexdigest()


class ConsentText(models.Model):
    """One version of the consent to personal-data processing (152-ФЗ), a document of its own."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    operator = models.TextField(
        _("operator"), help_text=_("Who processes the data: name, address, ИНН/ОГРН.")
    )
    purposes = models.TextField(_("purposes of processing"))
    data_list = models.TextField(_("personal data processed"))
    actions = models.TextField(_("actions with the data"))
    period = models.TextField(_("period of consent"))
    withdrawal = models.TextField(_("how to withdraw consent"))
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, editable=False)
    effective_from = models.DateTimeField(_("in force from"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")

    def __str__(self) -> str:
        return _("Consent, version %(version)s") % {"version": self.version}

    def save(self, *args: object, **kwargs: object) -> None:
        self.sha256 = self.compute_sha256()
        super().save(*args, **kwargs)

    def sections(self) -> list[tuple[str, str]]:
        """Return the sections of the text in reading order, each with its heading."""
        fields = ("operator", "purposes", "data_list", "actions", "period", "withdrawal")
        return [(self._meta.get_field(f).verbose_name, getattr(self, f)) for f in fields]

    def compute_sha256(self) -> str:
        return consent_text_hash(self.title, *(body for _heading, body in self.sections()))


class ConsentRecord(models.Model):
    """Proof that a person gave consent: which text, when, through which channel, from where."""

    class Channel(models.TextChoices):
        WEB = "web", _("Signup page")
        PAPER = "paper", _("Signed on paper")

    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="consents"
    )
    consent_text = models.ForeignKey(
        ConsentText, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="records"
    )
    text_version = models.PositiveIntegerField(_("text version"))
    text_sha256 = models.CharField(_("SHA-256 of the text"), max_length=64)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return _("Consent v%(version)s of %(when)s") % {
            "version": self.text_version,
            "when": timezone.localtime(self.given_at).strftime("%d.%m.%Y %H:%M"),
        }


class ConsentWithdrawal(models.Model):
    """A person's withdrawal of consent, recorded by a coordinator; anonymisation follows by the due time."""

    volunteer = models.OneToOneField(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="withdrawal"
    )
    received_on = models.DateField(_("withdrawal received on"))
    channel = models.CharField(_("how it was received"), max_length=255)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    anonymise_due_at = models.DateTimeField(_("anonymise by"))
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("consent withdrawal")
        verbose_name_plural = _("consent withdrawals")

    def __str__(self) -> str:
        return _("Withdrawal No. %(pk)s") % {"pk": self.pk}


class DeletionRecord(models.Model):
    """What was erased and when, kept after anonymisation without any personal data."""

    volunteer_ref = models.PositiveBigIntegerField(_("registry number"), unique=True)
    withdrawal = models.OneToOneField(
        ConsentWithdrawal,
        verbose_name=_("withdrawal"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deletion_record",
    )
    erased_fields = models.JSONField(_("erased fields"), default=list)
    history_rows_erased = models.PositiveIntegerField(_("history entries erased"), default=0)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("deletion record")
        verbose_name_plural = _("deletion records")

    def __str__(self) -> str:
        return _("Registry No. %(ref)s erased") % {"ref": self.volunteer_ref}
