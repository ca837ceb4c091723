"""Site-wide views: home, the personal-data policy, the health check and the low-vision switch."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from silvercentre.context_processors import A11Y_COOKIE
from volunteers.selectors import consent_text_current, consent_text_versions

logger = logging.getLogger(__name__)

A11Y_COOKIE_AGE = 365 * 24 * 3600


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "silvercentre/home.html")


def privacy(request: HttpRequest, version: int | None = None) -> HttpResponse:
    """Show the personal-data policy and a version of the consent text (the current one by default)."""
    if version is None:
        consent = consent_text_current()
    else:
        consent = get_object_or_404(consent_text_versions(), version=version)
    return render(
        request,
        "silvercentre/privacy.html",
        {"consent": consent, "versions": consent_text_versions()},
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Report whether the database and the broker answer; 200 while the database does."""
    database = "ok"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means "down" here
        logger.exception("health check: database unavailable")
        database = "error"

    broker = _broker_status()
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "database": database, "broker": broker},
        status=status,
    )


def _broker_status() -> str:
    if not settings.CELERY_BROKER_URL:
        return "eager"
    from silvercentre.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        logger.warning("health check: broker unavailable")
        return "error"
    return "ok"


@require_POST
def a11y_toggle(request: HttpRequest) -> HttpResponse:
    """Switch the low-vision mode on or off and remember it in a cookie for a year."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.COOKIES.get(A11Y_COOKIE) == "1":
        response.delete_cookie(A11Y_COOKIE)
    else:
        response.set_cookie(
            A11Y_COOKIE,
            "1",
            max_age=A11Y_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    return response


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "429.html", status=429)
