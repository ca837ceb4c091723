"""The funding report: money attracted by year and source, budget vs non-budget, by organisation and project,
the co-financing multiplier against a base period, and volunteers' hours as an in-kind contribution.

Every figure comes from projects.selectors, which aggregate in the database; this module only arranges them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from projects.models import SourceType
from projects.selectors import (
    BudgetSplit,
    cofinancing_multiplier,
    funding_budget_split,
    funding_budget_split_by_year,
    funding_totals_by_organisation,
    funding_totals_by_project,
    funding_totals_by_source,
    funding_totals_by_year,
    funding_totals_by_year_and_source,
    volunteer_hours_in_kind,
)
from projects.templatetags.projects_format import roubles
from reports.charts import Chart, Series
from reports.document import Column, Figure, ReportDocument, Section, Table
from reports.kinds.base import Progress, ReportKindBase, no_progress, year_param
from reports.models import ReportKind

# The comparison the founding resolution makes (2021 against the yearly average of 2017–2020): the form
# starts from it, because it is the figure the council quotes.
RESOLUTION_YEAR = 2021
RESOLUTION_BASE = (2017, 2020)
MAX_YEARS = 30
MILLION = Decimal(1_000_000)
ZERO = Decimal("0.00")
NOTHING = BudgetSplit(ZERO, ZERO)


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """Part of a whole in per cent, one decimal place; None when the whole is zero."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def years_label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


class FundingReport(ReportKindBase):
    key = ReportKind.FUNDING
    permission = "reports.order_funding"
    parameter_names = ("year_from", "year_to", "compare_year", "base_from", "base_to")

    @property
    def title(self) -> str:
        return str(ReportKind(self.key).label)

    def default_parameters(self, *, today: dt.date) -> dict[str, Any]:
        years = list(funding_totals_by_year())
        first = min(years[0], RESOLUTION_BASE[0]) if years else RESOLUTION_BASE[0]
        last = max(years[-1], RESOLUTION_YEAR) if years else today.year
        return {
            "year_from": first,
            "year_to": last,
            "compare_year": RESOLUTION_YEAR,
            "base_from": RESOLUTION_BASE[0],
            "base_to": RESOLUTION_BASE[1],
        }

    def clean_parameters(self, raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
        year_from = year_param(raw, "year_from", _("Years from"), today=today)
        year_to = year_param(raw, "year_to", _("Years to"), today=today)
        compare_year = year_param(raw, "compare_year", _("Year compared"), today=today)
        base_from = year_param(raw, "base_from", _("Base period from"), today=today)
        base_to = year_param(raw, "base_to", _("Base period to"), today=today)
        if year_from > year_to or base_from > base_to:
            raise ValidationError(_("A period of years must not end before it starts."), code="years")
        if year_to - year_from >= MAX_YEARS or base_to - base_from >= MAX_YEARS:
            raise ValidationError(_("Choose at most %(count)s years.") % {"count": MAX_YEARS}, code="years")
        if base_to >= compare_year:
            # The multiplier compares a year with the years before it; a later base period means nothing.
            raise ValidationError(_("The base period must end before the year compared."), code="base")
        return {
            "year_from": year_from,
            "year_to": year_to,
            "compare_year": compare_year,
            "base_from": base_from,
            "base_to": base_to,
        }

    def period_label(self, parameters: Mapping[str, Any]) -> str:
        return years_label(parameters["year_from"], parameters["year_to"])

    def file_stem(self, parameters: Mapping[str, Any]) -> str:
        return f"funding-{parameters['year_from']}-{parameters['year_to']}"

    def describe(self, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [
            (_("Years"), self.period_label(parameters)),
            (
                _("Co-financing multiplier"),
                _("%(year)s against the yearly average of budget money in %(base)s")
                % {
                    "year": parameters["compare_year"],
                    "base": years_label(parameters["base_from"], parameters["base_to"]),
                },
            ),
            (_("Volunteer hour valued at"), roubles(settings.VOLUNTEER_HOUR_RATE)),
        ]

    def build(
        self, parameters: Mapping[str, Any], *, generated_at: dt.datetime, progress: Progress = no_progress
    ) -> ReportDocument:
        years = list(range(parameters["year_from"], parameters["year_to"] + 1))
        base_years = list(range(parameters["base_from"], parameters["base_to"] + 1))
        compare_year = parameters["compare_year"]
        document = ReportDocument(
            title=self.title,
            period=self.period_label(parameters),
            generated_at=generated_at,
            parameters=self.describe(parameters),
        )

        split = funding_budget_split(years=years)
        split_by_year = funding_budget_split_by_year(years=years)
        progress(10)
        by_year_source = funding_totals_by_year_and_source(years=years)
        by_source = funding_totals_by_source(years=years)
        progress(25)
        cofinancing = cofinancing_multiplier(year=compare_year, base_years=base_years)
        base_split = funding_budget_split_by_year(years=base_years)
        progress(35)
        organisations = list(funding_totals_by_organisation(years=years))
        progress(50)
        projects = list(funding_totals_by_project(years=years).filter(total__gt=0))
        progress(65)
        in_kind = volunteer_hours_in_kind(years=years)
        in_kind_by_year = {year: volunteer_hours_in_kind(years=[year]) for year in years}
        progress(80)

        period = document.period
        multiplier = cofinancing.multiplier
        document.summary = [
            Figure(_("Attracted in %(years)s") % {"years": period}, split.total, "money"),
            Figure(_("of which budget money"), split.budget, "money"),
            Figure(_("of which non-budget money"), split.non_budget, "money"),
            Figure(_("Attracted in %(year)s") % {"year": compare_year}, cofinancing.year_total, "money"),
            Figure(
                _("Average yearly budget co-financing, %(base)s")
                % {"base": years_label(base_years[0], base_years[-1])},
                cofinancing.base_average,
                "money",
            ),
            Figure(
                _("Co-financing multiplier of %(year)s") % {"year": compare_year},
                multiplier,
                "times",
            ),
            Figure(_("Approved volunteer hours"), in_kind.hours, "number"),
            Figure(_("Their value as an in-kind contribution"), in_kind.value, "money"),
        ]
        if multiplier is not None:
            document.highlights.append(
                _(
                    "In %(year)s the projects attracted %(total)s: %(multiplier)s times the average yearly "
                    "budget co-financing of %(base)s (%(average)s)."
                )
                % {
                    "year": compare_year,
                    "total": roubles(cofinancing.year_total),
                    "multiplier": str(multiplier).replace(".", ","),
                    "base": years_label(base_years[0], base_years[-1]),
                    "average": roubles(cofinancing.base_average),
                }
            )
        document.highlights.append(
            _("Over %(years)s: %(total)s, of which budget money %(budget)s (%(share)s %%).")
            % {
                "years": period,
                "total": roubles(split.total),
                "budget": roubles(split.budget),
                "share": str(share(split.budget, split.total) or 0).replace(".", ","),
            }
        )

        document.sections = [
            self._by_year(years, split, split_by_year, by_year_source, by_source, cofinancing),
            self._cofinancing(compare_year, base_years, base_split, cofinancing),
            self._by_organisation(organisations, split),
            self._by_project(projects, split),
            self._in_kind(years, in_kind, in_kind_by_year),
        ]
        return document

    def _by_year(self, years, split, split_by_year, by_year_source, by_source, cofinancing) -> Section:
        order = {value: n for n, value in enumerate(SourceType.values)}
        sources = sorted(by_source, key=lambda s: order[s.source_type])
        per_year = {year: {t.source_type: t.total for t in totals} for year, totals in by_year_source.items()}
        source_table = Table(
            title=_("Money by year and source"),
            sheet=_("By year and source"),
            columns=[
                Column(_("Year"), "year"),
                *(Column(s.label, "money") for s in sources),
                Column(_("Total"), "money"),
            ],
            rows=[
                [
                    year,
                    *(per_year.get(year, {}).get(s.source_type, ZERO) for s in sources),
                    split_by_year.get(year, NOTHING).total,
                ]
                for year in years
            ],
            total=[_("Total"), *(s.total for s in sources), split.total],
        )
        split_table = Table(
            title=_("Budget and non-budget money"),
            sheet=_("Budget and non-budget"),
            columns=[
                Column(_("Year"), "year"),
                Column(_("Budget"), "money"),
                Column(_("Non-budget"), "money"),
                Column(_("Total"), "money"),
                Column(_("Budget share, %"), "percent"),
            ],
            rows=[
                [year, row.budget, row.non_budget, row.total, share(row.budget, row.total)]
                for year in years
                for row in [split_by_year.get(year, NOTHING)]
            ],
            total=[_("Total"), split.budget, split.non_budget, split.total, share(split.budget, split.total)],
            note=_("Budget money: federal grants, the regional and the municipal budgets."),
        )
        labels = [str(year) for year in years]
        stacked = Chart(
            kind="bar",
            title=_("Budget and non-budget money by year"),
            categories=labels,
            series=[
                Series(_("Budget"), [split_by_year.get(y, NOTHING).budget for y in years]),
                Series(_("Non-budget"), [split_by_year.get(y, NOTHING).non_budget for y in years]),
            ],
            unit=_("mln ₽"),
            scale=MILLION,
            stacked=True,
        )
        line = Chart(
            kind="line",
            title=_("Money attracted by year"),
            categories=labels,
            series=[Series(_("All money"), [split_by_year.get(y, NOTHING).total for y in years])],
            unit=_("mln ₽"),
            scale=MILLION,
            reference=(
                _("average yearly budget money, %(base)s")
                % {"base": years_label(cofinancing.base_years[0], cofinancing.base_years[-1])},
                cofinancing.base_average,
            ),
        )
        return Section(
            title=_("Money attracted by year"),
            charts=[stacked, line],
            tables=[source_table, split_table],
        )

    def _cofinancing(self, compare_year, base_years, base_split, cofinancing) -> Section:
        base = years_label(base_years[0], base_years[-1])
        table = Table(
            title=_("Budget co-financing in the base period %(base)s") % {"base": base},
            sheet=_("Co-financing"),
            columns=[Column(_("Year"), "year"), Column(_("Budget money"), "money")],
            rows=[[year, base_split.get(year, NOTHING).budget] for year in base_years],
            total=[_("Average per year"), cofinancing.base_average],
            note=_("Years of the base period without any money count as zeros."),
        )
        return Section(
            title=_("Co-financing multiplier"),
            lead=_("All money attracted in %(year)s divided by the average yearly budget money of %(base)s.")
            % {"year": compare_year, "base": base},
            figures=[
                Figure(_("Attracted in %(year)s") % {"year": compare_year}, cofinancing.year_total, "money"),
                Figure(
                    _("Average yearly budget money, %(base)s") % {"base": base},
                    cofinancing.base_average,
                    "money",
                ),
                Figure(_("Multiplier"), cofinancing.multiplier, "times"),
            ],
            charts=[
                Chart(
                    kind="bar",
                    title=_("Budget money in the base period and all money of %(year)s")
                    % {"year": compare_year},
                    categories=[*(str(y) for y in base_years), str(compare_year)],
                    series=[
                        Series(
                            _("Money"),
                            [
                                *(base_split.get(y, NOTHING).budget for y in base_years),
                                cofinancing.year_total,
                            ],
                        )
                    ],
                    unit=_("mln ₽"),
                    scale=MILLION,
                    reference=(_("average, %(base)s") % {"base": base}, cofinancing.base_average),
                )
            ],
            tables=[table],
        )

    def _by_organisation(self, organisations, split) -> Section:
        table = Table(
            title=_("Money by lead organisation"),
            sheet=_("By organisation"),
            columns=[
                Column(_("Organisation"), "text"),
                Column(_("Budget"), "money"),
                Column(_("Non-budget"), "money"),
                Column(_("Total"), "money"),
                Column(_("Share of all money, %"), "percent"),
            ],
            rows=[
                [org.short_name, org.budget, org.non_budget, org.total, share(org.total, split.total)]
                for org in organisations
            ],
            total=[
                _("Total"),
                split.budget,
                split.non_budget,
                split.total,
                Decimal(100) if split.total else None,
            ],
        )
        return Section(title=_("Money by organisation"), tables=[table])

    def _by_project(self, projects, split) -> Section:
        table = Table(
            title=_("Money by project"),
            sheet=_("By project"),
            columns=[
                Column(_("Project"), "text"),
                Column(_("Lead organisation"), "text"),
                Column(_("Years"), "text"),
                Column(_("Budget"), "money"),
                Column(_("Non-budget"), "money"),
                Column(_("Total"), "money"),
            ],
            rows=[
                [p.title, p.lead_organisation.short_name, p.years, p.budget, p.non_budget, p.total]
                for p in projects
            ],
            total=[_("Total"), "", "", split.budget, split.non_budget, split.total],
            note=_("Only projects that received money in the period."),
        )
        return Section(title=_("Money by project"), tables=[table])

    def _in_kind(self, years, in_kind, in_kind_by_year) -> Section:
        table = Table(
            title=_("Volunteer hours as an in-kind contribution"),
            sheet=_("In-kind hours"),
            columns=[
                Column(_("Year"), "year"),
                Column(_("Approved hours"), "number"),
                Column(_("Value"), "money"),
            ],
            rows=[[year, in_kind_by_year[year].hours, in_kind_by_year[year].value] for year in years],
            total=[_("Total"), in_kind.hours, in_kind.value],
            note=_("Hours approved by a coordinator, valued at %(rate)s per hour.")
            % {"rate": roubles(in_kind.rate)},
        )
        return Section(
            title=_("In-kind contribution of volunteers"),
            figures=[
                Figure(_("Approved volunteer hours"), in_kind.hours, "number"),
                Figure(_("Their value"), in_kind.value, "money"),
            ],
            charts=[
                Chart(
                    kind="bar",
                    title=_("Approved volunteer hours by year"),
                    categories=[str(y) for y in years],
                    series=[Series(_("Hours"), [in_kind_by_year[y].hours for y in years])],
                    unit=_("hours"),
                )
            ],
            tables=[table],
        )
