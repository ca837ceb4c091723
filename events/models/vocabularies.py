"""Shared vocabularies of the calendar: categories (with the patriotic flag), formats and target audiences."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.Model):
    """A named entry with a short code for web addresses and a position for ordering in forms."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("short code"), max_length=60, unique=True, help_text=_("Used in web addresses.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Category(Vocabulary):
    """What an event is about: патриотическое, социальное, просветительское..."""

    is_patriotic = models.BooleanField(
        _("patriotic"),
        default=False,
        help_text=_("Events of this category appear under «patriotic events only»."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")


class EventFormat(Vocabulary):
    """How an event is held: урок мужества, экскурсия, круглый стол, брифинг..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("event format")
        verbose_name_plural = _("event formats")


class Audience(Vocabulary):
    """Whom an event is for: школьники, молодёжь, люди 55+, ветераны..."""

    is_everyone = models.BooleanField(
        _("means everyone"),
        default=False,
        help_text=_("Events for this audience are shown whichever audience a visitor chooses."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("target audience")
        verbose_name_plural = _("target audiences")
