"""The two staff roles and the model permissions each one carries.

Groups are kept in step with this table after every `migrate`, so a fresh database has them and a new
model's permissions reach the right people without anyone clicking in the admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

COORDINATORS = "Координаторы"
SECRETARIES = "Секретари совета"

ALL = ("add", "change", "delete", "view")

# app label -> the actions a role may perform on every model of that app ("*" also takes custom ones).
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...] | str]] = {
    COORDINATORS: {
        "volunteers": "*",
        "projects": "*",
        "events": "*",
        "reports": "*",
        "council": ("view",),
    },
    # Secretaries get nothing from the volunteers app: they never see volunteers' personal data.
    SECRETARIES: {
        "council": "*",
        "projects": ("view",),
        "events": ("view",),
        "reports": ("add", "view"),
    },
}


# Models that carry volunteers' personal data (names, hours, statements) outside the volunteers app:
# a role listed here gets no permission on them, whatever its app-wide spec says.
PERSONAL_DATA_MODELS = {
    "projects.volunteeraffiliation",
    "projects.participation",
    "projects.volunteerhours",
    "projects.volunteerstatement",
    "events.eventassignment",
}
WITHOUT_PERSONAL_DATA = {SECRETARIES}


def _permissions_for(role: str, spec: dict[str, tuple[str, ...] | str]) -> list[Permission]:
    found: list[Permission] = []
    perms = Permission.objects.filter(content_type__app_label__in=spec.keys()).select_related("content_type")
    for perm in perms:
        label = f"{perm.content_type.app_label}.{perm.content_type.model}"
        if role in WITHOUT_PERSONAL_DATA and (
            label in PERSONAL_DATA_MODELS or label.startswith("volunteers.")
        ):
            continue
        actions = spec[perm.content_type.app_label]
        if actions == "*" or perm.codename.split("_", 1)[0] in actions:
            found.append(perm)
    return found


def ensure_roles(**kwargs: Any) -> None:
    """Create the staff groups and set their permissions to exactly what the table says."""
    using = kwargs.get("using", "default")
    for name, spec in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(_permissions_for(name, spec))
