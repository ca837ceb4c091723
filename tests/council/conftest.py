"""Fixtures of the council tests: a council with its chair and secretary, and a draft resolution."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from council import services
from council.models import MemberRole, Resolution
from tests.council.factories import CouncilFactory, CouncilMemberFactory, MeetingFactory
from tests.projects.factories import OrganisationFactory

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _files_in_tmp(settings, tmp_path):
    """PDFs go to a temporary folder, never to the shared var/."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def frozen_today(monkeypatch):
    """Fix the clock at noon of TODAY in Sevastopol, so overdue and "within 14 days" are stable."""
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(12, 0)))
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    return TODAY


@pytest.fixture
def council(db):
    return CouncilFactory()


@pytest.fixture
def chair(council):
    return CouncilMemberFactory(
        council=council,
        last_name="Савченко",
        first_name="Ирина",
        patronymic="Викторовна",
        role=MemberRole.CHAIR,
    )


@pytest.fixture
def secretary_member(council):
    return CouncilMemberFactory(
        council=council,
        last_name="Мельник",
        first_name="Ольга",
        patronymic="Анатольевна",
        role=MemberRole.SECRETARY,
    )


@pytest.fixture
def league(db):
    return OrganisationFactory(short_name="Лига работников социальной сферы", email="liga@example.org")


@pytest.fixture
def department(db):
    return OrganisationFactory(
        short_name="Департамент внутренней политики", department=True, email="dvp@example.org"
    )


@pytest.fixture
def draft(council, chair, secretary_member, league, department) -> Resolution:
    """A draft like the founding one: two findings, three decisions, the third with two sub-items."""
    meeting = MeetingFactory(council=council)
    resolution = services.resolution_create(
        meeting=meeting,
        number="1",
        adopted_on=dt.date(2021, 10, 21),
        title="заседания круглого стола учредителей Координационного совета",
        preamble="Участники круглого стола учредителей Координационного совета отмечают, что:",
        decisions_intro="Участники круглого стола решили:",
        findings=[
            "в 2021 году в некоммерческий сектор привлечено более 125 млн руб.;",
            "это более чем в 2,2 раза выше среднего уровня 2017–2020 годов.",
        ],
    )
    services.decision_add(
        resolution=resolution, text="Приветствовать создание Регионального центра.", on_control=False
    )
    services.decision_add(
        resolution=resolution,
        text="Согласно Указу № 78-УГ оптимизировать сроки публичных мероприятий.",
        responsible_organisations=[department],
        due_date=dt.date(2021, 12, 31),
    )
    heading = services.decision_add(
        resolution=resolution, text="Для укрепления статуса города-героя Севастополя:", on_control=False
    )
    services.decision_add(
        resolution=resolution,
        parent=heading,
        text="выработать рекомендации по единому центру информации о патриотических мероприятиях;",
        responsible_members=[chair],
        due_date=dt.date(2022, 3, 31),
    )
    services.decision_add(
        resolution=resolution,
        parent=heading,
        text="Лиге работников социальной сферы внедрить систему мониторинга и оценки.",
        responsible_organisations=[league],
        due_date=dt.date(2022, 6, 30),
    )
    return resolution


def publish_now(resolution: Resolution, by=None) -> Resolution:
    """Publish as the task would, without waiting for on_commit: freeze, render, store."""
    services.resolution_publish(resolution=resolution, by=by, queue=False)
    services.resolution_publish_pdf(resolution_id=resolution.pk)
    return Resolution.objects.get(pk=resolution.pk)


@pytest.fixture
def published(draft, secretary) -> Resolution:
    return publish_now(draft, by=secretary)
