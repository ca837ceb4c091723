"""/reports/: bad input gets a Russian message with the typed values kept; progress bars are named."""

from __future__ import annotations

import pytest

from reports.models import ReportFormat, ReportKind, ReportRequest
from tests.reports.conftest import FUNDING_PARAMETERS

pytestmark = pytest.mark.django_db

LIST = "/reports/"
PROGRESS = "/reports/progress/"


def order_data(**overrides) -> dict[str, object]:
    return {"kind": ReportKind.FUNDING, "format": ReportFormat.PDF, **FUNDING_PARAMETERS, **overrides}


def test_a_base_period_not_before_the_compared_year_is_refused(coordinator_client):
    data = order_data(compare_year=2019, base_from=2020, base_to=2021)
    response = coordinator_client.post(LIST, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Базовый период должен закончиться раньше сравниваемого года" in html
    assert 'name="base_from" value="2020"' in html  # the typed years stay
    assert not ReportRequest.objects.exists()


def test_the_compared_year_inside_the_base_period_is_refused(coordinator_client):
    coordinator_client.post(LIST, order_data(compare_year=2020, base_from=2019, base_to=2021))
    assert not ReportRequest.objects.exists()


@pytest.mark.parametrize(
    ("adopted_from", "adopted_to"), [("0001-01-01", "2021-12-31"), ("2021-01-01", "9999-12-31")]
)
def test_an_execution_report_for_ancient_or_far_future_dates_is_refused(
    coordinator_client, adopted_from, adopted_to
):
    data = {
        "kind": ReportKind.EXECUTION,
        "format": ReportFormat.XLSX,
        "adopted_from": adopted_from,
        "adopted_to": adopted_to,
    }
    response = coordinator_client.post(LIST, data)
    assert response.status_code == 200
    assert "Период" in response.content.decode()
    assert f'value="{adopted_from}"' in response.content.decode()
    assert not ReportRequest.objects.exists()


@pytest.mark.parametrize("value", ["99999999999999999999999", "-1", "0", "9223372036854775808"])
def test_the_progress_endpoint_ignores_ids_no_request_can_have(coordinator_client, make_request, value):
    report = make_request()
    response = coordinator_client.get(PROGRESS, {"id": [value, str(report.pk)]})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["reports"]] == [report.pk]


def test_the_progress_endpoint_explains_a_non_number_in_russian(coordinator_client):
    response = coordinator_client.get(PROGRESS, {"id": "abc"})
    assert response.status_code == 400
    assert "число" in response.json()["error"]


def test_each_progress_bar_is_named_by_its_report_for_screen_readers(
    coordinator, coordinator_client, make_request
):
    from django.utils import timezone

    running = make_request(
        ordered_by=coordinator, status=ReportRequest.Status.RUNNING, started_at=timezone.now(), progress=40
    )
    html = coordinator_client.get(LIST).content.decode()
    assert f'aria-labelledby="report-{running.pk}-title report-{running.pk}-status"' in html
    assert f'id="report-{running.pk}-title"' in html and f'id="report-{running.pk}-status"' in html
    assert 'aria-label="Прогресс"' not in html  # one name for every bar told nothing
