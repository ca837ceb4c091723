"""Keep organisations and council members named in a frozen resolution from being deleted.

A decision names who must act through many-to-many links; deleting an organisation or a member would
silently drop it from the text of a published resolution. The admin lists such decisions as protected
objects, so both the delete page and the «delete selected» action refuse, as they do for PROTECT keys.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from council.models import DecisionItem, Resolution
from projects.admin.organisations import OrganisationAdmin
from projects.models import Organisation

FROZEN = (Resolution.Status.PUBLISHING, Resolution.Status.PUBLISHED)


def frozen_decisions_naming(*, organisations: Any = None, members: Any = None) -> QuerySet[DecisionItem]:
    """Decisions of published (or publishing) resolutions that name any of these as responsible."""
    qs = DecisionItem.objects.filter(resolution__status__in=FROZEN).select_related(
        "resolution__council", "parent"
    )
    if organisations is not None:
        qs = qs.filter(responsible_organisations__in=organisations)
    if members is not None:
        qs = qs.filter(responsible_members__in=members)
    return qs.distinct().order_by("resolution__adopted_on", "pk")


class ProtectFrozenDecisionsMixin:
    """Add the frozen decisions that name the objects to the admin's list of protected objects."""

    responsible_lookup: str

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, Any, Any, list[str]]:
        deletable, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        ids = [obj.pk for obj in objs]
        for decision in frozen_decisions_naming(**{self.responsible_lookup: ids}):
            protected.append(f"{decision.resolution}: {decision}")
        return deletable, model_count, perms_needed, protected


class ProtectedOrganisationAdmin(ProtectFrozenDecisionsMixin, OrganisationAdmin):
    responsible_lookup = "organisations"


# The organisation registry belongs to projects; the council adds its own protection on top of it.
admin.site.unregister(Organisation)
admin.site.register(Organisation, ProtectedOrganisationAdmin)
