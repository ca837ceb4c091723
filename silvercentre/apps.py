from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SilverCentreConfig(AppConfig):
    name = "silvercentre"
    verbose_name = _("Silver Centre")

    def ready(self) -> None:
        from silvercentre.roles import ensure_roles

        # After every migrate, so a fresh database has both roles without anyone clicking.
        post_migrate.connect(ensure_roles, dispatch_uid="silvercentre.ensure_roles")
