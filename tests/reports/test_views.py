"""/reports/: who may see and order what, the progress endpoint, downloads, and constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reports.models import ReportFormat, ReportKind, ReportRequest
from tests.factories import UserFactory
from tests.reports.conftest import FUNDING_PARAMETERS

pytestmark = pytest.mark.django_db

LIST = "/reports/"


def order_data(**overrides) -> dict[str, object]:
    return {"kind": ReportKind.FUNDING, "format": ReportFormat.PDF, **FUNDING_PARAMETERS, **overrides}


def test_the_url_names_live_in_the_reports_namespace():
    assert reverse("reports:list") == LIST
    assert reverse("reports:progress") == "/reports/progress/"
    assert reverse("reports:download", args=[7]) == "/reports/7/download/"


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert client.get(reverse("reports:progress"), {"id": 1}).status_code == 403
    assert client.get(reverse("reports:download", args=[1])).status_code == 403


def test_staff_without_a_role_are_refused():
    client = Client()
    client.force_login(UserFactory(username="intern"))
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, order_data()).status_code == 403


def test_a_coordinator_orders_a_funding_report_and_downloads_it(
    ledger, coordinator, coordinator_client, django_capture_on_commit_callbacks
):
    page = coordinator_client.get(LIST)
    assert page.status_code == 200
    kinds = [value for value, _label in page.context["form"].fields["kind"].choices]
    assert kinds == [ReportKind.FUNDING, ReportKind.ACTIVITY, ReportKind.EXECUTION]
    assert 'name="year_from"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(LIST, order_data(format=ReportFormat.XLSX))
    request = ReportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}#report-{request.pk}"
    assert request.ordered_by == coordinator
    assert request.parameters == FUNDING_PARAMETERS
    assert request.status == ReportRequest.Status.READY  # eager in tests, as in the embedded mode

    page = coordinator_client.get(LIST)
    body = page.content.decode()
    assert f'id="report-{request.pk}"' in body
    assert reverse("reports:download", args=[request.pk]) in body

    download = coordinator_client.get(reverse("reports:download", args=[request.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="funding-2019-2021-{request.pk}.xlsx"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_a_bad_period_is_shown_in_the_form(ledger, coordinator_client):
    response = coordinator_client.post(LIST, order_data(year_from=2022, year_to=2019))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ReportRequest.objects.exists()


def test_a_secretary_neither_sees_nor_orders_the_funding_report(secretary_client, make_request, coordinator):
    funding = make_request(ordered_by=coordinator)
    page = secretary_client.get(LIST)
    assert page.status_code == 200
    kinds = [value for value, _label in page.context["form"].fields["kind"].choices]
    assert ReportKind.FUNDING not in kinds
    assert funding not in page.context["recent"]

    response = secretary_client.post(LIST, order_data())
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert ReportRequest.objects.count() == 1

    progress = secretary_client.get(reverse("reports:progress"), {"id": funding.pk}).json()
    assert progress == {"reports": []}


def test_a_secretary_cannot_download_a_funding_report(ledger, secretary_client, make_request):
    from reports.services import report_generate

    request = make_request()
    report_generate(request_id=request.pk)
    assert secretary_client.get(reverse("reports:download", args=[request.pk])).status_code == 404


def test_the_progress_endpoint_reports_status_progress_and_the_download(
    ledger, coordinator_client, make_request
):
    from reports.services import report_generate

    running = make_request(status=ReportRequest.Status.RUNNING, started_at=timezone.now(), progress=40)
    ready = make_request()
    report_generate(request_id=ready.pk)
    failed = make_request(
        status=ReportRequest.Status.FAILED, error="Отчёт не сформирован.", finished_at=timezone.now()
    )
    response = coordinator_client.get(
        reverse("reports:progress"), {"id": [running.pk, ready.pk, failed.pk, 99999]}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    reports = {item["id"]: item for item in response.json()["reports"]}
    assert set(reports) == {running.pk, ready.pk, failed.pk}
    assert reports[running.pk] == {
        "id": running.pk,
        "status": "running",
        "status_label": "Формируется",
        "progress": 40,
        "finished": False,
    }
    assert reports[ready.pk]["progress"] == 100
    assert reports[ready.pk]["download_url"] == reverse("reports:download", args=[ready.pk])
    assert reports[ready.pk]["size_label"]
    assert reports[failed.pk]["error"] == "Отчёт не сформирован."
    assert coordinator_client.get(reverse("reports:progress"), {"id": "x"}).status_code == 400


def test_a_report_that_is_not_ready_cannot_be_downloaded(coordinator_client, make_request):
    queued = make_request()
    assert coordinator_client.get(reverse("reports:download", args=[queued.pk])).status_code == 404


def test_the_page_shows_progress_bars_and_the_script(coordinator_client, make_request, coordinator):
    make_request(
        ordered_by=coordinator, status=ReportRequest.Status.RUNNING, started_at=timezone.now(), progress=35
    )
    body = coordinator_client.get(LIST).content.decode()
    assert '<progress class="report-progress" max="100" value="35"' in body
    assert 'data-progress-url="/reports/progress/"' in body
    assert "/static/js/reports.js" in body
    assert "cdn" not in body.lower()


def _requests(count: int, coordinator, other) -> None:
    now = timezone.now()
    for n in range(count):
        ReportRequest.objects.create(
            kind=ReportKind.FUNDING,
            format=ReportFormat.PDF,
            parameters=FUNDING_PARAMETERS,
            ordered_by=coordinator if n % 2 else other,
            created_at=now - dt.timedelta(minutes=n),
        )


@pytest.mark.parametrize("count", [2, 40])
def test_the_page_needs_the_same_number_of_queries_for_few_or_many_reports(
    count, coordinator, coordinator_client, django_assert_max_num_queries
):
    other = UserFactory(username="other-coordinator")
    _requests(count, coordinator, other)
    coordinator_client.get(LIST)  # warm the session and permission caches like a second visit
    with django_assert_max_num_queries(9):
        response = coordinator_client.get(LIST)
    assert response.status_code == 200


def test_the_progress_endpoint_needs_one_query_for_the_requests(
    coordinator, coordinator_client, django_assert_max_num_queries
):
    other = UserFactory(username="other-coordinator")
    _requests(30, coordinator, other)
    ids = list(ReportRequest.objects.values_list("pk", flat=True))
    coordinator_client.get(reverse("reports:progress"), {"id": ids})
    with django_assert_max_num_queries(5):
        response = coordinator_client.get(reverse("reports:progress"), {"id": ids})
    assert len(response.json()["reports"]) == 30


def test_the_admin_log_follows_the_same_visibility(
    ledger, coordinator_client, secretary_client, make_request
):
    funding = make_request()
    execution = make_request(
        kind=ReportKind.EXECUTION, parameters={"adopted_from": "2021-01-01", "adopted_to": "2021-12-31"}
    )
    url = reverse("admin:reports_reportrequest_changelist")
    assert {r.pk for r in coordinator_client.get(url).context["cl"].result_list} == {funding.pk, execution.pk}
    assert {r.pk for r in secretary_client.get(url).context["cl"].result_list} == {execution.pk}
    assert (
        secretary_client.get(reverse("admin:reports_reportrequest_change", args=[funding.pk])).status_code
        == 302
    )
