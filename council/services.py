"""Every write of the council app: drafting, publishing, versions, and the execution of decisions."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from typing import Any

import kombu.exceptions
import redis.exceptions
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import (
    CouncilMember,
    DecisionItem,
    ExecutionReport,
    ExecutionStatus,
    Finding,
    Meeting,
    Resolution,
    ResolutionLocked,
)
from council.pdf import ResolutionPdfRenderer
from council.selectors import (
    normalise_search,
    resolution_decision_tree,
    resolution_findings,
    resolution_signatories,
)
from projects.models import Organisation

logger = logging.getLogger(__name__)

# Errors of handing a task to the broker (Redis down or unreachable).
BROKER_ERRORS: tuple[type[BaseException], ...] = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)

PUBLISH_PERMISSION = "council.publish_resolution"

# What a draft's editor may change through resolution_update(); the rest is the workflow's.
DRAFT_FIELDS = frozenset(
    {
        "meeting",
        "kind",
        "number",
        "adopted_on",
        "title",
        "preamble",
        "decisions_intro",
        "subitem_style",
        "signed_by_chair",
        "signed_by_secretary",
        "correction_note",
    }
)

User = AbstractBaseUser | AnonymousUser


class PublishRefused(Exception):
    """The resolution cannot be published as it stands; the message says why."""


class NotInForce(Exception):
    """Execution is recorded only against the version of a resolution in force."""


# Drafting


def resolution_create(
    *,
    meeting: Meeting,
    number: str,
    adopted_on: dt.date,
    title: str,
    preamble: str,
    decisions_intro: str = "",
    kind: str = Resolution.Kind.RESOLUTION,
    subitem_style: str | None = None,
    findings: Sequence[str] = (),
) -> Resolution:
    """Start a draft resolution of a meeting, optionally with its findings."""
    with transaction.atomic():
        resolution = Resolution.objects.create(
            council=meeting.council,
            meeting=meeting,
            kind=kind,
            number=number.strip(),
            adopted_on=adopted_on,
            title=title.strip(),
            preamble=preamble.strip(),
            decisions_intro=decisions_intro.strip(),
            **({"subitem_style": subitem_style} if subitem_style else {}),
        )
        for text in findings:
            finding_add(resolution=resolution, text=text)
    return resolution


def resolution_ensure_draft(*, resolution: Resolution) -> None:
    """Refuse any change of a text that is published or being published."""
    status = Resolution.objects.filter(pk=resolution.pk).values_list("status", flat=True).first()
    if status is not None and status != Resolution.Status.DRAFT:
        raise ResolutionLocked(resolution.pk)


def resolution_update(*, resolution: Resolution, **changes: Any) -> Resolution:
    """Change a draft's text; a published resolution is corrected by resolution_new_version()."""
    unknown = set(changes) - DRAFT_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        resolution_ensure_draft(resolution=resolution)
        for field, value in changes.items():
            setattr(resolution, field, value)
        if "meeting" in changes:
            resolution.council = resolution.meeting.council
        resolution.full_clean(exclude=["pdf"])
        resolution.save()
    return resolution


def resolution_save_draft(*, resolution: Resolution) -> Resolution:
    """Save a draft edited in a form (the admin): refuse a frozen text, keep council and meeting in step."""
    with transaction.atomic():
        resolution_ensure_draft(resolution=resolution)
        resolution.council = resolution.meeting.council
        resolution.save()
    return resolution


def finding_add(*, resolution: Resolution, text: str, position: int | None = None) -> Finding:
    resolution_ensure_draft(resolution=resolution)
    if position is None:
        position = (resolution.findings.aggregate(top=Max("position"))["top"] or 0) + 1
    return Finding.objects.create(resolution=resolution, position=position, text=text.strip())


def decision_add(
    *,
    resolution: Resolution,
    text: str,
    position: int | None = None,
    parent: DecisionItem | None = None,
    responsible_organisations: Iterable[Organisation] = (),
    responsible_members: Iterable[CouncilMember] = (),
    responsible_note: str = "",
    due_date: dt.date | None = None,
    on_control: bool = True,
) -> DecisionItem:
    """Add a decision (or, with a parent, its sub-item) to a draft; numbered next unless a number is given."""
    resolution_ensure_draft(resolution=resolution)
    if parent is not None:
        if parent.resolution_id != resolution.pk:
            raise ValidationError(_("A sub-item must belong to a decision of the same resolution."))
        if parent.parent_id is not None:
            raise ValidationError(_("Sub-items go one level deep: a sub-item cannot have sub-items."))
    if position is None:
        siblings = DecisionItem.objects.filter(resolution=resolution, parent=parent)
        position = (siblings.aggregate(top=Max("position"))["top"] or 0) + 1
    with transaction.atomic():
        item = DecisionItem.objects.create(
            resolution=resolution,
            parent=parent,
            position=position,
            text=text.strip(),
            responsible_note=responsible_note.strip(),
            due_date=due_date,
            on_control=on_control,
        )
        item.responsible_organisations.set(responsible_organisations)
        item.responsible_members.set(responsible_members)
    return item


# Publishing


def can_publish(user: User | None) -> bool:
    return user is not None and user.is_active and user.has_perm(PUBLISH_PERMISSION)


def resolution_publish(*, resolution: Resolution, by: User | None, queue: bool = True) -> Resolution:
    """Freeze a draft and queue the rendering of its PDF; the resolution goes public when the PDF is stored.

    `by` is None only for the demo loader, which publishes as the system.
    """
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("Only council secretaries can publish resolutions."))
    with transaction.atomic():
        # Only the resolution's own row is locked: PostgreSQL cannot lock the empty side of an outer join.
        locked = (
            Resolution.objects.select_for_update(of=("self",))
            .select_related("meeting", "supersedes")
            .get(pk=resolution.pk)
        )
        if locked.status != Resolution.Status.DRAFT:
            raise ResolutionLocked(locked.pk)
        _check_publishable(locked)
        chair, secretary = resolution_signatories(locked)
        locked.signed_by_chair = chair
        locked.signed_by_secretary = secretary
        locked.search_text = resolution_search_text(locked)
        locked.status = Resolution.Status.PUBLISHING
        locked.published_by = by if by is not None and by.is_authenticated else None
        locked.save(
            update_fields=[
                "signed_by_chair",
                "signed_by_secretary",
                "search_text",
                "status",
                "published_by",
                "updated_at",
            ]
        )
        if queue:
            pk = locked.pk
            transaction.on_commit(lambda: resolution_queue_pdf(resolution_id=pk))
    logger.info("resolution %s frozen for publishing", locked.pk)
    resolution.status = locked.status
    return locked


def resolution_queue_pdf(*, resolution_id: int) -> bool:
    """Hand the rendering of the PDF to the task queue; return False if the queue cannot take it now.

    The resolution stays frozen «publishing» and its admin page offers to restart publishing, so a broker
    outage costs a click instead of a server error after the text was already frozen.
    """
    from council import tasks

    try:
        tasks.publish_resolution_pdf.delay(resolution_id)
    except BROKER_ERRORS:
        logger.warning("resolution %s: the task queue is unavailable, publishing waits", resolution_id)
        return False
    return True


def _check_publishable(resolution: Resolution) -> None:
    if resolution.meeting.council_id != resolution.council_id:
        raise PublishRefused(_("The meeting belongs to another council."))
    if not resolution.decisions.filter(parent__isnull=True).exists():
        raise PublishRefused(_("A resolution needs at least one decision."))
    if resolution.supersedes is not None and resolution.supersedes.status != Resolution.Status.PUBLISHED:
        raise PublishRefused(_("The version this one corrects is not published yet."))


def resolution_search_text(resolution: Resolution) -> str:
    parts = [resolution.number, resolution.title, resolution.preamble, resolution.decisions_intro]
    parts += [f.text for f in resolution_findings(resolution)]
    for item in DecisionItem.objects.filter(resolution=resolution).order_by("position"):
        parts += [item.text, item.responsible_note]
    return normalise_search("\n".join(p for p in parts if p))


def resolution_publish_pdf(*, resolution_id: int) -> bool:
    """Render and store the PDF of a resolution being published, then make it public; safe to run twice."""
    resolution = (
        Resolution.objects.select_related("council", "meeting", "signed_by_chair", "signed_by_secretary")
        .filter(pk=resolution_id, status=Resolution.Status.PUBLISHING)
        .first()
    )
    if resolution is None:
        return False  # published by an earlier run, or never frozen
    # Rendering takes seconds, so it happens outside the lock; the frozen text cannot change meanwhile.
    content = ResolutionPdfRenderer().render(resolution=resolution)
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        locked = Resolution.objects.select_for_update().get(pk=resolution_id)
        if locked.status != Resolution.Status.PUBLISHING:
            return False
        locked.pdf.save(pdf_file_name(locked, digest), ContentFile(content), save=False)
        locked.pdf_sha256 = digest
        locked.pdf_size = len(content)
        locked.published_at = timezone.now()
        locked.status = Resolution.Status.PUBLISHED
        locked.save(update_fields=["pdf", "pdf_sha256", "pdf_size", "published_at", "status", "updated_at"])
        if locked.supersedes_id is not None:
            _carry_execution_over(new=locked)
    logger.info("resolution %s published, PDF %s", resolution_id, digest)
    return True


def pdf_file_name(resolution: Resolution, digest: str) -> str:
    number = "".join(ch if ch.isalnum() else "-" for ch in resolution.number)
    return f"{resolution.council.slug}-{number}-v{resolution.version}-{digest[:12]}.pdf"


def resolution_preview_pdf(*, resolution: Resolution) -> bytes:
    """Render a draft's PDF on request, marked as a draft; nothing is stored."""
    return ResolutionPdfRenderer().render(
        resolution=resolution, draft=resolution.status != Resolution.Status.PUBLISHED
    )


# Versions


def resolution_new_version(*, resolution: Resolution, by: User | None, note: str) -> Resolution:
    """Start a correction: a draft copy of a published resolution that records what it supersedes."""
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("Only council secretaries can correct resolutions."))
    if not note.strip():
        raise ValidationError({"correction_note": _("Say what the new version corrects.")})
    with transaction.atomic():
        old = Resolution.objects.select_for_update().get(pk=resolution.pk)
        if old.status != Resolution.Status.PUBLISHED:
            raise PublishRefused(_("Only a published resolution can be corrected by a new version."))
        if Resolution.objects.filter(supersedes=old).exists():
            raise PublishRefused(_("This version has already been corrected; correct the newest version."))
        try:
            with transaction.atomic():
                new = Resolution.objects.create(
                    council_id=old.council_id,
                    meeting_id=old.meeting_id,
                    kind=old.kind,
                    number=old.number,
                    version=old.version + 1,
                    supersedes=old,
                    correction_note=note.strip(),
                    adopted_on=old.adopted_on,
                    title=old.title,
                    preamble=old.preamble,
                    decisions_intro=old.decisions_intro,
                    subitem_style=old.subitem_style,
                    signed_by_chair_id=old.signed_by_chair_id,
                    signed_by_secretary_id=old.signed_by_secretary_id,
                )
        except IntegrityError as exc:
            raise PublishRefused(_("A draft of this resolution is already being prepared.")) from exc
        Finding.objects.bulk_create(
            Finding(resolution=new, position=f.position, text=f.text) for f in resolution_findings(old)
        )
        _copy_decisions(old=old, new=new)
    logger.info("resolution %s: version %s started as %s", old.pk, new.version, new.pk)
    return new


def _copy_decisions(*, old: Resolution, new: Resolution) -> None:
    copies: dict[int, DecisionItem] = {}
    for item in resolution_decision_tree(old):
        for original in (item, *item.subitems):
            copy = DecisionItem.objects.create(
                resolution=new,
                parent=copies[original.parent_id] if original.parent_id else None,
                position=original.position,
                text=original.text,
                responsible_note=original.responsible_note,
                due_date=original.due_date,
                on_control=original.on_control,
                status=original.status,
                done_on=original.done_on,
                previous=original,
            )
            copy.responsible_organisations.set(original.responsible_organisations.all())
            copy.responsible_members.set(original.responsible_members.all())
            copies[original.pk] = copy


def _carry_execution_over(*, new: Resolution) -> None:
    """The new version takes over execution control: statuses and reports recorded until its publication."""
    items = DecisionItem.objects.filter(resolution=new, previous__isnull=False).select_related("previous")
    for item in items:
        before = item.previous
        item.status, item.done_on = before.status, before.done_on
        item.save(update_fields=["status", "done_on"])
        ExecutionReport.objects.bulk_create(
            ExecutionReport(
                item=item,
                reported_on=report.reported_on,
                text=report.text,
                status=report.status,
                author_id=report.author_id,
            )
            for report in before.reports.all()
        )


# Execution


def report_before_adoption_message(resolution: Resolution) -> str:
    return _("A report cannot be dated earlier than the resolution (%(date)s).") % {
        "date": f"{resolution.adopted_on:%d.%m.%Y}"
    }


def decision_report_add(
    *,
    item: DecisionItem,
    reported_on: dt.date,
    text: str,
    status: str = "",
    by: User | None = None,
) -> ExecutionReport:
    """Record what was done on a decision and, optionally, the status it leaves the decision in."""
    if status and status not in ExecutionStatus.values:
        raise ValidationError({"status": _("Unknown execution status.")})
    if not text.strip():
        raise ValidationError({"text": _("Describe what was done.")})
    with transaction.atomic():
        locked = (
            DecisionItem.objects.select_for_update(of=("self",)).select_related("resolution").get(pk=item.pk)
        )
        if not Resolution.objects.current().filter(pk=locked.resolution_id).exists():
            raise NotInForce(
                _("Execution is recorded against the published version of a resolution in force.")
            )
        if not locked.on_control:
            raise ValidationError(_("This decision is not tracked for execution."))
        if reported_on > timezone.localdate():
            raise ValidationError({"reported_on": _("A report cannot be dated in the future.")})
        if reported_on < locked.resolution.adopted_on:
            raise ValidationError({"reported_on": report_before_adoption_message(locked.resolution)})
        report = ExecutionReport.objects.create(
            item=locked,
            reported_on=reported_on,
            text=text.strip(),
            status=status,
            author=by if by is not None and by.is_authenticated else None,
        )
        if status:
            locked.status = status
            locked.done_on = reported_on if status == ExecutionStatus.DONE else None
            locked.save(update_fields=["status", "done_on"])
    item.status, item.done_on = locked.status, locked.done_on
    return report
