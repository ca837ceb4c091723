"""RSS and Atom feeds of newly published events (django.contrib.syndication)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.ical import summary
from events.models import Event
from events.selectors import events_recently_published


class NewEventsFeed(Feed):
    title = gettext_lazy("New events on the Sevastopol calendar")
    description = gettext_lazy(
        "Patriotic, social and educational events in Sevastopol, as the Silver Centre publishes them."
    )

    def link(self) -> str:
        return reverse("events:list")

    def items(self) -> QuerySet[Event]:
        return events_recently_published()

    def item_title(self, item: Event) -> str:
        return summary(item)

    def item_description(self, item: Event) -> str:
        local = timezone.localtime(item.starts_at)
        when = local.strftime("%d.%m.%Y") if item.all_day else local.strftime("%d.%m.%Y %H:%M")
        parts = [when, item.venue]
        if item.organiser is not None:
            parts.append(item.organiser.short_name)
        text = " · ".join(parts)
        return f"{text}\n\n{item.description}" if item.description else text

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Event) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.updated_at

    def item_categories(self, item: Event) -> list[str]:
        return [
            item.category.name,
            *(a.name for a in item.audiences.all()),
            _("Age rating %(rating)s") % {"rating": item.age_rating},
        ]


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed
    subtitle = NewEventsFeed.description
