"""The registry of organisations: НКО, ТОС, religious and national associations, movements, departments."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.validation import normalise_number, validate_inn, validate_ogrn


class ActivityArea(models.Model):
    """An area of activity (education, health, patriotic upbringing...): one vocabulary for the portal."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("short code"), max_length=60, unique=True, help_text=_("Used in web addresses.")
    )
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("activity area")
        verbose_name_plural = _("activity areas")

    def __str__(self) -> str:
        return self.name


class LegalForm(models.TextChoices):
    ANO = "ano", _("Autonomous non-profit organisation (АНО)")
    PUBLIC = "public", _("Public organisation")
    RELIGIOUS = "religious", _("Religious organisation")
    NATIONAL = "national", _("National cultural association")
    TOS = "tos", _("Territorial public self-government (ТОС)")
    INITIATIVE = "initiative", _("Initiative group")
    MOVEMENT = "movement", _("Informal movement")
    GOVERNMENT = "government", _("Government body or institution")
    OTHER = "other", pgettext_lazy("legal form", "Other")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def departments(self) -> OrganisationQuerySet:
        return self.filter(is_government_department=True)

    def non_government(self) -> OrganisationQuerySet:
        return self.exclude(legal_form=LegalForm.GOVERNMENT)


class Organisation(models.Model):
    """An organisation that runs projects, partners in them, hosts events or sends people to the council."""

    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200, unique=True)
    legal_form = models.CharField(_("legal form"), max_length=12, choices=LegalForm.choices)
    # NULL, not "", when a number is absent: unique constraints must not treat absences as equal.
    inn = models.CharField(  # noqa: DJ001
        _("ИНН"),
        max_length=12,
        null=True,
        blank=True,
        validators=[validate_inn],
        help_text=_("10 or 12 digits."),
    )
    ogrn = models.CharField(  # noqa: DJ001
        _("ОГРН"),
        max_length=15,
        null=True,
        blank=True,
        validators=[validate_ogrn],
        help_text=_("13 or 15 digits."),
    )
    activity_areas = models.ManyToManyField(
        ActivityArea, verbose_name=_("activity areas"), blank=True, related_name="organisations"
    )
    description = models.TextField(_("about the organisation"), blank=True)
    head = models.CharField(_("head"), max_length=255, blank=True, help_text=_("Name and position."))
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_flagship_resource_centre = models.BooleanField(
        _("flagship resource centre"),
        default=False,
        help_text=_("The resource centre the Silver Centre belongs to; there is only one."),
    )
    is_government_department = models.BooleanField(
        _("government department"),
        default=False,
        help_text=_(
            "A department of the city government that takes part in council meetings and consultations."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["inn"],
                condition=models.Q(inn__isnull=False),
                name="organisation_inn_unique",
                violation_error_message=_("An organisation with this ИНН is already in the registry."),
            ),
            models.UniqueConstraint(
                fields=["ogrn"],
                condition=models.Q(ogrn__isnull=False),
                name="organisation_ogrn_unique",
                violation_error_message=_("An organisation with this ОГРН is already in the registry."),
            ),
            # The check digits are checked in Python; the database at least refuses anything but digits.
            models.CheckConstraint(
                condition=models.Q(inn__isnull=True) | models.Q(inn__regex=r"^([0-9]{10}|[0-9]{12})$"),
                name="organisation_inn_digits",
            ),
            models.CheckConstraint(
                condition=models.Q(ogrn__isnull=True) | models.Q(ogrn__regex=r"^([0-9]{13}|[0-9]{15})$"),
                name="organisation_ogrn_digits",
            ),
            models.UniqueConstraint(
                fields=["is_flagship_resource_centre"],
                condition=models.Q(is_flagship_resource_centre=True),
                name="organisation_one_flagship",
                violation_error_message=_(
                    "Another organisation is already marked as the flagship resource centre."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(is_government_department=False)
                | models.Q(legal_form=LegalForm.GOVERNMENT),
                name="organisation_department_is_government",
            ),
        ]
        indexes = [models.Index(fields=["legal_form"])]

    def __str__(self) -> str:
        return self.short_name

    def save(self, *args: object, **kwargs: object) -> None:
        # Services and the demo bypass full_clean; absences must still reach the database as NULL.
        self.inn = normalise_number(self.inn)
        self.ogrn = normalise_number(self.ogrn)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.inn = normalise_number(self.inn)
        self.ogrn = normalise_number(self.ogrn)
        if self.is_government_department and self.legal_form != LegalForm.GOVERNMENT:
            raise ValidationError(
                {"legal_form": _("A government department must have the legal form «government body».")}
            )


class VolunteerAffiliation(models.Model):
    """The organisation a volunteer comes from; people from no organisation keep the free-text field."""

    # Lives here, not in volunteers: the volunteer registry sits below projects and must not know about it.
    volunteer = models.OneToOneField(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="affiliation_link",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="volunteer_links"
    )
    position = models.CharField(_("position or role"), max_length=255, blank=True)
    since = models.DateField(_("member since"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("volunteer's organisation")
        verbose_name_plural = _("volunteers' organisations")

    def __str__(self) -> str:
        return str(self.organisation)
