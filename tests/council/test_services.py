"""The resolution workflow: draft → publish → new version, immutability, and recording execution."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from council import services, tasks
from council.models import (
    DecisionItem,
    ExecutionReport,
    ExecutionStatus,
    Finding,
    Resolution,
    ResolutionLocked,
)
from tests.council.conftest import publish_now


def test_publishing_freezes_the_text_then_the_task_stores_the_pdf(draft, secretary):
    services.resolution_publish(resolution=draft, by=secretary, queue=False)
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.PUBLISHING
    assert draft.pdf_sha256 == ""
    # Signatories in office on the resolution's date are recorded when the text is frozen.
    assert draft.signed_by_chair.last_name == "Савченко"
    assert draft.signed_by_secretary.last_name == "Мельник"
    assert "125 млн" in draft.search_text

    assert services.resolution_publish_pdf(resolution_id=draft.pk) is True
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.PUBLISHED
    assert draft.published_by == secretary
    assert draft.published_at is not None
    assert draft.pdf.name.endswith(f"-v1-{draft.pdf_sha256[:12]}.pdf")


def test_the_checksum_stored_matches_the_file(published):
    with published.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-")
    assert hashlib.sha256(content).hexdigest() == published.pdf_sha256
    assert published.pdf_size == len(content)


def test_publishing_is_queued_after_commit_and_runs_once(
    draft, secretary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.resolution_publish(resolution=draft, by=secretary)
    assert len(callbacks) == 1
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.PUBLISHED
    first_file = draft.pdf.name
    # A second delivery of the same task (acks_late, a retry) finds it published and changes nothing.
    assert tasks.publish_resolution_pdf.delay(draft.pk).get() is False
    draft.refresh_from_db()
    assert draft.pdf.name == first_file


def test_only_secretaries_publish(draft, coordinator):
    with pytest.raises(PermissionDenied):
        services.resolution_publish(resolution=draft, by=coordinator)
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.DRAFT


def test_a_resolution_without_decisions_is_not_published(council, secretary):
    from tests.council.factories import ResolutionFactory

    empty = ResolutionFactory(meeting__council=council)
    with pytest.raises(services.PublishRefused):
        services.resolution_publish(resolution=empty, by=secretary)


def test_publishing_twice_is_refused(published, secretary):
    with pytest.raises(ResolutionLocked):
        services.resolution_publish(resolution=published, by=secretary)


def test_the_service_refuses_to_edit_a_published_resolution(published):
    with pytest.raises(ResolutionLocked):
        services.resolution_update(resolution=published, title="другое название")
    with pytest.raises(ResolutionLocked):
        services.finding_add(resolution=published, text="новый вывод")
    with pytest.raises(ResolutionLocked):
        services.decision_add(resolution=published, text="новое решение")
    published.refresh_from_db()
    assert published.title == "заседания круглого стола учредителей Координационного совета"


def test_the_models_refuse_to_rewrite_a_frozen_text(published):
    """Under the services, saving or deleting any part of a published text fails too."""
    published.title = "исправлено задним числом"
    with pytest.raises(ResolutionLocked):
        published.save()
    finding = Finding.objects.filter(resolution=published).first()
    finding.text = "исправлено"
    with pytest.raises(ResolutionLocked):
        finding.save()
    item = DecisionItem.objects.filter(resolution=published).first()
    item.text = "исправлено"
    with pytest.raises(ResolutionLocked):
        item.save()
    with pytest.raises(ResolutionLocked):
        item.delete()
    with pytest.raises(ResolutionLocked):
        Resolution.objects.get(pk=published.pk).delete()


def test_a_draft_can_be_edited(draft):
    services.resolution_update(resolution=draft, title="заседания Координационного совета")
    draft.refresh_from_db()
    assert draft.title == "заседания Координационного совета"


def test_new_version_copies_the_text_and_records_what_it_supersedes(published, secretary):
    second = services.resolution_new_version(
        resolution=published, by=secretary, note="Уточнён срок пункта 2."
    )
    assert second.status == Resolution.Status.DRAFT
    assert (second.version, second.supersedes_id, second.number) == (2, published.pk, "1")
    assert list(second.findings.values_list("text", flat=True)) == list(
        published.findings.values_list("text", flat=True)
    )
    old_items = DecisionItem.objects.filter(resolution=published).order_by("pk")
    new_items = DecisionItem.objects.filter(resolution=second).order_by("pk")
    assert [(i.parent and i.parent.position, i.position, i.text) for i in new_items] == [
        (i.parent and i.parent.position, i.position, i.text) for i in old_items
    ]
    assert {i.previous_id for i in new_items} == {i.pk for i in old_items}
    sub = new_items.filter(parent__isnull=False).first()
    assert sub.parent.resolution_id == second.pk
    assert list(sub.responsible_members.all()) == list(sub.previous.responsible_members.all())


def test_new_version_then_publish_supersedes_and_keeps_the_old_pdf(published, secretary):
    second = services.resolution_new_version(resolution=published, by=secretary, note="Исправлена опечатка.")
    item = DecisionItem.objects.get(resolution=second, parent__isnull=True, position=2)
    item.due_date = dt.date(2022, 2, 28)
    item.save()  # a draft's decision may be edited
    second = publish_now(second, by=secretary)
    assert second.status == Resolution.Status.PUBLISHED
    assert list(Resolution.objects.current()) == [second]
    old = Resolution.objects.get(pk=published.pk)
    assert old.status == Resolution.Status.PUBLISHED and old.pdf_sha256 == published.pdf_sha256
    assert old.pdf.storage.exists(old.pdf.name)
    assert second.pdf.name != old.pdf.name


def test_only_one_correction_at_a_time(published, secretary):
    services.resolution_new_version(resolution=published, by=secretary, note="Первая правка.")
    with pytest.raises(services.PublishRefused):
        services.resolution_new_version(resolution=published, by=secretary, note="Вторая правка.")


def test_a_draft_cannot_be_corrected_by_a_version(draft, secretary):
    with pytest.raises(services.PublishRefused):
        services.resolution_new_version(resolution=draft, by=secretary, note="Правка.")


def test_a_new_version_must_say_what_it_corrects(published, secretary):
    with pytest.raises(ValidationError):
        services.resolution_new_version(resolution=published, by=secretary, note="  ")


def test_report_sets_the_status_and_the_done_date(published, secretary, frozen_today):
    item = DecisionItem.objects.get(resolution=published, parent__isnull=True, position=2)
    services.decision_report_add(
        item=item,
        reported_on=dt.date(2021, 12, 10),
        text="Сроки согласованы.",
        status=ExecutionStatus.IN_PROGRESS,
    )
    services.decision_report_add(
        item=item,
        reported_on=dt.date(2021, 12, 20),
        text="Договоры изменены.",
        status=ExecutionStatus.DONE,
        by=secretary,
    )
    item.refresh_from_db()
    assert (item.status, item.done_on) == (ExecutionStatus.DONE, dt.date(2021, 12, 20))
    assert item.done_on_time()
    assert list(item.reports.values_list("author__username", flat=True)) == [None, "secretary"]


def test_reports_go_only_to_the_version_in_force(draft, secretary, frozen_today):
    item = DecisionItem.objects.filter(resolution=draft, on_control=True).first()
    with pytest.raises(services.NotInForce):
        services.decision_report_add(item=item, reported_on=dt.date(2022, 1, 1), text="Сделано.")


def test_a_report_cannot_be_dated_in_the_future(published, frozen_today):
    item = DecisionItem.objects.filter(resolution=published, on_control=True).first()
    with pytest.raises(ValidationError):
        services.decision_report_add(
            item=item, reported_on=frozen_today + dt.timedelta(days=1), text="Сделаем."
        )


def test_the_new_version_takes_over_execution_recorded_until_its_publication(
    published, secretary, frozen_today
):
    item = DecisionItem.objects.get(resolution=published, parent__isnull=True, position=2)
    second = services.resolution_new_version(resolution=published, by=secretary, note="Исправлена опечатка.")
    # While the correction is drafted, execution is still recorded against the version in force.
    services.decision_report_add(
        item=item, reported_on=dt.date(2021, 12, 20), text="Выполнено.", status=ExecutionStatus.DONE
    )
    second = publish_now(second, by=secretary)
    successor = DecisionItem.objects.get(previous=item)
    assert (successor.status, successor.done_on) == (ExecutionStatus.DONE, dt.date(2021, 12, 20))
    assert list(successor.reports.values_list("text", flat=True)) == ["Выполнено."]
    # ... and from now on only against the new one.
    with pytest.raises(services.NotInForce):
        services.decision_report_add(item=item, reported_on=dt.date(2022, 1, 10), text="Ещё отчёт.")
    assert ExecutionReport.objects.filter(item=item).count() == 1


def test_the_database_keeps_one_draft_per_number(published, secretary):
    services.resolution_new_version(resolution=published, by=secretary, note="Правка.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.create(
            council=published.council,
            meeting=published.meeting,
            number="1",
            version=3,
            supersedes=Resolution.objects.get(version=2),
            correction_note="Ещё одна.",
            adopted_on=published.adopted_on,
            title="x",
            preamble="x",
        )


def test_sub_items_go_one_level_deep(draft):
    sub = DecisionItem.objects.filter(resolution=draft, parent__isnull=False).first()
    with pytest.raises(ValidationError):
        services.decision_add(resolution=draft, parent=sub, text="под-подпункт")
