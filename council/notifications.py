"""E-mails of the council: the weekly digest of decisions due within two weeks or overdue."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from council.models import DecisionItem, DigestDelivery, ExecutionState
from council.selectors import DIGEST_HORIZON_DAYS, decisions_for_digest, local_today
from silvercentre.roles import SECRETARIES
from volunteers.notifications import render_mail

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    """What one address receives: its name, and its decisions split into overdue and due soon."""

    email: str
    name: str
    full: bool = False
    items: list[DecisionItem] = field(default_factory=list)

    @property
    def overdue(self) -> list[DecisionItem]:
        return [item for item in self.items if item.current_state == ExecutionState.OVERDUE]

    @property
    def due_soon(self) -> list[DecisionItem]:
        return [item for item in self.items if item.current_state != ExecutionState.OVERDUE]


def secretary_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=SECRETARIES, is_active=True).exclude(email="")
    return sorted({email.lower() for email in users.values_list("email", flat=True)})


def execution_digests(*, today: dt.date, horizon_days: int = DIGEST_HORIZON_DAYS) -> list[Digest]:
    """Group the decisions due soon or overdue by who gets them: each responsible party, every secretary."""
    items = list(decisions_for_digest(today=today, horizon_days=horizon_days))
    if not items:
        return []
    digests: dict[str, Digest] = {}
    for item in items:
        item.public_url = (
            f"{settings.SITE_URL}{reverse('council:resolution', args=[item.resolution_id])}#{item.anchor}"
        )
        parties = [(org.email, org.short_name) for org in item.responsible_organisations.all()]
        parties += [(member.email, member.full_name) for member in item.responsible_members.all()]
        for email, name in parties:
            if not email:
                continue
            digest = digests.setdefault(email.lower(), Digest(email=email.lower(), name=name))
            if item not in digest.items:
                digest.items.append(item)
    # Secretaries see everything; a secretary who is also someone's contact gets the full list once.
    for email in secretary_addresses():
        digests[email] = Digest(email=email, name="", full=True, items=list(items))
    return [digests[email] for email in sorted(digests)]


def execution_digest_send(*, today: dt.date | None = None) -> int:
    """Send this week's digests; an address served this week is skipped, so a rerun sends nothing twice."""
    today = today or local_today()
    week = today - dt.timedelta(days=today.weekday())
    sent = 0
    for digest in execution_digests(today=today):
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(week=week, email=digest.email, items=len(digest.items))
        except IntegrityError:
            continue
        try:
            render_mail("council/emails/execution_digest", _context(digest, today), [digest.email]).send()
        except Exception:
            # Release the claim so the retry sends this one.
            DigestDelivery.objects.filter(week=week, email=digest.email).delete()
            raise
        sent += 1
    logger.info("execution digest: %s e-mail(s) sent", sent)
    return sent


def _context(digest: Digest, today: dt.date) -> dict[str, object]:
    return {
        "digest": digest,
        "today": today,
        "horizon_days": DIGEST_HORIZON_DAYS,
        "site_url": settings.SITE_URL,
        "control_url": settings.SITE_URL + reverse("admin:council_decisionitem_changelist"),
    }
