"""Overdue is derived from the due date, alike in Python and in the database; shares per resolution."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from council.models import DecisionItem, ExecutionState, ExecutionStatus, execution_state
from council.selectors import (
    decisions_for_digest,
    decisions_under_control,
    resolution_execution_summary,
    resolutions_public,
)
from tests.council.factories import DecisionItemFactory, ResolutionFactory, mark_published

TODAY = dt.date(2026, 11, 25)
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("status", "due", "on_control", "expected"),
    [
        (ExecutionStatus.NOT_STARTED, YESTERDAY, True, ExecutionState.OVERDUE),
        (ExecutionStatus.IN_PROGRESS, YESTERDAY, True, ExecutionState.OVERDUE),
        (ExecutionStatus.IN_PROGRESS, TODAY, True, ExecutionState.IN_PROGRESS),  # due today is not late yet
        (ExecutionStatus.NOT_STARTED, None, True, ExecutionState.NOT_STARTED),  # no date, never overdue
        (ExecutionStatus.WITHDRAWN, YESTERDAY, True, ExecutionState.WITHDRAWN),
        (ExecutionStatus.NOT_STARTED, YESTERDAY, False, None),  # asks nobody to act
    ],
)
def test_overdue_is_derived_alike_in_python_and_in_the_database(db, status, due, on_control, expected):
    assert execution_state(status=status, due_date=due, on_control=on_control, today=TODAY) == expected
    resolution = ResolutionFactory()
    item = DecisionItemFactory(resolution=resolution, status=status, due_date=due, on_control=on_control)
    mark_published(resolution)
    if on_control:
        annotated = decisions_under_control(today=TODAY).get(pk=item.pk)
        assert annotated.current_state == expected


def test_done_is_never_overdue_and_keeps_its_date(db):
    item = DecisionItemFactory(
        status=ExecutionStatus.DONE,
        done_on=YESTERDAY,
        due_date=dt.date(2020, 1, 1),
    )
    assert item.state(TODAY) == ExecutionState.DONE
    assert not item.done_on_time()


def test_the_database_refuses_done_without_a_date(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionItemFactory(status=ExecutionStatus.DONE, done_on=None)


def test_shares_done_on_time_and_overdue_are_counted_in_the_database(db, django_assert_num_queries):
    resolution = ResolutionFactory()
    make = DecisionItemFactory
    make(resolution=resolution, status="done", due_date=dt.date(2022, 1, 31), done_on=dt.date(2022, 1, 20))
    make(resolution=resolution, status="done", due_date=dt.date(2022, 1, 31), done_on=dt.date(2022, 3, 1))
    make(resolution=resolution, status="done", due_date=None, done_on=dt.date(2022, 3, 1))
    make(resolution=resolution, status="in_progress", due_date=YESTERDAY)
    make(resolution=resolution, status="not_started", due_date=TODAY + dt.timedelta(days=30))
    make(resolution=resolution, status="withdrawn", due_date=YESTERDAY)  # not counted
    make(resolution=resolution, status="not_started", due_date=YESTERDAY, on_control=False)  # not counted
    mark_published(resolution)

    with django_assert_num_queries(1):
        summary = resolution_execution_summary(resolution, today=TODAY)
    assert (summary.tracked, summary.done, summary.done_on_time, summary.overdue) == (5, 3, 2, 1)
    assert (summary.done_share, summary.done_on_time_share, summary.overdue_share) == (60, 40, 20)

    listed = resolutions_public(today=TODAY).get(pk=resolution.pk)
    assert (listed.items_tracked, listed.items_done, listed.items_done_on_time, listed.items_overdue) == (
        5,
        3,
        2,
        1,
    )


def test_the_control_list_puts_overdue_first_then_by_due_date(db):
    resolution = ResolutionFactory()
    later = DecisionItemFactory(resolution=resolution, due_date=TODAY + dt.timedelta(days=40), text="позже")
    undated = DecisionItemFactory(resolution=resolution, due_date=None, text="без срока")
    soon = DecisionItemFactory(resolution=resolution, due_date=TODAY + dt.timedelta(days=3), text="скоро")
    late = DecisionItemFactory(resolution=resolution, due_date=dt.date(2022, 6, 30), text="просрочено")
    mark_published(resolution)
    assert list(decisions_under_control(today=TODAY)) == [late, soon, later, undated]


def test_only_versions_in_force_are_under_control(published, secretary):
    from council import services
    from tests.council.conftest import publish_now

    tracked_before = set(decisions_under_control().values_list("pk", flat=True))
    assert tracked_before == set(
        DecisionItem.objects.filter(resolution=published, on_control=True).values_list("pk", flat=True)
    )
    second = services.resolution_new_version(resolution=published, by=secretary, note="Правка.")
    assert (
        set(decisions_under_control().values_list("pk", flat=True)) == tracked_before
    )  # a draft is not in force
    publish_now(second, by=secretary)
    assert set(decisions_under_control().values_list("resolution_id", flat=True)) == {second.pk}


def test_the_digest_takes_open_decisions_overdue_or_due_within_14_days(db):
    resolution = ResolutionFactory()
    overdue = DecisionItemFactory(resolution=resolution, due_date=YESTERDAY)
    in_14 = DecisionItemFactory(resolution=resolution, due_date=TODAY + dt.timedelta(days=14))
    DecisionItemFactory(resolution=resolution, due_date=TODAY + dt.timedelta(days=15))
    DecisionItemFactory(resolution=resolution, due_date=None)
    DecisionItemFactory(resolution=resolution, due_date=YESTERDAY, status="done", done_on=YESTERDAY)
    DecisionItemFactory(resolution=resolution, due_date=YESTERDAY, status="withdrawn")
    mark_published(resolution)
    assert list(decisions_for_digest(today=TODAY)) == [overdue, in_14]
