"""Models of the events app, split by topic; import them from here."""

from events.models.assignments import MAX_EVENT_HOURS, EventAssignment
from events.models.events import (
    UID_DOMAIN,
    AgeRating,
    Event,
    EventPostponement,
    EventQuerySet,
    EventSubmission,
    normalise_text,
)
from events.models.vocabularies import Audience, Category, EventFormat

__all__ = [
    "MAX_EVENT_HOURS",
    "UID_DOMAIN",
    "AgeRating",
    "Audience",
    "Category",
    "Event",
    "EventAssignment",
    "EventFormat",
    "EventPostponement",
    "EventQuerySet",
    "EventSubmission",
    "normalise_text",
]
