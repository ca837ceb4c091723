"""Admin lists of the projects app: the number of queries does not grow with the rows shown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.projects.factories import (
    ActivityAreaFactory,
    FundingFactory,
    IndicatorFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    VolunteerHoursFactory,
)


def _count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _rows(count: int) -> None:
    for n in range(count):
        lead = OrganisationFactory()
        lead.activity_areas.set([ActivityAreaFactory(slug=f"a{n % 3}")])
        project = ProjectFactory(
            lead_organisation=lead,
            partners=[OrganisationFactory()],
            activity_areas=[ActivityAreaFactory(slug=f"a{n % 3}")],
        )
        FundingFactory(project=project)
        IndicatorFactory(project=project)
        VolunteerHoursFactory(participation=ParticipationFactory(project=project))


URLS = [
    "/admin/projects/organisation/",
    "/admin/projects/project/",
    "/admin/projects/funding/",
    "/admin/projects/participation/",
    "/admin/projects/volunteerhours/",
    "/admin/projects/indicator/",
    "/admin/projects/contractchange/",
    "/admin/projects/expertconsultation/",
    "/admin/projects/volunteerstatement/",
    "/admin/volunteers/volunteer/",
]


@pytest.mark.parametrize("url", URLS)
def test_admin_list_is_constant_in_queries(coordinator_client, db, django_assert_max_num_queries, url):
    _rows(3)
    small = _count(coordinator_client, url)
    _rows(25)
    with django_assert_max_num_queries(small):
        assert coordinator_client.get(url).status_code == 200
