"""Turn a ReportDocument into bytes: PDF through a Django template and WeasyPrint, XLSX through openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from projects.pdf import PdfRenderer
from reports.document import Figure, ReportDocument, Table, Value, ValueKind

# Excel number formats: the rouble sign with the Russian locale tag, shown as «1 250 000,00 ₽».
ROUBLE_FORMAT = "#,##0.00 [$₽-419]"
NUMBER_FORMATS: dict[str, str] = {
    "year": "0",
    "int": "#,##0",
    "money": ROUBLE_FORMAT,
    "number": "#,##0.00",
    "percent": "0.0%",
    "times": '0.00"×"',
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
# Rows above the data on every table sheet: the title, then the column headers. Both stay frozen.
TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3


class ReportPdfRenderer(PdfRenderer):
    """A report as PDF: title page, key figures, then each section with its SVG charts and tables."""

    template_name = "reports/pdf/report.html"

    def render(self, *, document: ReportDocument) -> bytes:
        return self.render_bytes(
            {
                "document": document,
                "generated_at": timezone.localtime(document.generated_at),
                "site_name": settings.SITE_NAME,
                "site_address": settings.SITE_CONTACT_ADDRESS,
                "site_phone": settings.SITE_CONTACT_PHONE,
            }
        )


def _sheet_title(name: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name, and no two alike."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _cell_value(value: Value, kind: ValueKind) -> Value | float:
    """Numbers stay numbers; shares go in as fractions so the percent format shows them right."""
    if value is None:
        return None
    if kind == "percent":
        return Decimal(value) / 100  # type: ignore[arg-type]
    if kind == "text":
        return str(value)
    return value


class ReportXlsxRenderer:
    """A report as XLSX: a summary sheet, then one sheet per table with frozen title and header rows."""

    def render(self, *, document: ReportDocument) -> bytes:
        workbook = Workbook()
        taken: set[str] = set()
        summary = workbook.active
        summary.title = _sheet_title(pgettext("report sheet", "Summary"), taken)
        self._summary(summary, document)
        for table in document.tables:
            sheet = workbook.create_sheet(_sheet_title(table.sheet or table.title, taken))
            self._table(sheet, table)
        workbook.properties.title = f"{document.title}, {document.period}"
        workbook.properties.creator = str(settings.SITE_NAME)
        # openpyxl stores naive times as UTC; the same request gives the same metadata on a rerun.
        workbook.properties.created = document.generated_at.astimezone(dt.UTC).replace(tzinfo=None)
        workbook.properties.modified = workbook.properties.created
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    def _summary(self, sheet: Worksheet, document: ReportDocument) -> None:
        sheet["A1"] = document.title
        sheet["A1"].font = Font(bold=True, size=14)
        rows: list[tuple[str, str]] = [
            (pgettext("report", "Period"), document.period),
            (_("Generated"), timezone.localtime(document.generated_at).strftime("%d.%m.%Y %H:%M")),
            *document.parameters,
        ]
        row = 2
        for label, text in rows:
            sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
            sheet.cell(row=row, column=2, value=text)
            row += 1
        for line in document.highlights:
            row += 1
            sheet.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=False)
        row += 2
        header = row
        for column, label in enumerate((_("Indicator"), _("Value")), start=1):
            cell = sheet.cell(row=row, column=column, value=label)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        for figure in document.summary:
            row += 1
            self._figure(sheet, row, figure)
        sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
        sheet.column_dimensions["A"].width = 60
        sheet.column_dimensions["B"].width = 26

    def _figure(self, sheet: Worksheet, row: int, figure: Figure) -> None:
        sheet.cell(row=row, column=1, value=figure.label)
        cell = sheet.cell(row=row, column=2, value=_cell_value(figure.value, figure.kind))
        if figure.kind in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[figure.kind]

    def _table(self, sheet: Worksheet, table: Table) -> None:
        sheet.cell(row=TITLE_ROW, column=1, value=table.title).font = Font(bold=True, size=13)
        widths = [len(column.label) for column in table.columns]
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=HEADER_ROW, column=index, value=column.label)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row = FIRST_DATA_ROW
        body = [(values, False) for values in table.rows]
        if table.total is not None:
            body.append((table.total, True))
        for values, is_total in body:
            for index, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
                cell = sheet.cell(row=row, column=index, value=_cell_value(value, column.kind))
                if column.kind in NUMBER_FORMATS and isinstance(value, (int, Decimal)):
                    cell.number_format = NUMBER_FORMATS[column.kind]
                if is_total:
                    cell.font = Font(bold=True)
                    cell.fill = TOTAL_FILL
                shown = len(str(value)) if column.kind == "text" else len(f"{value}") + 4
                widths[index - 1] = max(widths[index - 1], shown)
            row += 1
        if table.note:
            sheet.cell(row=row + 1, column=1, value=table.note).font = Font(italic=True)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width + 2))
        sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=1)
