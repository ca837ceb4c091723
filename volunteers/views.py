"""Public pages of the volunteer registry: the signup form and its thank-you page."""

from __future__ import annotations

import logging

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from silvercentre.views import rate_limited
from volunteers.forms import VolunteerSignupForm
from volunteers.models import ConsentRecord, Volunteer
from volunteers.selectors import consent_text_current
from volunteers.services import (
    ConsentContext,
    DuplicateVolunteer,
    NoConsentText,
    duplicate_message,
    volunteer_register,
)

logger = logging.getLogger(__name__)

RATE_LIMIT_ACTION = "volunteer_signup"


class SignupView(View):
    template_name = "volunteers/signup.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, VolunteerSignupForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = VolunteerSignupForm(request.POST)
        if form.is_bot:
            # Pretend success, so the script learns nothing; nothing is stored.
            logger.info("volunteer signup: honeypot filled, submission dropped")
            return redirect("volunteers:signup-done")
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION):
            return rate_limited(request)
        if not form.is_valid():
            return self._render(request, form, status=200)

        data = form.cleaned_data
        try:
            volunteer_register(
                last_name=data["last_name"],
                first_name=data["first_name"],
                patronymic=data["patronymic"],
                date_of_birth=data["date_of_birth"],
                phone=data["phone"],
                email=data["email"],
                district=data["district"],
                skills=data["skills"],
                about=data["about"],
                source=Volunteer.Source.SIGNUP,
                consent=ConsentContext(
                    channel=ConsentRecord.Channel.WEB,
                    ip_address=get_adapter().get_client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                ),
            )
        except DuplicateVolunteer:
            form.add_error(None, duplicate_message())
            return self._render(request, form)
        except NoConsentText:
            logger.error("volunteer signup refused: no consent text is in force")
            return render(request, "volunteers/signup_closed.html", status=503)
        return redirect(reverse("volunteers:signup-done"))

    def _render(self, request: HttpRequest, form: VolunteerSignupForm, status: int = 200) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {"form": form, "consent": consent_text_current()},
            status=status,
        )


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "volunteers/signup_done.html")
