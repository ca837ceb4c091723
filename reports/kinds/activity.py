"""The activity report: volunteers (signups, status, districts, age bands), approved hours, projects by status
and area, continuity and scalability, events by category and audience, and indicators plan vs fact.

Every count comes from a database aggregate in reports.selectors.activity; this module arranges them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from projects.models import Project
from reports.charts import Chart, Series
from reports.document import Column, Figure, ReportDocument, Section, Table
from reports.kinds.base import (
    Progress,
    ReportKindBase,
    date_range_label,
    date_range_params,
    no_progress,
)
from reports.models import ReportKind
from reports.selectors import activity as q
from volunteers.models import District, Volunteer, local_today
from volunteers.selectors import AGE_BANDS

# Up to this many months the report counts by month, beyond it by year.
MONTHLY_UP_TO = 24


def months_between(date_from: dt.date, date_to: dt.date) -> int:
    return (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1


def steps(date_from: dt.date, date_to: dt.date, step: str) -> list[dt.date]:
    """The first days of every month (or year) the period touches, so empty ones show as zeros."""
    if step == "year":
        return [dt.date(year, 1, 1) for year in range(date_from.year, date_to.year + 1)]
    first = date_from.replace(day=1)
    result = []
    while first <= date_to:
        result.append(first)
        first = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return result


def percent(part: Decimal | int | None, whole: Decimal | int | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class ActivityReport(ReportKindBase):
    key = ReportKind.ACTIVITY
    permission = "reports.order_activity"
    parameter_names = ("date_from", "date_to")

    @property
    def title(self) -> str:
        return str(ReportKind(self.key).label)

    def default_parameters(self, *, today: dt.date) -> dict[str, Any]:
        return {"date_from": today.replace(month=1, day=1).isoformat(), "date_to": today.isoformat()}

    def clean_parameters(self, raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
        date_from, date_to = date_range_params(raw)
        return {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}

    def _dates(self, parameters: Mapping[str, Any]) -> tuple[dt.date, dt.date]:
        return dt.date.fromisoformat(parameters["date_from"]), dt.date.fromisoformat(parameters["date_to"])

    def period_label(self, parameters: Mapping[str, Any]) -> str:
        return date_range_label(*self._dates(parameters))

    def file_stem(self, parameters: Mapping[str, Any]) -> str:
        date_from, date_to = self._dates(parameters)
        return f"activity-{date_from:%Y%m%d}-{date_to:%Y%m%d}"

    def describe(self, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        _date_from, date_to = self._dates(parameters)
        return [
            (pgettext("report", "Period"), self.period_label(parameters)),
            (
                _("The registry"),
                _("volunteers entered by %(date)s, ages on that day")
                % {"date": f"{self._as_of(date_to):%d.%m.%Y}"},
            ),
        ]

    def _as_of(self, date_to: dt.date) -> dt.date:
        # Ages and statuses are today's; for a past period the ages are those at its end.
        return min(date_to, local_today())

    def build(
        self, parameters: Mapping[str, Any], *, generated_at: dt.datetime, progress: Progress = no_progress
    ) -> ReportDocument:
        date_from, date_to = self._dates(parameters)
        period = {"date_from": date_from, "date_to": date_to}
        step = "month" if months_between(date_from, date_to) <= MONTHLY_UP_TO else "year"
        document = ReportDocument(
            title=self.title,
            period=self.period_label(parameters),
            generated_at=generated_at,
            parameters=self.describe(parameters),
        )

        volunteers = self._volunteers(period, step, self._as_of(date_to))
        progress(25)
        hours_section, hours = self._hours(period, step)
        progress(40)
        projects_section, continuity = self._projects(period)
        progress(55)
        scaling = self._continuity(period, continuity)
        progress(65)
        events_section, events = self._events(period)
        progress(75)
        indicators_section, indicators = self._indicators(period)
        progress(85)
        document.sections = [
            volunteers,
            hours_section,
            projects_section,
            scaling,
            events_section,
            indicators_section,
        ]

        registry = volunteers.figures
        document.summary = [
            *registry,
            Figure(_("Volunteers who gave approved hours"), hours.volunteers, "int"),
            Figure(_("Approved volunteer hours"), hours.hours, "number"),
            Figure(_("Projects running in the period"), continuity.projects, "int"),
            Figure(_("Projects continuing earlier ones"), continuity.continuing, "int"),
            Figure(_("Regions where practices were taken up"), continuity.regions, "int"),
            Figure(_("Events on the calendar"), events.events, "int"),
            Figure(_("Indicators that reached the plan"), indicators.achieved, "int"),
        ]
        document.highlights.append(
            _(
                "In the period %(signups)s people joined the registry; %(volunteers)s volunteers gave "
                "%(hours)s approved hours to %(projects)s projects; the calendar held %(events)s events, "
                "%(patriotic)s of them patriotic."
            )
            % {
                "signups": registry[0].value,
                "volunteers": hours.volunteers,
                "hours": str(hours.hours.normalize()).replace(".", ","),
                "projects": hours.projects,
                "events": events.events,
                "patriotic": events.patriotic,
            }
        )
        return document

    # --- sections ---------------------------------------------------------------------------------------

    def _step_label(self, day: dt.date, step: str, *, short: bool = False) -> str:
        if step == "year":
            return str(day.year)
        return f"{day:%m.%Y}" if short else date_format(day, "F Y")

    def _volunteers(self, period: dict[str, dt.date], step: str, as_of: dt.date) -> Section:
        signups = q.volunteer_signups_by_month(step=step, **period)
        signups_total = q.volunteer_signups_total(**period)
        status = q.volunteer_status_counts(registered_by=as_of)
        districts, district_total = q.volunteers_by_district(registered_by=as_of)
        bands = q.volunteers_by_age_band(on=as_of)
        points = steps(period["date_from"], period["date_to"], step)
        step_column = Column(_("Month") if step == "month" else _("Year"), "text")

        signup_table = Table(
            title=_("New volunteers by month") if step == "month" else _("New volunteers by year"),
            sheet=_("New volunteers"),
            columns=[step_column, Column(_("New volunteers"), "int")],
            rows=[[self._step_label(day, step), signups.get(day, 0)] for day in points],
            total=[_("Total"), signups_total],
            note=_("People entered in the registry in the period, whether by signup or by a coordinator."),
        )
        status_table = Table(
            title=_("Volunteers by status"),
            sheet=_("Status"),
            columns=[
                Column(_("Status"), "text"),
                Column(_("Volunteers"), "int"),
                Column(_("Share, %"), "percent"),
            ],
            rows=[
                [label, status[value], percent(status[value], status["total"])]
                for value, label in Volunteer.Status.choices
            ],
            total=[_("Total"), status["total"], Decimal(100) if status["total"] else None],
            note=_(
                "Volunteers entered by %(date)s, with their current status; erased records are not counted."
            )
            % {"date": f"{as_of:%d.%m.%Y}"},
        )
        district_labels = dict(District.choices)
        district_table = Table(
            title=_("Volunteers by district"),
            sheet=_("Districts"),
            columns=[
                Column(_("District"), "text"),
                Column(_("In the registry"), "int"),
                Column(_("Active"), "int"),
            ],
            rows=[
                [str(district_labels.get(row.district, row.district)), row.total, row.active]
                for row in districts
            ],
            total=[_("Total"), district_total.total, district_total.active],
        )
        age_table = Table(
            title=_("Volunteers by age"),
            sheet=_("Age"),
            columns=[
                Column(_("Age"), "text"),
                Column(_("In the registry"), "int"),
                Column(_("Active"), "int"),
            ],
            rows=[
                [self._band_label(key), bands[key]["total"], bands[key]["active"]]
                for key, _y, _o in AGE_BANDS
            ],
            total=[_("Total"), bands[""]["total"], bands[""]["active"]],
            note=_("Age on %(date)s.") % {"date": f"{as_of:%d.%m.%Y}"},
        )
        return Section(
            title=_("Volunteers"),
            figures=[
                Figure(_("New volunteers in the period"), signups_total, "int"),
                Figure(_("Volunteers in the registry"), status["total"], "int"),
                Figure(_("Active volunteers"), status[Volunteer.Status.ACTIVE], "int"),
            ],
            charts=[
                Chart(
                    kind="bar",
                    integer=True,
                    title=signup_table.title,
                    categories=[self._step_label(day, step, short=True) for day in points],
                    series=[Series(_("New volunteers"), [signups.get(day, 0) for day in points])],
                ),
                Chart(
                    kind="bar",
                    integer=True,
                    title=_("Volunteers by age"),
                    categories=[row[0] for row in age_table.rows],
                    series=[
                        Series(_("In the registry"), [row[1] for row in age_table.rows]),
                        Series(_("Active"), [row[2] for row in age_table.rows]),
                    ],
                ),
            ],
            tables=[signup_table, status_table, district_table, age_table],
        )

    def _band_label(self, key: str) -> str:
        youngest, _dash, oldest = key.partition("-")
        if oldest:
            return _("%(youngest)s to %(oldest)s") % {"youngest": youngest, "oldest": oldest}
        return _("%(youngest)s and over") % {"youngest": key.rstrip("+")}

    def _hours(self, period: dict[str, dt.date], step: str) -> tuple[Section, q.HoursTotal]:
        total = q.approved_hours_total(**period)
        by_step = q.approved_hours_by_month(step=step, **period)
        by_project = q.approved_hours_by_project(**period)
        points = steps(period["date_from"], period["date_to"], step)
        zero = Decimal(0)
        by_month_table = Table(
            title=_("Approved hours by month") if step == "month" else _("Approved hours by year"),
            sheet=_("Hours by month") if step == "month" else _("Hours by year"),
            columns=[
                Column(_("Month") if step == "month" else _("Year"), "text"),
                Column(_("Hours"), "number"),
            ],
            rows=[[self._step_label(day, step), by_step.get(day, zero)] for day in points],
            total=[_("Total"), total.hours],
        )
        by_project_table = Table(
            title=_("Approved hours by project"),
            sheet=_("Hours by project"),
            columns=[
                Column(_("Project"), "text"),
                Column(_("Lead organisation"), "text"),
                Column(_("Volunteers"), "int"),
                Column(_("Hours"), "number"),
            ],
            rows=[[row["title"], row["organisation"], row["volunteers"], row["hours"]] for row in by_project],
            total=[_("Total"), "", total.volunteers, total.hours],
            note=_(
                "Only hours a coordinator has approved. "
                "A volunteer in several projects is counted once in the total."
            ),
        )
        section = Section(
            title=_("Volunteer hours"),
            figures=[
                Figure(_("Approved volunteer hours"), total.hours, "number"),
                Figure(_("Volunteers who gave approved hours"), total.volunteers, "int"),
                Figure(_("Projects they helped"), total.projects, "int"),
            ],
            charts=[
                Chart(
                    kind="line",
                    title=by_month_table.title,
                    categories=[self._step_label(day, step, short=True) for day in points],
                    series=[Series(_("Hours"), [by_step.get(day, zero) for day in points])],
                    unit=_("hours"),
                )
            ],
            tables=[by_month_table, by_project_table],
        )
        return section, total

    def _projects(self, period: dict[str, dt.date]) -> tuple[Section, q.ContinuityTotals]:
        by_status = q.projects_by_status(**period)
        by_area = q.projects_by_activity_area(**period)
        continuity = q.projects_continuity_totals(**period)
        status_table = Table(
            title=_("Projects by status"),
            sheet=_("Projects by status"),
            columns=[Column(_("Status"), "text"), Column(_("Projects"), "int")],
            rows=[[label, by_status.get(value, 0)] for value, label in Project.Status.choices],
            total=[_("Total"), continuity.projects],
            note=_("Projects whose period overlaps the report's period."),
        )
        area_table = Table(
            title=_("Projects by activity area"),
            sheet=_("Projects by area"),
            columns=[Column(_("Activity area"), "text"), Column(_("Projects"), "int")],
            rows=[[name, count] for name, count in by_area],
            note=_("A project working in several areas is counted in each, so there is no total."),
        )
        section = Section(
            title=_("Projects"),
            charts=[
                Chart(
                    kind="bar",
                    integer=True,
                    title=_("Projects by activity area"),
                    categories=[name for name, _count in by_area],
                    series=[Series(_("Projects"), [count for _name, count in by_area])],
                )
            ],
            tables=[status_table, area_table],
        )
        return section, continuity

    def _continuity(self, period: dict[str, dt.date], totals: q.ContinuityTotals) -> Section:
        continuing = list(q.projects_continuing(**period))
        regions = q.replication_by_region(**period)
        continuing_table = Table(
            title=_("Projects continuing earlier ones"),
            sheet=_("Continuity"),
            columns=[
                Column(_("Project"), "text"),
                Column(_("Years"), "text"),
                Column(_("Continues"), "text"),
                Column(_("Lead organisation"), "text"),
            ],
            rows=[
                [p.title, p.years, p.predecessor.title, p.lead_organisation.short_name] for p in continuing
            ],
        )
        region_table = Table(
            title=_("Regions that took up the practices"),
            sheet=_("Regions"),
            columns=[Column(_("Region"), "text"), Column(_("Practices taken up"), "int")],
            rows=[[name, count] for name, count in regions],
            total=[_("Regions in all"), totals.regions],
        )
        return Section(
            title=_("Continuity and scalability"),
            lead=_(
                "Continuity: projects that continue an earlier project. Scalability: practices recognised as "
                "best and taken up in other regions of Russia."
            ),
            figures=[
                Figure(_("Projects continuing earlier ones"), totals.continuing, "int"),
                Figure(_("Projects continued by later ones"), totals.continued, "int"),
                Figure(_("Best practices"), totals.best_practices, "int"),
                Figure(_("Projects taken up in other regions"), totals.replicated, "int"),
                Figure(
                    _("Share of continuing projects, %"),
                    percent(totals.continuing, totals.projects),
                    "percent",
                ),
                Figure(_("Regions where practices were taken up"), totals.regions, "int"),
            ],
            tables=[continuing_table, region_table],
        )

    def _events(self, period: dict[str, dt.date]) -> tuple[Section, q.EventTotals]:
        totals = q.events_totals(**period)
        by_category = q.events_by_category(**period)
        by_audience = q.events_by_audience(**period)
        category_table = Table(
            title=_("Events by category"),
            sheet=_("Events by category"),
            columns=[Column(pgettext("report", "Category"), "text"), Column(_("Events"), "int")],
            rows=[[name, count] for name, count in by_category],
            total=[_("Total"), totals.events],
            note=_("Events on the public calendar, postponed and cancelled ones included."),
        )
        audience_table = Table(
            title=_("Events by target audience"),
            sheet=_("Events by audience"),
            columns=[Column(_("Target audience"), "text"), Column(_("Events"), "int")],
            rows=[[name, count] for name, count in by_audience],
            note=_("An event for several audiences is counted for each, so there is no total."),
        )
        section = Section(
            title=_("Events"),
            figures=[
                Figure(_("Events on the calendar"), totals.events, "int"),
                Figure(_("Patriotic events"), totals.patriotic, "int"),
                Figure(_("Postponed"), totals.postponed, "int"),
                Figure(_("Cancelled"), totals.cancelled, "int"),
            ],
            charts=[
                Chart(
                    kind="bar",
                    integer=True,
                    title=_("Events by target audience"),
                    categories=[name for name, _count in by_audience],
                    series=[Series(_("Events"), [count for _name, count in by_audience])],
                )
            ],
            tables=[category_table, audience_table],
        )
        return section, totals

    def _indicators(self, period: dict[str, dt.date]) -> tuple[Section, q.IndicatorTotals]:
        totals = q.indicators_totals(**period)
        rows = [
            [
                indicator.project.title,
                indicator.name,
                indicator.unit,
                indicator.planned_value,
                indicator.actual,
                percent(indicator.actual, indicator.planned_value),
            ]
            for indicator in q.indicators_plan_fact(**period)
        ]
        table = Table(
            title=_("Indicators: plan and fact"),
            sheet=_("Indicators"),
            columns=[
                Column(_("Project"), "text"),
                Column(_("Indicator"), "text"),
                Column(_("Unit"), "text"),
                Column(_("Plan"), "number"),
                Column(_("Fact"), "number"),
                Column(_("Done, %"), "percent"),
            ],
            rows=rows,
            note=_("The fact is the latest value reported by the end of the period."),
        )
        section = Section(
            title=_("Indicators: plan and fact"),
            figures=[
                Figure(_("Indicators"), totals.indicators, "int"),
                Figure(_("With a reported value"), totals.reported, "int"),
                Figure(_("Indicators that reached the plan"), totals.achieved, "int"),
            ],
            tables=[table],
        )
        return section, totals
