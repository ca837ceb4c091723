"""A report as data: sections of key figures, charts and tables that both the PDF and the XLSX render.

Builders fill these from the selectors; renderers never query the database, so a PDF and an XLSX of the
same request show the same figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from reports.charts import Chart

# How a value is shown: text as is, a year, whole numbers, money in roubles, quantities (hours), shares
# (a percent value, 0..100), multipliers («2,46×»).
ValueKind = Literal["text", "year", "int", "money", "number", "percent", "times"]
Value = str | int | Decimal | None


@dataclass(frozen=True)
class Column:
    label: str
    kind: ValueKind = "text"

    @property
    def is_numeric(self) -> bool:
        return self.kind != "text"


@dataclass
class Table:
    """A table with a header row, body rows and an optional totals row computed by the database."""

    title: str
    columns: list[Column]
    rows: list[list[Value]] = field(default_factory=list)
    total: list[Value] | None = None
    note: str = ""
    # The XLSX sheet name: short, unique within the workbook, without the characters Excel refuses.
    sheet: str = ""

    def cells(self, row: list[Value]) -> list[tuple[Value, ValueKind]]:
        """Pair each value of a row with its column's kind, for templates."""
        return [(value, column.kind) for value, column in zip(row, self.columns, strict=True)]

    @property
    def is_wide(self) -> bool:
        """Seven columns and more go on a landscape page of the PDF."""
        return len(self.columns) >= 7

    @property
    def is_compact(self) -> bool:
        return len(self.columns) <= 3

    @property
    def body(self) -> list[list[tuple[Value, ValueKind]]]:
        return [self.cells(row) for row in self.rows]

    @property
    def total_cells(self) -> list[tuple[Value, ValueKind]] | None:
        return self.cells(self.total) if self.total is not None else None


@dataclass(frozen=True)
class Figure:
    """A key figure of the summary: «Attracted in 2021 — 127 640 000 ₽»."""

    label: str
    value: Value
    kind: ValueKind = "int"
    note: str = ""


@dataclass
class Section:
    title: str
    lead: str = ""
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    period: str
    generated_at: dt.datetime
    summary: list[Figure] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    parameters: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]
