"""The execution report against decisions counted by hand, on the council's own rule for «overdue»."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from council.models import ExecutionStatus
from reports.kinds import get_kind
from reports.models import ReportKind, ReportRequest
from reports.renderers import ReportPdfRenderer, ReportXlsxRenderer
from tests.council.factories import DecisionItemFactory, ResolutionFactory, mark_published
from tests.projects.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

D = Decimal
PERIOD = {"adopted_from": "2021-01-01", "adopted_to": "2021-12-31"}
# Execution is counted as of the day the report is generated (25.11.2026 in Sevastopol).
GENERATED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def decisions(db):
    alpha = OrganisationFactory(short_name="АНО «Альфа»")
    beta = OrganisationFactory(short_name="ТОС «Бета»")
    resolution = ResolutionFactory(number="1", adopted_on=dt.date(2021, 10, 21))
    S = ExecutionStatus
    DecisionItemFactory(  # done by the due date
        resolution=resolution,
        position=1,
        status=S.DONE,
        due_date=dt.date(2022, 3, 1),
        done_on=dt.date(2022, 2, 20),
        responsible_organisations=[alpha],
    )
    DecisionItemFactory(  # done late
        resolution=resolution,
        position=2,
        status=S.DONE,
        due_date=dt.date(2022, 3, 1),
        done_on=dt.date(2022, 4, 1),
        responsible_organisations=[alpha, beta],
    )
    late = DecisionItemFactory(  # overdue since 01.01.2022
        resolution=resolution,
        position=3,
        status=S.IN_PROGRESS,
        due_date=dt.date(2022, 1, 1),
        responsible_organisations=[beta],
    )
    DecisionItemFactory(  # a sub-item without a due date: never overdue
        resolution=resolution,
        parent=late,
        position=1,
        status=S.NOT_STARTED,
        due_date=None,
        responsible_organisations=[beta],
    )
    DecisionItemFactory(  # not due yet, assigned in words only
        resolution=resolution,
        position=4,
        status=S.NOT_STARTED,
        due_date=dt.date(2027, 1, 1),
        responsible_note="руководители социальных проектов",
    )
    DecisionItemFactory(  # removed from control
        resolution=resolution,
        position=5,
        status=S.WITHDRAWN,
        due_date=dt.date(2022, 1, 1),
        responsible_organisations=[alpha],
    )
    DecisionItemFactory(
        resolution=resolution, position=6, on_control=False, text="Приветствовать создание центра."
    )
    mark_published(resolution)

    earlier = ResolutionFactory(number="7", adopted_on=dt.date(2020, 5, 1))  # adopted before the period
    DecisionItemFactory(
        resolution=earlier, position=1, due_date=dt.date(2020, 6, 1), responsible_organisations=[beta]
    )
    mark_published(earlier)
    draft = ResolutionFactory(number="9", adopted_on=dt.date(2021, 11, 1))  # never published: not in force
    DecisionItemFactory(resolution=draft, position=1, due_date=dt.date(2021, 12, 1))
    return resolution


def build():
    with translation.override("ru"):
        return get_kind("execution").build(PERIOD, generated_at=GENERATED)


def test_decisions_by_status_on_time_and_overdue(decisions):
    document = build()
    assert [f.value for f in document.summary] == [5, 2, 1, 1, D("40.0"), D("20.0")]
    by_status, by_resolution, by_organisation, overdue = document.tables
    assert [row[:2] for row in by_status.rows] == [
        ["Просрочено", 1],
        ["В работе", 0],
        ["Не начато", 2],
        ["Выполнено", 2],
        ["Снято с контроля", 1],
    ]
    assert by_status.total[1] == 6
    assert by_resolution.rows == [[str(decisions), 5, 2, 1, 1]]
    assert by_resolution.total[1:] == [5, 2, 1, 1]
    assert by_organisation.rows == [
        ["ТОС «Бета»", 3, 1, 0, 1],
        ["АНО «Альфа»", 2, 2, 1, 0],
        ["Нет организации из реестра", 1, 0, 0, 0],
    ]
    assert [(row[1], row[4], row[5]) for row in overdue.rows] == [("3", "01.01.2022", 1789)]
    assert overdue.rows[0][3] == "ТОС «Бета»"


def test_pdf_and_xlsx_of_the_execution_report(decisions):
    document = build()
    with translation.override("ru"):
        pdf = ReportPdfRenderer().render(document=document)
        xlsx = ReportXlsxRenderer().render(document=document)
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Исполнение решений Координационного совета" in text
    assert "25.11.2026" in text
    assert "ТОС «Бета»" in text and "1 789" in text
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[1]
    assert sheet.freeze_panes == "A3"
    totals = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0] == "Итого"]
    assert totals == [("Итого", 6, 1)]


def test_a_secretary_orders_the_execution_report_and_downloads_it(
    decisions, secretary, secretary_client, django_capture_on_commit_callbacks
):
    page = secretary_client.get("/reports/")
    kinds = [value for value, _label in page.context["form"].fields["kind"].choices]
    assert kinds == [ReportKind.EXECUTION]
    body = page.content.decode()
    assert 'name="adopted_from"' in body and 'name="year_from"' not in body
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(
            "/reports/", {"kind": ReportKind.EXECUTION, "format": "pdf", **PERIOD}
        )
    assert response.status_code == 302
    request = ReportRequest.objects.get()
    assert (request.kind, request.ordered_by, request.status) == (
        ReportKind.EXECUTION,
        secretary,
        ReportRequest.Status.READY,
    )
    download = secretary_client.get(reverse("reports:download", args=[request.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
