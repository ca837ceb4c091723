"""An execution report cannot predate the resolution it reports on: refused by the service and the admin."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from council import services
from council.models import DecisionItem, ExecutionReport, ExecutionStatus

CONTROL = "/admin/council/decisionitem/"


def _item(resolution) -> DecisionItem:
    return DecisionItem.objects.get(resolution=resolution, parent__isnull=True, position=2)


def test_the_service_refuses_a_report_dated_before_the_resolution(published, frozen_today):
    item = _item(published)
    with pytest.raises(ValidationError) as caught:
        services.decision_report_add(
            item=item, reported_on=dt.date(2021, 10, 20), text="Сделано заранее.", status=ExecutionStatus.DONE
        )
    assert "reported_on" in caught.value.message_dict
    assert not ExecutionReport.objects.filter(item=item).exists()
    item.refresh_from_db()
    assert item.done_on is None


def test_a_report_on_the_day_of_the_resolution_is_accepted(published, frozen_today):
    report = services.decision_report_add(
        item=_item(published), reported_on=dt.date(2021, 10, 21), text="Начато."
    )
    assert report.pk


def test_the_admin_shows_the_message_and_keeps_the_typed_values(secretary_client, published, frozen_today):
    item = _item(published)
    response = secretary_client.post(
        f"{CONTROL}{item.pk}/change/",
        {
            "reports-TOTAL_FORMS": "1",
            "reports-INITIAL_FORMS": "0",
            "reports-MIN_NUM_FORMS": "0",
            "reports-MAX_NUM_FORMS": "1000",
            "reports-0-reported_on": "01.01.0001",
            "reports-0-text": "Опечатка в годе.",
            "reports-0-status": ExecutionStatus.DONE,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "раньше даты резолюции" in html
    assert "Опечатка в годе." in html
    assert not ExecutionReport.objects.filter(item=item).exists()
