"""E-mails of the calendar: the moderator's decision to the submitter, and new submissions to coordinators."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from volunteers.notifications import coordinator_addresses, render_mail

DECISIONS = {
    Event.Status.PUBLISHED: "events/emails/published",
    Event.Status.REJECTED: "events/emails/rejected",
}


def decision_mail_send(*, event_id: int, decision: str) -> bool:
    """Tell the submitter the event was published or rejected; claim it first so two runs send one letter."""
    if decision not in DECISIONS:
        raise ValueError(f"no letter for {decision!r}")
    # The event must still carry that decision: a later change of mind is told by its own letter.
    claimed = (
        Event.objects.filter(pk=event_id, status=decision)
        .exclude(submitter_email="")
        .exclude(decision_mailed=decision)
        .update(decision_mailed=decision)
    )
    if not claimed:
        return False
    event = Event.objects.select_related("organiser").get(pk=event_id)
    try:
        render_mail(
            DECISIONS[decision],
            {
                "event": event,
                "event_url": settings.SITE_URL + event.get_absolute_url(),
                "submit_url": settings.SITE_URL + reverse("events:submit"),
                "site_phone": settings.SITE_CONTACT_PHONE,
            },
            [event.submitter_email],
        ).send()
    except Exception:
        # Release the claim so the retry can send it.
        Event.objects.filter(pk=event_id, decision_mailed=decision).update(decision_mailed="")
        raise
    return True


def coordinators_notify_submission(*, event_id: int) -> int:
    """Tell the coordinators an event waits for moderation: a link to it, not the submitter's contacts.

    Claimed first with a conditional update, so a duplicate delivery of the task sends no second letter.
    """
    recipients = coordinator_addresses()
    if not recipients:
        return 0
    claimed = Event.objects.filter(
        pk=event_id, status=Event.Status.PENDING, coordinators_notified_at__isnull=True
    ).update(coordinators_notified_at=timezone.now())
    if not claimed:
        return 0
    event = Event.objects.get(pk=event_id)
    admin_path = reverse("admin:events_eventsubmission_change", args=[event.pk])
    try:
        render_mail(
            "events/emails/new_submission",
            {"event": event, "admin_url": settings.SITE_URL + admin_path},
            recipients,
        ).send()
    except Exception:
        # Release the claim so the retry can send it.
        Event.objects.filter(pk=event_id).update(coordinators_notified_at=None)
        raise
    return len(recipients)
