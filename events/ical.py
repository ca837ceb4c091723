"""iCalendar (RFC 5545) for the calendar feed and for one event's «Add to calendar», built with icalendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event

PRODID = "-//Silver Centre Sevastopol//Calendar of events//RU"
# How often subscribed calendars should fetch the feed again.
REFRESH_INTERVAL = dt.timedelta(hours=6)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _local(moment: dt.datetime) -> dt.datetime:
    # Times go out as wall-clock times with TZID=Europe/Simferopol, as Sevastopol sees them.
    return moment.astimezone(_zone())


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def _fmt(moment: dt.datetime, all_day: bool) -> str:
    local = timezone.localtime(moment, _zone())
    return local.strftime("%d.%m.%Y") if all_day else local.strftime("%d.%m.%Y %H:%M")


def summary(event: Event) -> str:
    """The title as calendars show it: the mark of a change first, the age rating after (the law asks it)."""
    title = f"{event.title} ({event.age_rating})"
    if event.is_cancelled:
        return _("CANCELLED: %(title)s") % {"title": title}
    if event.is_postponed:
        return _("POSTPONED: %(title)s") % {"title": title}
    return title


def description(event: Event, *, url: str) -> str:
    lines: list[str] = []
    if event.is_cancelled:
        lines.append(_("The event is cancelled. Reason: %(reason)s") % {"reason": event.cancellation_reason})
    first, last = event.first_postponement, event.last_postponement
    if event.is_postponed and first is not None and last is not None:
        lines.append(
            _("The event has been postponed. It was planned for %(date)s.")
            % {"date": _fmt(first.old_starts_at, first.old_all_day)}
        )
        lines.append(_("Reason: %(reason)s") % {"reason": last.reason})
    if lines:
        lines.append("")
    if event.description:
        lines.extend([event.description, ""])
    lines.append(_("Age rating: %(rating)s") % {"rating": event.age_rating})
    lines.append(_("Category: %(category)s") % {"category": event.category.name})
    lines.append(_("Format: %(format)s") % {"format": event.format.name})
    audiences = ", ".join(a.name for a in event.audiences.all())
    if audiences:
        lines.append(_("For: %(audiences)s") % {"audiences": audiences})
    if event.organiser is not None:
        organisers = [event.organiser.short_name]
        if "co_organisers" in getattr(event, "_prefetched_objects_cache", {}):
            organisers += [org.short_name for org in event.co_organisers.all()]
        lines.append(_("Organisers: %(names)s") % {"names": ", ".join(organisers)})
    if event.registration_url:
        lines.append(_("Registration: %(url)s") % {"url": event.registration_url})
    if event.capacity:
        lines.append(_("Places: %(number)s") % {"number": event.capacity})
    if event.contact:
        lines.append(_("Contact: %(contact)s") % {"contact": event.contact})
    lines.append(url)
    return "\n".join(lines)


def vevent(event: Event, *, base_url: str) -> icalendar.Event:
    url = base_url + event.get_absolute_url()
    component = icalendar.Event()
    component.add("uid", event.ical_uid)
    component.add("sequence", event.sequence)
    component.add("dtstamp", _utc(event.updated_at))
    component.add("created", _utc(event.created_at))
    component.add("last-modified", _utc(event.updated_at))
    if event.all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.last_date + dt.timedelta(days=1))
    else:
        component.add("dtstart", _local(event.starts_at))
        component.add("dtend", _local(event.ends_at))
    component.add("summary", summary(event))
    component.add("description", description(event, url=url))
    component.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    if event.latitude is not None and event.longitude is not None:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    component.add("url", url)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("categories", [event.category.name])
    component.add("class", "PUBLIC")
    component.add("transp", "TRANSPARENT")
    return component


def calendar_bytes(events: Iterable[Event], *, name: str, base_url: str | None = None) -> bytes:
    """An iCalendar file of the events, with the VTIMEZONE of Europe/Simferopol their times refer to."""
    base_url = base_url if base_url is not None else settings.SITE_URL
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH_INTERVAL)
    first = last = None
    for event in events:
        cal.add_component(vevent(event, base_url=base_url))
        first = min(first or event.starts_at, event.starts_at)
        last = max(last or event.ends_at, event.ends_at)
    if first is not None and last is not None:
        # The zone's rules only for the years the events span: a short VTIMEZONE every client reads.
        cal.add_missing_timezones(
            first_date=first.date() - dt.timedelta(days=1), last_date=last.date() + dt.timedelta(days=366)
        )
    return cal.to_ical()
