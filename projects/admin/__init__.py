"""The coordinators' admin of the projects app, split by topic; importing the package registers it all."""

from projects.admin import organisations, projects, volunteering  # noqa: F401
