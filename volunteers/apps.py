from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        # Signup needs a consent text in force; a flushed database (tests) gets version 1 back too.
        post_migrate.connect(_ensure_consent_text, sender=self, dispatch_uid="volunteers.consent_text")


def _ensure_consent_text(sender: AppConfig, **kwargs: Any) -> None:
    from volunteers.initial_consent import ensure_initial_consent_text
    from volunteers.models import ConsentText

    ensure_initial_consent_text(ConsentText)
