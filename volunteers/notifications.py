"""E-mails of the volunteer registry, rendered from subject / text / html template triples."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from silvercentre.roles import COORDINATORS
from volunteers.models import Volunteer


def render_mail(template: str, context: dict[str, object], to: list[str]) -> EmailMultiAlternatives:
    """Build an e-mail from templates/<template>_subject.txt, _body.txt and _body.html, in Russian."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}_body.txt", context)
        html = render_to_string(f"{template}_body.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    return message


def signup_confirmation_send(*, volunteer_id: int) -> bool:
    """Send the signup confirmation once; claim it with a conditional update so two runs send one."""
    claimed = Volunteer.objects.filter(
        pk=volunteer_id, confirmation_sent_at__isnull=True, email__isnull=False, anonymised_at__isnull=True
    ).update(confirmation_sent_at=timezone.now())
    if not claimed:
        return False
    volunteer = Volunteer.objects.get(pk=volunteer_id)
    try:
        render_mail(
            "volunteers/emails/signup_confirmation",
            {"volunteer": volunteer, "site_phone": settings.SITE_CONTACT_PHONE},
            [volunteer.email],
        ).send()
    except Exception:
        # Release the claim so the retry can send it.
        Volunteer.objects.filter(pk=volunteer_id).update(confirmation_sent_at=None)
        raise
    return True


def coordinator_addresses() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(Q(groups__name=COORDINATORS) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
    )
    addresses = set(users.values_list("email", flat=True)) | set(settings.COORDINATOR_EMAILS)
    return sorted(addresses)


def coordinators_notify_signup(*, volunteer_id: int) -> int:
    """Tell the coordinators an application arrived: a link to it, never the person's contacts."""
    recipients = coordinator_addresses()
    if not recipients:
        return 0
    # Claimed first, so a redelivered task (acks_late) does not send the notice twice.
    claimed = Volunteer.objects.filter(pk=volunteer_id, coordinators_notified_at__isnull=True).update(
        coordinators_notified_at=timezone.now()
    )
    if not claimed:
        return 0
    volunteer = Volunteer.objects.get(pk=volunteer_id)
    admin_path = reverse("admin:volunteers_volunteer_change", args=[volunteer.pk])
    try:
        render_mail(
            "volunteers/emails/new_signup",
            {"volunteer": volunteer, "admin_url": settings.SITE_URL + admin_path},
            recipients,
        ).send()
    except Exception:
        Volunteer.objects.filter(pk=volunteer_id).update(coordinators_notified_at=None)
        raise
    return len(recipients)
