"""The council's admin lists and its public page run the same number of queries for few and many rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.models import MemberRole
from tests.council.factories import (
    CouncilMemberFactory,
    DecisionItemFactory,
    MeetingFactory,
    ResolutionFactory,
    WorkingGroupFactory,
    mark_published,
)
from tests.projects.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/council/resolution/",
    "/admin/council/decisionitem/",
    "/admin/council/decisionitem/?state=all",
    "/admin/council/councilmember/",
    "/admin/council/workinggroup/",
    "/admin/council/meeting/",
    "/admin/council/council/",
    "/council/",
]


def _fill(council, count: int) -> None:
    for n in range(count):
        org = OrganisationFactory()
        member = CouncilMemberFactory(council=council, organisation=org, role=MemberRole.MEMBER)
        group = WorkingGroupFactory(council=council)
        group.memberships.create(member=member)
        meeting = MeetingFactory(council=council)
        meeting.organisations.add(org)
        resolution = ResolutionFactory(meeting=meeting, adopted_on=dt.date(2021 + n % 4, 5, 1))
        DecisionItemFactory(
            resolution=resolution,
            responsible_organisations=[org],
            responsible_members=[member],
            due_date=dt.date(2022, 1, 1),
        )
        mark_published(resolution)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_the_same_queries_for_2_and_30_rows(admin_client, council, url, django_assert_max_num_queries):
    _fill(council, 2)
    few = _count(admin_client, url)
    _fill(council, 28)
    with django_assert_max_num_queries(few):
        assert admin_client.get(url).status_code == 200
