from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # The filters and the submission form need the vocabularies; a flushed database gets them back.
        post_migrate.connect(_ensure_vocabularies, sender=self, dispatch_uid="events.vocabularies")


def _ensure_vocabularies(sender: AppConfig, **kwargs: Any) -> None:
    from events.initial_vocabularies import ensure_vocabularies
    from events.models import Audience, Category, EventFormat

    ensure_vocabularies(Category, EventFormat, Audience)
