"""The weekly execution digest: who receives it, what it says, and that a week's rerun sends nothing twice."""

import datetime as dt

import pytest
from django.core import mail

from council import tasks
from council.models import DecisionItem, DigestDelivery
from silvercentre.roles import COORDINATORS, SECRETARIES
from tests.council.conftest import TODAY
from tests.council.factories import (
    CouncilMemberFactory,
    DecisionItemFactory,
    ResolutionFactory,
    mark_published,
)
from tests.factories import UserFactory
from tests.projects.factories import OrganisationFactory


@pytest.fixture
def open_decisions(db, frozen_today, council):
    """Three organisations and a member with e-mail; decisions overdue, due soon, due later, done."""
    league = OrganisationFactory(short_name="Лига работников социальной сферы", email="Liga@Example.org")
    department = OrganisationFactory(
        short_name="Департамент образования", department=True, email="edu@example.org"
    )
    silent = OrganisationFactory(short_name="ТОС «Омега»", email="")
    member = CouncilMemberFactory(council=council, last_name="Бойко", email="boyko@example.org")
    resolution = ResolutionFactory(meeting__council=council, number="7")
    items = {
        "overdue": DecisionItemFactory(
            resolution=resolution,
            text="Внедрить систему мониторинга и оценки деятельности НКО.",
            due_date=dt.date(2026, 9, 30),
            status="in_progress",
            responsible_organisations=[league, silent],
        ),
        "soon": DecisionItemFactory(
            resolution=resolution,
            text="Провести встречу с ветеранским активом.",
            due_date=TODAY + dt.timedelta(days=10),
            responsible_organisations=[department, league],
            responsible_members=[member],
        ),
        "later": DecisionItemFactory(
            resolution=resolution,
            text="Подготовить доклад к новому году.",
            due_date=TODAY + dt.timedelta(days=40),
            responsible_organisations=[department],
        ),
        "done": DecisionItemFactory(
            resolution=resolution,
            text="Согласовать изменения договоров.",
            due_date=TODAY - dt.timedelta(days=5),
            status="done",
            done_on=TODAY - dt.timedelta(days=6),
            responsible_organisations=[department],
        ),
    }
    mark_published(resolution)
    return items


@pytest.fixture
def secretaries(db):
    UserFactory(username="sekretar1", email="Sekretar1@example.org", groups=[SECRETARIES])
    UserFactory(username="sekretar2", email="sekretar2@example.org", groups=[SECRETARIES])
    UserFactory(username="away", email="away@example.org", groups=[SECRETARIES], is_active=False)
    UserFactory(username="coord", email="coord@example.org", groups=[COORDINATORS])


def by_recipient() -> dict[str, mail.EmailMessage]:
    return {message.to[0]: message for message in mail.outbox}


def test_each_responsible_party_and_every_secretary_gets_a_digest(open_decisions, secretaries):
    assert tasks.send_execution_digest.delay().get() == 5
    sent = by_recipient()
    assert set(sent) == {
        "liga@example.org",
        "edu@example.org",
        "boyko@example.org",
        "sekretar1@example.org",
        "sekretar2@example.org",
    }


def test_a_party_reads_only_its_own_decisions_split_into_overdue_and_due_soon(open_decisions, secretaries):
    tasks.send_execution_digest.delay()
    sent = by_recipient()
    league = sent["liga@example.org"]
    assert league.subject == "Решения совета: просрочено — 1, срок в ближайшие две недели — 1"
    body = league.body
    assert "Лига работников социальной сферы" in body
    assert (
        body.index("ПРОСРОЧЕНО")
        < body.index("Внедрить систему мониторинга")
        < body.index("СРОК В БЛИЖАЙШИЕ 14 ДНЕЙ")
    )
    assert body.index("СРОК В БЛИЖАЙШИЕ 14 ДНЕЙ") < body.index("Провести встречу с ветеранским активом")
    assert "30.09.2026" in body
    assert "Подготовить доклад" not in body and "Согласовать изменения" not in body
    item = open_decisions["overdue"]
    assert f"/council/resolutions/{item.resolution_id}/#{item.anchor}" in body
    html = league.alternatives[0][0]
    assert "Внедрить систему мониторинга" in html and "<h2" in html

    education = sent["edu@example.org"].body
    assert "Провести встречу" in education and "Внедрить систему" not in education
    assert "ПРОСРОЧЕНО" not in education


def test_secretaries_get_everything_with_a_link_to_execution_control(open_decisions, secretaries):
    tasks.send_execution_digest.delay()
    body = by_recipient()["sekretar1@example.org"].body
    assert "Внедрить систему мониторинга" in body and "Провести встречу" in body
    assert "/admin/council/decisionitem/" in body


def test_a_second_run_in_the_same_week_sends_nothing(open_decisions, secretaries):
    assert tasks.send_execution_digest.delay().get() == 5
    assert tasks.send_execution_digest.delay().get() == 0
    assert len(mail.outbox) == 5
    assert DigestDelivery.objects.filter(week=dt.date(2026, 11, 23)).count() == 5


def test_a_failed_send_is_released_for_the_retry(open_decisions, secretaries, monkeypatch):
    from council import notifications

    calls = {"n": 0}
    real = notifications.render_mail

    def flaky(template, context, to):
        message = real(template, context, to)
        calls["n"] += 1
        if calls["n"] == 2:
            message.send = lambda *a, **k: (_ for _ in ()).throw(OSError("smtp down"))
        return message

    monkeypatch.setattr(notifications, "render_mail", flaky)
    with pytest.raises(OSError):
        notifications.execution_digest_send()
    assert DigestDelivery.objects.count() == 1
    monkeypatch.setattr(notifications, "render_mail", real)
    assert notifications.execution_digest_send() == 4
    assert len(mail.outbox) == 5


def test_nothing_to_report_sends_nothing(db, frozen_today, secretaries):
    assert tasks.send_execution_digest.delay().get() == 0
    assert mail.outbox == []
    assert not DecisionItem.objects.exists()
