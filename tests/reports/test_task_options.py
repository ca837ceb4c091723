"""Every task of the council and reports apps is bounded in time and in retries, and acknowledged late."""

import pytest

from council import tasks as council_tasks
from reports import tasks as report_tasks

TASKS = [
    council_tasks.publish_resolution_pdf,
    council_tasks.send_execution_digest,
    report_tasks.generate_report,
    report_tasks.sweep_stale_reports,
    report_tasks.order_monthly_activity_report,
    report_tasks.delete_old_reports,
]


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.name)
def test_the_task_has_time_limits_and_bounded_retries(task):
    assert task.acks_late is True
    assert task.soft_time_limit and task.time_limit and task.soft_time_limit < task.time_limit
    assert task.max_retries is not None and task.max_retries <= 5
