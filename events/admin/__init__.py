"""The coordinators' admin of the calendar; importing the package registers it all."""

from events.admin import assignments, events, vocabularies  # noqa: F401
