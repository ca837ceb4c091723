from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from volunteers.models import Volunteer

        # The registry below us cannot call into projects; we listen for its anonymisation instead.
        post_save.connect(_volunteer_saved, sender=Volunteer, dispatch_uid="projects.volunteer_anonymised")


def _volunteer_saved(sender: type, instance: object, created: bool, **kwargs: object) -> None:
    if created or getattr(instance, "anonymised_at", None) is None:
        return
    from projects.services import volunteer_erase_project_data

    volunteer_erase_project_data(volunteer=instance)
