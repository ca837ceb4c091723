from django.conf import settings
from django.http import HttpRequest

A11Y_COOKIE = "a11y"


def site(request: HttpRequest) -> dict[str, object]:
    """Put the centre's name, contacts and the low-vision mode into every template."""
    return {
        "site_name": settings.SITE_NAME,
        "site_phone": settings.SITE_CONTACT_PHONE,
        "site_email": settings.SITE_CONTACT_EMAIL,
        "site_address": settings.SITE_CONTACT_ADDRESS,
        "a11y_mode": request.COOKIES.get(A11Y_COOKIE) == "1",
    }
