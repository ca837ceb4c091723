"""The funding report against figures computed by hand, and the founding resolution's figures on the demo."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from projects import demo as projects_demo
from reports.kinds import get_kind
from reports.renderers import ROUBLE_FORMAT, ReportPdfRenderer, ReportXlsxRenderer
from tests.reports.conftest import FUNDING_PARAMETERS
from volunteers import demo as volunteers_demo

pytestmark = pytest.mark.django_db

D = Decimal
GENERATED = dt.datetime(2026, 11, 25, 19, 30, tzinfo=dt.UTC)


def build(parameters=FUNDING_PARAMETERS):
    with translation.override("ru"):
        return get_kind("funding").build(parameters, generated_at=GENERATED)


def figures(document) -> dict[str, Decimal | None]:
    return {figure.label: figure.value for figure in document.summary}


def table(document, title: str):
    return next(t for t in document.tables if t.title == title)


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    # Table cells wrap, and Russian number formatting groups thousands with no-break spaces.
    return " ".join(text.split())


def test_summary_figures_match_the_hand_computed_ledger(ledger):
    values = [figure.value for figure in build().summary]
    assert values == [
        D("1120000.50"),  # all money 2019–2021
        D("1050000.00"),  # budget
        D("70000.50"),  # non-budget
        D("700000.50"),  # 2021
        D("200000.00"),  # (100 000 + 300 000) / 2
        D("3.50"),  # 700 000.50 / 200 000
        D("7.50"),  # approved hours only
        D("1875.00"),  # 7.5 h × 250 ₽
    ]


def test_tables_by_year_source_organisation_and_project(ledger):
    with translation.override("ru"):
        document = build()
        by_source = table(document, "Средства по годам и источникам")
    assert [c.label for c in by_source.columns] == [
        "Год",
        "Федеральный грант",
        "Региональный бюджет",
        "Муниципальный бюджет",
        "Бизнес",
        "Благотворительные пожертвования",
        "Итого",
    ]
    assert by_source.rows == [
        [2019, D("100000.00"), D("0.00"), D("0.00"), D("20000.00"), D("0.00"), D("120000.00")],
        [2020, D("0.00"), D("300000.00"), D("0.00"), D("0.00"), D("0.00"), D("300000.00")],
        [2021, D("500000.00"), D("0.00"), D("150000.00"), D("0.00"), D("50000.50"), D("700000.50")],
    ]
    assert by_source.total[1:] == [
        D("600000.00"),
        D("300000.00"),
        D("150000.00"),
        D("20000.00"),
        D("50000.50"),
        D("1120000.50"),
    ]

    by_org = document.tables[3]
    assert [row[:4] for row in by_org.rows] == [
        ["АНО «Заря»", D("600000.00"), D("20000.00"), D("620000.00")],
        ["ТОС «Маяк»", D("450000.00"), D("50000.50"), D("500000.50")],
    ]
    assert by_org.total[1:4] == [D("1050000.00"), D("70000.50"), D("1120000.50")]

    by_project = document.tables[4]
    # The project without money is left out; the 2018 receipt is outside the period.
    assert [(row[0], row[5]) for row in by_project.rows] == [
        ("Уроки мужества", D("620000.00")),
        ("Прогулки памяти", D("500000.50")),
    ]

    cofinancing = document.tables[2]
    assert cofinancing.rows == [[2019, D("100000.00")], [2020, D("300000.00")]]
    assert cofinancing.total[1] == D("200000.00")

    in_kind = document.tables[5]
    assert in_kind.rows == [
        [2019, D("0.00"), D("0.00")],
        [2020, D("0.00"), D("0.00")],
        [2021, D("7.50"), D("1875.00")],
    ]


def test_a_base_year_without_money_counts_as_zero(ledger):
    document = build({**FUNDING_PARAMETERS, "base_from": 2019, "base_to": 2022})
    # (100 000 + 300 000 + 650 000 + 0) / 4 = 262 500; 700 000.50 / 262 500 = 2.67
    assert figures(document)[document.summary[4].label] == D("262500.00")
    assert document.summary[5].value == D("2.67")


def test_parameters_are_checked(ledger):
    kind = get_kind("funding")
    today = dt.date(2026, 11, 25)
    assert (
        kind.clean_parameters({**FUNDING_PARAMETERS, "year_from": "2019"}, today=today) == FUNDING_PARAMETERS
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        kind.clean_parameters({**FUNDING_PARAMETERS, "year_from": 2022}, today=today)
    with pytest.raises(ValidationError):
        kind.clean_parameters({**FUNDING_PARAMETERS, "base_to": "soon"}, today=today)
    with pytest.raises(ValidationError):
        kind.clean_parameters({**FUNDING_PARAMETERS, "compare_year": 1990}, today=today)


def test_pdf_shows_the_totals_title_page_and_charts(ledger):
    document = build()
    with translation.override("ru"):
        content = ReportPdfRenderer().render(document=document)
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    title_page = " ".join(reader.pages[0].extract_text().split())
    assert "Финансирование социальных проектов" in title_page
    assert "2019–2021" in title_page
    # Generation time in Sevastopol (UTC+3).
    assert "25.11.2026 22:30" in title_page
    text = pdf_text(content)
    for total in (
        "1 120 000,50 ₽",
        "1 050 000 ₽",
        "70 000,50 ₽",
        "700 000,50 ₽",
        "200 000 ₽",
        "3,50×",
        "1 875 ₽",
    ):
        assert total in text, total
    assert "Уроки мужества" in text and "ТОС «Маяк»" in text
    # The charts are drawn as vector graphics in the page, not pictures fetched from anywhere.
    assert b"/Subtype /Image" not in content


def test_xlsx_holds_numbers_with_the_rouble_format_and_frozen_headers(ledger):
    document = build()
    with translation.override("ru"):
        content = ReportXlsxRenderer().render(document=document)
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames[0] == "Сводка"
    assert len(workbook.sheetnames) == 1 + len(document.tables)
    summary = workbook["Сводка"]
    values = {
        summary.cell(row=r, column=1).value: summary.cell(row=r, column=2)
        for r in range(1, summary.max_row + 1)
    }
    multiplier = values["Кратность софинансирования 2021 года"]
    assert multiplier.value == pytest.approx(3.5) and multiplier.number_format == '0.00"×"'

    sheet = workbook.worksheets[1]
    assert sheet.freeze_panes == "A3"
    assert sheet["A2"].value == "Год"
    assert [sheet.cell(row=3, column=c).value for c in (1, 2, 7)] == [2019, 100000, 120000]
    total_row = sheet.max_row
    assert sheet.cell(row=total_row, column=1).value == "Итого"
    grand_total = sheet.cell(row=total_row, column=7)
    assert isinstance(grand_total.value, (int, float)) and grand_total.value == pytest.approx(1120000.50)
    assert grand_total.number_format == ROUBLE_FORMAT
    for sheet in workbook.worksheets[1:]:
        assert sheet.freeze_panes == "A3", sheet.title
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                if cell.number_format == ROUBLE_FORMAT:
                    assert isinstance(cell.value, (int, float)), (sheet.title, cell.coordinate)

    shares = workbook.worksheets[2]
    assert shares.cell(row=3, column=5).value == pytest.approx(100000 / 120000, abs=0.001)
    assert shares.cell(row=3, column=5).number_format == "0.0%"


def test_demo_data_reproduces_the_founding_resolution(db):
    volunteers_demo.seed()
    projects_demo.seed()
    kind = get_kind("funding")
    parameters = kind.clean_parameters(
        kind.default_parameters(today=timezone.localdate()), today=timezone.localdate()
    )
    assert (parameters["compare_year"], parameters["base_from"], parameters["base_to"]) == (2021, 2017, 2020)
    document = build(parameters)
    attracted_2021, base_average, multiplier = (f.value for f in document.summary[3:6])
    assert attracted_2021 == D("127640000.00") and attracted_2021 > D("125000000")
    assert base_average == D("51875000.00")
    assert multiplier == D("2.46") and multiplier > D("2.2")
    with translation.override("ru"):
        text = pdf_text(ReportPdfRenderer().render(document=document))
    assert "127 640 000 ₽" in text
    assert "2,46×" in text
