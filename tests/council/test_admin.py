"""The secretaries' admin: preview, publish, new version, read-only published texts, execution control."""

import datetime as dt

import pytest

from council.models import DecisionItem, ExecutionReport, ExecutionStatus, Resolution

CHANGELIST = "/admin/council/resolution/"
CONTROL = "/admin/council/decisionitem/"


def change_url(resolution) -> str:
    return f"{CHANGELIST}{resolution.pk}/change/"


def test_the_secretary_previews_the_draft_pdf(secretary_client, draft):
    response = secretary_client.get(f"{CHANGELIST}{draft.pk}/preview.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.DRAFT and not draft.pdf


def test_the_secretary_publishes_from_the_admin(secretary_client, draft, django_capture_on_commit_callbacks):
    page = secretary_client.get(change_url(draft))
    assert page.context["can_publish"] is True
    confirm = secretary_client.get(f"{CHANGELIST}{draft.pk}/publish/")
    assert confirm.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(f"{CHANGELIST}{draft.pk}/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.PUBLISHED
    assert len(draft.pdf_sha256) == 64


def test_coordinators_read_but_never_publish(coordinator_client, draft):
    assert coordinator_client.get(CHANGELIST).status_code == 200
    page = coordinator_client.get(change_url(draft))
    assert page.status_code == 200
    assert page.context["can_publish"] is False
    assert not page.context["has_change_permission"]
    assert coordinator_client.get(f"{CHANGELIST}{draft.pk}/preview.pdf").status_code == 200
    assert coordinator_client.post(f"{CHANGELIST}{draft.pk}/publish/").status_code == 403
    assert (
        coordinator_client.post(f"{CHANGELIST}{draft.pk}/new-version/", {"correction_note": "x"}).status_code
        == 403
    )
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.DRAFT


def test_the_admin_shows_a_published_resolution_read_only_and_refuses_a_post(secretary_client, published):
    page = secretary_client.get(change_url(published))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert page.context["can_correct"] is True
    # Every inline of the text is read-only too.
    for formset in page.context["inline_admin_formsets"]:
        assert not formset.has_add_permission and not formset.has_change_permission
    response = secretary_client.post(
        change_url(published),
        {"meeting": published.meeting_id, "kind": "resolution", "number": "1", "title": "подменено"},
    )
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "заседания круглого стола учредителей Координационного совета"
    assert secretary_client.post(f"{CHANGELIST}{published.pk}/delete/", {"post": "yes"}).status_code == 403


def test_the_secretary_edits_a_draft_in_the_admin(secretary_client, draft):
    data = {
        "meeting": draft.meeting_id,
        "kind": "resolution",
        "number": "1",
        "adopted_on": "21.10.2021",
        "title": "заседания круглого стола (уточнено)",
        "preamble": draft.preamble,
        "decisions_intro": draft.decisions_intro,
        "subitem_style": "dash",
        "signed_by_chair": "",
        "signed_by_secretary": "",
        **management_forms(draft),
    }
    response = secretary_client.post(change_url(draft), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    draft.refresh_from_db()
    assert (draft.title, draft.subitem_style) == ("заседания круглого стола (уточнено)", "dash")


def management_forms(resolution) -> dict[str, str]:
    """The inline formsets as the admin renders them: existing rows unchanged, no new ones."""
    data: dict[str, str] = {}
    for prefix, rows in (
        ("findings", list(resolution.findings.order_by("position"))),
        ("decisions", list(resolution.decisions.order_by("pk"))),
    ):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": str(len(rows)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = str(row.pk)
            data[f"{prefix}-{i}-resolution"] = str(resolution.pk)
            data[f"{prefix}-{i}-position"] = str(row.position)
            data[f"{prefix}-{i}-text"] = row.text
            if prefix == "decisions":
                data[f"{prefix}-{i}-parent"] = str(row.parent_id or "")
                data[f"{prefix}-{i}-responsible_note"] = row.responsible_note
                data[f"{prefix}-{i}-due_date"] = row.due_date.strftime("%d.%m.%Y") if row.due_date else ""
                if row.on_control:
                    data[f"{prefix}-{i}-on_control"] = "on"
                for org in row.responsible_organisations.all():
                    data.setdefault(f"{prefix}-{i}-responsible_organisations", str(org.pk))
                for member in row.responsible_members.all():
                    data.setdefault(f"{prefix}-{i}-responsible_members", str(member.pk))
    return data


def test_new_version_from_the_admin_then_publish(
    secretary_client, published, django_capture_on_commit_callbacks
):
    form = secretary_client.get(f"{CHANGELIST}{published.pk}/new-version/")
    assert form.status_code == 200
    assert (
        secretary_client.post(f"{CHANGELIST}{published.pk}/new-version/", {"correction_note": ""}).status_code
        == 200
    )
    response = secretary_client.post(
        f"{CHANGELIST}{published.pk}/new-version/", {"correction_note": "Уточнён срок пункта 2."}
    )
    second = Resolution.objects.get(supersedes=published)
    assert response["Location"] == change_url(second)
    assert secretary_client.get(change_url(second)).context["has_change_permission"] is True
    with django_capture_on_commit_callbacks(execute=True):
        secretary_client.post(f"{CHANGELIST}{second.pk}/publish/")
    second.refresh_from_db()
    assert second.status == Resolution.Status.PUBLISHED
    # The corrected version can itself be corrected; the superseded one no longer can.
    assert secretary_client.get(change_url(published)).context["can_correct"] is False
    assert secretary_client.get(change_url(second)).context["can_correct"] is True


@pytest.fixture
def control(published, frozen_today):
    """The published founding-like resolution, seen on 25.11.2026: two of its decisions are overdue."""
    return published


def test_the_control_list_shows_open_decisions_overdue_first(secretary_client, control):
    response = secretary_client.get(CONTROL)
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert [row.decimal_number for row in rows] == ["2", "3.1", "3.2"]
    assert all(row.current_state == "overdue" for row in rows)
    assert "Просрочено" in response.content.decode()


def test_the_control_list_filters_by_organisation_and_state(secretary_client, control, league):
    rows = (
        secretary_client.get(CONTROL, {"responsible_organisations__id__exact": league.pk})
        .context["cl"]
        .result_list
    )
    assert [row.decimal_number for row in rows] == ["3.2"]
    assert list(secretary_client.get(CONTROL, {"state": "done"}).context["cl"].result_list) == []
    assert len(secretary_client.get(CONTROL, {"state": "all"}).context["cl"].result_list) == 3


def test_a_report_is_added_on_the_decision_page_through_the_service(secretary_client, secretary, control):
    item = DecisionItem.objects.get(resolution=control, parent__isnull=True, position=2)
    url = f"{CONTROL}{item.pk}/change/"
    assert secretary_client.get(url).status_code == 200
    response = secretary_client.post(
        url,
        {
            "reports-TOTAL_FORMS": "1",
            "reports-INITIAL_FORMS": "0",
            "reports-MIN_NUM_FORMS": "0",
            "reports-MAX_NUM_FORMS": "1000",
            "reports-0-reported_on": "20.11.2026",
            "reports-0-text": "Изменения договоров согласованы.",
            "reports-0-status": ExecutionStatus.DONE,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.done_on) == (ExecutionStatus.DONE, dt.date(2026, 11, 20))
    assert ExecutionReport.objects.get(item=item).author == secretary
    # Done decisions leave the default (open) list.
    rows = secretary_client.get(CONTROL).context["cl"].result_list
    assert item.pk not in [row.pk for row in rows]


def test_coordinators_see_execution_control_but_add_no_reports(coordinator_client, control):
    item = DecisionItem.objects.get(resolution=control, parent__isnull=True, position=2)
    assert coordinator_client.get(CONTROL).status_code == 200
    page = coordinator_client.get(f"{CONTROL}{item.pk}/change/")
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert coordinator_client.post(f"{CONTROL}{item.pk}/change/", {}).status_code == 403


def test_a_second_correction_is_refused_while_one_is_drafted(secretary_client, published):
    secretary_client.post(f"{CHANGELIST}{published.pk}/new-version/", {"correction_note": "Первая правка."})
    response = secretary_client.post(
        f"{CHANGELIST}{published.pk}/new-version/", {"correction_note": "Вторая правка."}, follow=True
    )
    assert Resolution.objects.filter(number="1").count() == 2
    assert "уже исправлена" in response.content.decode()
