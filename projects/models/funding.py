"""Money attracted by projects: each receipt with its source; budget or not follows from the source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models.projects import Project


class SourceType(models.TextChoices):
    FEDERAL_GRANT = "federal_grant", _("Federal grant")
    REGIONAL_BUDGET = "regional_budget", _("Regional budget")
    MUNICIPAL_BUDGET = "municipal_budget", _("Municipal budget")
    BUSINESS = "business", _("Business")
    DONATIONS = "donations", _("Charitable donations")
    OWN_FUNDS = "own_funds", _("Own funds")
    OTHER = "other", pgettext_lazy("funding source", "Other")


# Budget money is exactly these source types; the flag is derived from them and never stored.
BUDGET_SOURCES: frozenset[str] = frozenset(
    {SourceType.FEDERAL_GRANT, SourceType.REGIONAL_BUDGET, SourceType.MUNICIPAL_BUDGET}
)
BUDGET_Q = Q(source_type__in=sorted(BUDGET_SOURCES))


def is_budget_source(source_type: str) -> bool:
    """Return whether money from this source type is budget money."""
    return source_type in BUDGET_SOURCES


class FundingQuerySet(models.QuerySet["Funding"]):
    def budget(self) -> FundingQuerySet:
        return self.filter(BUDGET_Q)

    def non_budget(self) -> FundingQuerySet:
        return self.exclude(BUDGET_Q)

    def with_budget_flag(self) -> FundingQuerySet:
        """Annotate `is_budget_db`, computed by the database from the source type."""
        return self.annotate(
            is_budget_db=Case(
                When(BUDGET_Q, then=Value(True)), default=Value(False), output_field=models.BooleanField()
            )
        )


class Funding(models.Model):
    """Money a project received: from whom, how much, when, on which document."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="funding"
    )
    source_type = models.CharField(_("source type"), max_length=20, choices=SourceType.choices)
    source_name = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Who gave the money: a fund, a department, a company."),
    )
    amount = models.DecimalField(
        _("amount, roubles"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Roubles and kopecks, e.g. 1250000.50."),
        validators=[MinValueValidator(Decimal("0.01"), message=_("The amount must be more than zero."))],
    )
    received_on = models.DateField(_("date received"))
    document = models.CharField(
        _("document"),
        max_length=300,
        blank=True,
        help_text=_("Agreement, payment order or act, with its number."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    objects = FundingQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "pk"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=Decimal("0")),
                name="funding_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
            models.CheckConstraint(
                # A typo like 01.01.0001 or 9999 would put money into a year every report then shows.
                condition=Q(received_on__gte=dt.date(2000, 1, 1)) & Q(received_on__lte=dt.date(2100, 12, 31)),
                name="funding_received_within_2000_2100",
                violation_error_message=_("Please check the year received: from 2000 to 2100."),
            ),
        ]
        indexes = [models.Index(fields=["received_on"]), models.Index(fields=["source_type"])]

    def __str__(self) -> str:
        return f"{self.get_source_type_display()}: {self.amount} ₽ ({self.received_on:%d.%m.%Y})"

    @property
    def is_budget(self) -> bool:
        return is_budget_source(self.source_type)
