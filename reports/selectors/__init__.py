"""Reads of the reports app: report requests for the pages, and the aggregates the activity and execution
reports need that the lower layers do not offer. Funding figures come from projects.selectors directly.
"""

from reports.selectors.requests import (
    LIST_LIMIT,
    report_request_for_download,
    report_requests_by_ids,
    report_requests_own,
    report_requests_recent,
    report_requests_visible,
)

__all__ = [
    "LIST_LIMIT",
    "report_request_for_download",
    "report_requests_by_ids",
    "report_requests_own",
    "report_requests_recent",
    "report_requests_visible",
]
