"""The execution report: decisions of the council's resolutions by status, done on time, overdue, and by
responsible organisation. The council app decides what «overdue» means; this report counts with its rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import ExecutionState
from council.selectors import resolution_years
from reports.charts import Chart, Series
from reports.document import Column, Figure, ReportDocument, Section, Table
from reports.kinds.activity import percent
from reports.kinds.base import (
    EARLIEST_YEAR,
    Progress,
    ReportKindBase,
    date_param,
    date_range_label,
    no_progress,
)
from reports.models import ReportKind
from reports.selectors import execution as q

# The order states are listed in: what needs attention first.
STATE_ORDER = [
    ExecutionState.OVERDUE,
    ExecutionState.IN_PROGRESS,
    ExecutionState.NOT_STARTED,
    ExecutionState.DONE,
    ExecutionState.WITHDRAWN,
]


class ExecutionReport(ReportKindBase):
    key = ReportKind.EXECUTION
    # Ordering reports is enough: council secretaries order this one.
    permission = ""
    parameter_names = ("adopted_from", "adopted_to")

    @property
    def title(self) -> str:
        return str(ReportKind(self.key).label)

    def default_parameters(self, *, today: dt.date) -> dict[str, Any]:
        years = resolution_years()
        first = dt.date(max(min(years), EARLIEST_YEAR), 1, 1) if years else today.replace(month=1, day=1)
        return {"adopted_from": first.isoformat(), "adopted_to": today.isoformat()}

    def clean_parameters(self, raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
        date_from = date_param(raw, "adopted_from", _("Resolutions adopted from"))
        date_to = date_param(raw, "adopted_to", _("Resolutions adopted until"))
        if date_from > date_to:
            raise ValidationError(_("The period must not end before it starts."), code="period")
        # Years like 0001 or 9999 are typos; they would also print as nonsense on the title page.
        if date_from.year < EARLIEST_YEAR:
            raise ValidationError(
                _("The period cannot start before %(year)s.") % {"year": EARLIEST_YEAR}, code="period"
            )
        if date_to.year > today.year + 1:
            raise ValidationError(
                _("The period cannot end after %(year)s.") % {"year": today.year + 1}, code="period"
            )
        return {"adopted_from": date_from.isoformat(), "adopted_to": date_to.isoformat()}

    def _dates(self, parameters: Mapping[str, Any]) -> tuple[dt.date, dt.date]:
        return dt.date.fromisoformat(parameters["adopted_from"]), dt.date.fromisoformat(
            parameters["adopted_to"]
        )

    def period_label(self, parameters: Mapping[str, Any]) -> str:
        return date_range_label(*self._dates(parameters))

    def file_stem(self, parameters: Mapping[str, Any]) -> str:
        date_from, date_to = self._dates(parameters)
        return f"execution-{date_from:%Y%m%d}-{date_to:%Y%m%d}"

    def describe(self, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(_("Resolutions adopted"), self.period_label(parameters))]

    def build(
        self, parameters: Mapping[str, Any], *, generated_at: dt.datetime, progress: Progress = no_progress
    ) -> ReportDocument:
        date_from, date_to = self._dates(parameters)
        # Execution is as it stands on the day the report is made: «overdue» is counted against that day.
        today = timezone.localtime(generated_at).date()
        period = {"date_from": date_from, "date_to": date_to, "today": today}
        document = ReportDocument(
            title=self.title,
            period=self.period_label(parameters),
            generated_at=generated_at,
            parameters=[
                *self.describe(parameters),
                (_("Execution as of"), f"{today:%d.%m.%Y}"),
            ],
        )
        totals = q.execution_totals(**period)
        states = q.decisions_by_state(**period)
        progress(30)
        organisations = q.execution_by_organisation(**period)
        progress(50)
        resolutions = list(q.execution_by_resolution(**period))
        progress(65)
        overdue = list(q.decisions_overdue(**period))
        progress(85)

        document.summary = [
            Figure(_("Decisions under control"), totals.tracked, "int"),
            Figure(_("Done"), totals.done, "int"),
            Figure(_("Done on time"), totals.done_on_time, "int"),
            Figure(_("Overdue"), totals.overdue, "int"),
            Figure(_("Done, % of those under control"), percent(totals.done, totals.tracked), "percent"),
            Figure(
                _("Done on time, % of those under control"),
                percent(totals.done_on_time, totals.tracked),
                "percent",
            ),
        ]
        document.highlights.append(
            _(
                "Of %(tracked)s decisions under control %(done)s are done (%(on_time)s of them on time) and "
                "%(overdue)s are overdue as of %(date)s."
            )
            % {
                "tracked": totals.tracked,
                "done": totals.done,
                "on_time": totals.done_on_time,
                "overdue": totals.overdue,
                "date": f"{today:%d.%m.%Y}",
            }
        )
        labels = dict(ExecutionState.choices)
        state_table = Table(
            title=_("Decisions by execution status"),
            sheet=_("By status"),
            columns=[
                Column(_("Status"), "text"),
                Column(_("Decisions"), "int"),
                Column(_("Share, %"), "percent"),
            ],
            rows=[[str(labels[s]), states[s], percent(states[s], states["total"])] for s in STATE_ORDER],
            total=[_("Total"), states["total"], Decimal(100) if states["total"] else None],
            note=_(
                "Decisions and their sub-items on the control list. «Overdue»: not done and past the due "
                "date. Decisions removed from control are listed here but not counted as under control "
                "elsewhere."
            ),
        )
        organisation_table = Table(
            title=_("Execution by responsible organisation"),
            sheet=_("By organisation"),
            columns=[
                Column(_("Organisation"), "text"),
                Column(_("Under control"), "int"),
                Column(_("Done"), "int"),
                Column(_("Done on time"), "int"),
                Column(_("Overdue"), "int"),
            ],
            rows=[
                [
                    row["organisation"] or _("No organisation of the registry"),
                    row["tracked"],
                    row["done"],
                    row["done_on_time"],
                    row["overdue"],
                ]
                for row in organisations
            ],
            note=_(
                "A decision assigned to several organisations counts for each, so there is no total. "
                "«No organisation of the registry»: assigned to council members or named in words."
            ),
        )
        resolution_table = Table(
            title=_("Execution by resolution"),
            sheet=_("By resolution"),
            columns=[
                Column(_("Resolution"), "text"),
                Column(_("Under control"), "int"),
                Column(_("Done"), "int"),
                Column(_("Done on time"), "int"),
                Column(_("Overdue"), "int"),
            ],
            rows=[
                [str(r), r.items_tracked, r.items_done, r.items_done_on_time, r.items_overdue]
                for r in resolutions
            ],
            total=[_("Total"), totals.tracked, totals.done, totals.done_on_time, totals.overdue],
        )
        overdue_table = Table(
            title=_("Overdue decisions"),
            sheet=_("Overdue"),
            columns=[
                Column(_("Resolution"), "text"),
                Column(_("No."), "text"),
                Column(_("Decision"), "text"),
                Column(_("Responsible"), "text"),
                Column(_("Due date"), "text"),
                Column(_("Days overdue"), "int"),
            ],
            rows=[
                [
                    str(item.resolution),
                    item.decimal_number,
                    _shorten(item.text),
                    _responsible(item),
                    f"{item.due_date:%d.%m.%Y}",
                    (today - item.due_date).days,
                ]
                for item in overdue
            ],
        )
        chart_orgs = organisations[:12]
        document.sections = [
            Section(
                title=_("Decisions by status"),
                charts=[
                    Chart(
                        kind="bar",
                        integer=True,
                        title=_("Decisions by execution status"),
                        categories=[row[0] for row in state_table.rows],
                        series=[Series(_("Decisions"), [row[1] for row in state_table.rows])],
                    )
                ],
                tables=[state_table, resolution_table],
            ),
            Section(
                title=_("By responsible organisation"),
                charts=[
                    Chart(
                        kind="bar",
                        integer=True,
                        title=_("Done and overdue by organisation"),
                        categories=[row["organisation"] or "—" for row in chart_orgs],
                        series=[
                            Series(_("Done"), [row["done"] for row in chart_orgs]),
                            Series(_("Overdue"), [row["overdue"] for row in chart_orgs]),
                        ],
                    )
                ],
                tables=[organisation_table],
            ),
            Section(title=_("Overdue decisions"), tables=[overdue_table]),
        ]
        return document


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _responsible(item: Any) -> str:
    names = [org.short_name for org in item.responsible_organisations.all()]
    names += [member.short_name for member in item.responsible_members.all()]
    if item.responsible_note:
        names.append(item.responsible_note)
    return "; ".join(names)
