"""Social projects: period, grant competition, contract and its changes, partners, replication, indicators."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models.organisations import ActivityArea, Organisation


class Region(models.Model):
    """A region of Russia where a Sevastopol practice has been taken up."""

    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class ProjectQuerySet(models.QuerySet["Project"]):
    def public(self) -> ProjectQuerySet:
        return self.filter(is_public=True)

    def active_in_year(self, year: int) -> ProjectQuerySet:
        """Projects whose period overlaps the calendar year."""
        return self.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )


class Project(models.Model):
    """A social project run by an organisation, usually with a grant and with silver volunteers."""

    class Status(models.TextChoices):
        APPLICATION = "application", pgettext_lazy("project status", "Application")
        RUNNING = "running", pgettext_lazy("project status", "Running")
        COMPLETED = "completed", pgettext_lazy("project status", "Completed")
        REJECTED = "rejected", pgettext_lazy("project status", "Rejected")

    title = models.CharField(_("title"), max_length=300)
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="partner_projects"
    )
    activity_areas = models.ManyToManyField(
        ActivityArea, verbose_name=_("activity areas"), blank=True, related_name="projects"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.APPLICATION)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    competition = models.CharField(
        _("grant competition or programme"),
        max_length=300,
        blank=True,
        help_text=_("For example: the Presidential Grants Fund, second competition of 2021."),
    )
    competition_won = models.BooleanField(_("won the competition"), default=False)
    contract_number = models.CharField(_("contract or agreement No."), max_length=100, blank=True)
    contract_date = models.DateField(_("contract date"), null=True, blank=True)
    summary = models.CharField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for the list of projects."),
    )
    goals = models.TextField(_("goals and tasks"), blank=True)
    description = models.TextField(_("description"), blank=True)
    target_audience = models.TextField(_("target audience"), blank=True)
    replication_regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions where the practice is replicated"),
        through="Replication",
        blank=True,
        related_name="projects",
    )
    is_best_practice = models.BooleanField(
        _("best practice"),
        default=False,
        help_text=_("Recognised as a best practice to scale to other regions."),
    )
    is_public = models.BooleanField(
        _("shown on the site"),
        default=True,
        help_text=_("Untick to keep the project out of the public showcase."),
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("continues the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[partners, activity_areas])

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="project_ends_after_start",
                violation_error_message=_("The end date cannot be earlier than the start date."),
            ),
            models.CheckConstraint(
                condition=Q(predecessor__isnull=True) | ~Q(predecessor=F("pk")),
                name="project_not_own_predecessor",
                violation_error_message=_("A project cannot continue itself."),
            ),
        ]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["is_public", "-start_date"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])

    @property
    def years(self) -> str:
        """The period as years, e.g. «2019–2021» or «с 2022»."""
        start = self.start_date.year
        if self.end_date is None:
            return _("since %(year)s") % {"year": start}
        if self.end_date.year == start:
            return str(start)
        return f"{start}–{self.end_date.year}"


class Replication(models.Model):
    """A region that took up the project's practice, and when."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    note = models.CharField(_("who took it up"), max_length=300, blank=True)

    class Meta:
        ordering = ["region__name"]
        verbose_name = _("replication in a region")
        verbose_name_plural = _("replication in regions")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "region"],
                name="replication_unique_region",
                violation_error_message=_("This region is already listed for the project."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.region)


# The governor's decree that made projects move public events and amend their contracts.
DECREE_78_UG = "Указ Губернатора города Севастополя от 12.10.2021 № 78-УГ"


class ContractChange(models.Model):
    """A change agreement to the project's contract: its number, date and what it changed."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="contract_changes"
    )
    number = models.CharField(_("agreement No."), max_length=100)
    date = models.DateField(_("date"))
    what_changed = models.TextField(_("what changed"))
    reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        help_text=_("For example: the Governor's decree of 12.10.2021 No. 78-УГ."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "number"]
        verbose_name = _("contract change agreement")
        verbose_name_plural = _("contract change agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"],
                name="contract_change_unique_number",
                violation_error_message=_(
                    "An agreement with this number is already recorded for the project."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("Agreement No. %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.date.strftime("%d.%m.%Y"),
        }


class Indicator(models.Model):
    """A named indicator for monitoring and evaluation, with its planned value."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, help_text=_("For example: people, events, %."))
    planned_value = models.DecimalField(_("planned value"), max_digits=14, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["project", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="indicator_unique_name",
                violation_error_message=_("The project already has an indicator with this name."),
            ),
            models.CheckConstraint(
                condition=Q(planned_value__gte=0),
                name="indicator_plan_not_negative",
                violation_error_message=_("The planned value cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The actual value of an indicator as of a reporting date, counted from the start of the project."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    reported_on = models.DateField(_("reporting date"))
    value = models.DecimalField(_("actual value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "-reported_on"]
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "reported_on"],
                name="indicator_value_one_per_date",
                violation_error_message=_("A value for this date has already been reported."),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="indicator_value_not_negative",
                violation_error_message=_("The actual value cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} ({self.reported_on:%d.%m.%Y})"


class ExpertConsultation(models.Model):
    """A preliminary consultation or expert review a project asked of a city department."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="consultations"
    )
    department = models.ForeignKey(
        Organisation,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="consultations_given",
        limit_choices_to={"is_government_department": True},
    )
    request = models.TextField(_("what was asked"))
    requested_on = models.DateField(_("date of the request"))
    held_on = models.DateField(_("date of the consultation"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["-requested_on"]
        verbose_name = _("expert consultation")
        verbose_name_plural = _("expert consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(held_on__isnull=True) | Q(held_on__gte=F("requested_on")),
                name="consultation_held_after_request",
                violation_error_message=_("The consultation cannot take place before it was requested."),
            ),
        ]

    def __str__(self) -> str:
        return _("Consultation of %(date)s") % {"date": self.requested_on.strftime("%d.%m.%Y")}
