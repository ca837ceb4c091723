"""The secretaries' admin of the council, split by topic; importing the package registers it all."""

from council.admin import control, councils, protection, resolutions

__all__ = ["control", "councils", "protection", "resolutions"]
