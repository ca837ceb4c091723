"""Models of the projects app, split by topic; import them from here."""

from projects.models.organisations import ActivityArea, LegalForm, Organisation

__all__ = ["ActivityArea", "LegalForm", "Organisation"]
