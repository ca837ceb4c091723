"""Write workflows: affiliation, participation, hours reported, approved and withdrawn."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from projects import selectors, services
from projects.models import Project, VolunteerAffiliation, VolunteerHours
from tests.factories import UserFactory, VolunteerFactory
from tests.projects.factories import OrganisationFactory, ParticipationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2021, 12, 31)


@pytest.fixture
def participation():
    return ParticipationFactory(started_on=dt.date(2021, 3, 1), ended_on=dt.date(2021, 11, 30))


def _report(participation, **kwargs) -> VolunteerHours:
    defaults = {"date": dt.date(2021, 4, 10), "hours": "3", "description": "Занятие с детьми", "today": TODAY}
    return services.hours_report(participation=participation, **{**defaults, **kwargs})


def test_reported_hours_wait_for_approval_and_do_not_count(participation):
    entry = _report(participation, hours="2,5")
    assert entry.status == VolunteerHours.Status.PENDING
    assert entry.hours == Decimal("2.50")
    assert entry.approved_at is None
    assert selectors.volunteer_hours_total(volunteer=participation.volunteer) == Decimal("0")


def test_approval_makes_hours_count_and_records_who(participation, coordinator):
    first = _report(participation, hours="3")
    second = _report(participation, date=dt.date(2021, 5, 1), hours="1.5")
    approved = services.hours_approve(hours=[first, second], by=coordinator)
    assert approved == 2
    first.refresh_from_db()
    assert first.status == VolunteerHours.Status.APPROVED
    assert first.approved_by == coordinator
    assert first.approved_at is not None
    assert selectors.volunteer_hours_total(volunteer=participation.volunteer) == Decimal("4.5")
    # Approving again changes nothing and reports nothing approved.
    assert services.hours_approve(hours=VolunteerHours.objects.all(), by=coordinator) == 0
    assert first.history.count() == 2  # created, approved: the approval is in the history


def test_withdrawn_approval_stops_counting(participation, coordinator):
    entry = _report(participation)
    services.hours_approve(hours=[entry], by=coordinator)
    assert services.hours_return_to_pending(hours=[entry]) == 1
    entry.refresh_from_db()
    assert (entry.status, entry.approved_by, entry.approved_at) == (VolunteerHours.Status.PENDING, None, None)
    assert selectors.volunteer_hours_total(volunteer=participation.volunteer) == Decimal("0")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"hours": "0"}, "hours"),
        ({"hours": "24.5"}, "hours"),
        ({"hours": "много"}, "hours"),
        ({"date": dt.date(2022, 1, 1)}, "date"),  # after TODAY
        ({"date": dt.date(2021, 2, 28)}, "date"),  # before the participation
        ({"date": dt.date(2021, 12, 1)}, "date"),  # after the participation ended
        ({"description": "   "}, "description"),
    ],
)
def test_invalid_hours_are_refused_with_a_message_for_the_field(participation, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        _report(participation, **kwargs)
    assert field in exc.value.message_dict
    assert not VolunteerHours.objects.exists()


def test_24_hours_in_a_day_is_the_most_allowed(participation):
    assert _report(participation, hours="24").hours == Decimal("24.00")


def test_rejected_project_takes_no_volunteers():
    project = ProjectFactory(status=Project.Status.REJECTED)
    with pytest.raises(ValidationError):
        services.participation_start(
            volunteer=VolunteerFactory(), project=project, started_on=dt.date(2021, 1, 1)
        )


def test_participation_start_is_idempotent():
    volunteer, project = VolunteerFactory(), ProjectFactory()
    first = services.participation_start(volunteer=volunteer, project=project, started_on=dt.date(2021, 3, 1))
    again = services.participation_start(volunteer=volunteer, project=project, started_on=dt.date(2021, 3, 1))
    assert first.pk == again.pk


def test_volunteer_link_to_organisation_keeps_the_free_text():
    volunteer = VolunteerFactory(affiliation="Хор ветеранов")
    org = OrganisationFactory(short_name="ТОС «Омега»")
    link = services.volunteer_link_organisation(
        volunteer=volunteer, organisation=org, position="Председатель"
    )
    assert link.organisation == org
    other = OrganisationFactory()
    services.volunteer_link_organisation(volunteer=volunteer, organisation=other)
    assert VolunteerAffiliation.objects.get(volunteer=volunteer).organisation == other
    services.volunteer_link_organisation(volunteer=volunteer, organisation=None)
    assert not VolunteerAffiliation.objects.filter(volunteer=volunteer).exists()
    volunteer.refresh_from_db()
    assert volunteer.affiliation == "Хор ветеранов"


def test_approval_without_a_user_still_records_the_time(participation):
    entry = _report(participation)
    services.hours_approve(hours=[entry], by=None)
    entry.refresh_from_db()
    assert entry.status == VolunteerHours.Status.APPROVED
    assert entry.approved_at is not None


def test_reported_by_is_kept_for_staff(participation):
    user = UserFactory(username="reporter")
    assert _report(participation, reported_by=user).reported_by == user
