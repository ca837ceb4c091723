"""The public calendar: list by day, month and week views, the event page, feeds and the submission form."""

from __future__ import annotations

import datetime as dt
import logging

from allauth.core import ratelimit
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from events import selectors
from events.filters import EventFilter
from events.forms import EventSubmissionForm
from events.ical import calendar_bytes
from events.models import Event
from events.services import event_submit
from silvercentre.pagination import page_number
from silvercentre.views import rate_limited

logger = logging.getLogger(__name__)

RATE_LIMIT_ACTION = "event_submit"
# Filters that a month or a week replaces with its own dates.
DATE_PARAMS = ("date_from", "date_to", "page")


def _query(request: HttpRequest, *drop: str) -> str:
    query: QueryDict = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


def _calendar_context(request: HttpRequest, filterset: EventFilter) -> dict[str, object]:
    """What every calendar view shows around its events: the filters, the other views, the feeds."""
    filter_query = _query(request, "page")
    feed_path = reverse("events:feed-ics") + (f"?{filter_query}" if filter_query else "")
    feed_url = request.build_absolute_uri(feed_path)
    return {
        "filter": filterset,
        "filter_query": filter_query,
        "nav_query": _query(request, *DATE_PARAMS),
        "is_filtered": any(value for key, value in request.GET.items() if key != "page"),
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
    }


class EventListView(ListView):
    """Upcoming events grouped by day; with date_from, the events from that day on."""

    template_name = "events/list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):  # type: ignore[no-untyped-def]
        self.filterset = EventFilter(self.request.GET or None, queryset=selectors.events_public())
        queryset = self.filterset.qs
        self.date_from = self.filterset.value("date_from")
        if self.date_from is None:
            queryset = selectors.events_upcoming(queryset=queryset)
        return queryset

    def paginate_queryset(self, queryset: QuerySet[Event], page_size: int) -> tuple[object, ...]:
        # An old shared link to page 5, or a mistyped number, shows the nearest page rather than «not found».
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        first_day = self.date_from or timezone.localdate()
        context.update(_calendar_context(self.request, self.filterset))
        context["days"] = selectors.group_by_day(context["events"], from_day=first_day)
        context["view_name"] = "list"
        return context


def _filterset_without_dates(request: HttpRequest) -> EventFilter:
    data = request.GET.copy()
    for name in DATE_PARAMS:
        data.pop(name, None)
    return EventFilter(data or None, queryset=selectors.events_public())


def month_view(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    filterset = _filterset_without_dates(request)
    first, last = selectors.month_range(year, month)
    events = list(selectors.events_between(first_day=first, last_day=last, queryset=filterset.qs))
    previous = first - dt.timedelta(days=1)
    following = last + dt.timedelta(days=1)
    context = {
        **_calendar_context(request, filterset),
        "view_name": "month",
        "month_start": first,
        "weeks": selectors.month_weeks(events, year=year, month=month),
        "days_with_events": [day for day in selectors.spread_over_days(events, first, last) if day.events],
        "event_count": len(events),
        "previous_url": reverse("events:month", args=[previous.year, previous.month]),
        "next_url": reverse("events:month", args=[following.year, following.month]),
        "today_url": reverse("events:month", args=[today.year, today.month]),
    }
    return render(request, "events/month.html", context)


def week_view(request: HttpRequest, year: int | None = None, week: int | None = None) -> HttpResponse:
    today = timezone.localdate()
    if year is None or week is None:
        year, week, _weekday = today.isocalendar()
    try:
        first, last = selectors.week_range(year, week)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    filterset = _filterset_without_dates(request)
    events = list(selectors.events_between(first_day=first, last_day=last, queryset=filterset.qs))
    previous = (first - dt.timedelta(days=7)).isocalendar()
    following = (first + dt.timedelta(days=7)).isocalendar()
    this_week = today.isocalendar()
    context = {
        **_calendar_context(request, filterset),
        "view_name": "week",
        "week_start": first,
        "week_end": last,
        "days": selectors.spread_over_days(events, first, last),
        "event_count": len(events),
        "previous_url": reverse("events:week", args=[previous.year, previous.week]),
        "next_url": reverse("events:week", args=[following.year, following.week]),
        "today_url": reverse("events:week", args=[this_week.year, this_week.week]),
    }
    return render(request, "events/week.html", context)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_public_detail(pk=pk)
    if event is None:
        raise Http404
    context = {
        "event": event,
        "postponements": event._postponements(),
        "other_events": selectors.events_of_organiser(event=event),
        "co_organisers": list(event.co_organisers.all()),
    }
    return render(request, "events/detail.html", context)


def _ics_response(content: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One event as an .ics file: «Add to calendar» on the event page."""
    event = selectors.event_public_detail(pk=pk)
    if event is None:
        raise Http404
    content = calendar_bytes([event], name=event.title, base_url=_base_url(request))
    return _ics_response(content, f"event-{event.pk}.ics", download=True)


def feed_ics(request: HttpRequest) -> HttpResponse:
    """The calendar as an iCalendar feed; takes the same filter parameters as /events/."""
    filterset = EventFilter(request.GET or None, queryset=selectors.events_public())
    queryset = filterset.qs
    if filterset.value("date_from") is None:
        queryset = selectors.events_for_feed(queryset=queryset)
    else:
        queryset = queryset.prefetch_related("co_organisers")
    content = calendar_bytes(queryset, name=_("Sevastopol events calendar"), base_url=_base_url(request))
    return _ics_response(content, "sevastopol-events.ics", download=False)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


class SubmitView(View):
    """An organisation's contact sends an event; it waits for a coordinator before anyone sees it."""

    template_name = "events/submit.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, EventSubmissionForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = EventSubmissionForm(request.POST)
        if form.is_bot:
            # Pretend success, so the script learns nothing; nothing is stored.
            logger.info("event submission: honeypot filled, submission dropped")
            return redirect("events:submit-done")
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION):
            return rate_limited(request)
        if not form.is_valid():
            return self._render(request, form)
        data = form.cleaned_data
        event_submit(
            title=data["title"],
            description=data["description"],
            category=data["category"],
            format=data["format"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            all_day=data["all_day"],
            venue=data["venue"],
            address=data["address"],
            organiser=data["organiser"],
            organiser_name_submitted="" if data["organiser"] else data["organiser_name"],
            audiences=data["audiences"],
            age_rating=data["age_rating"],
            registration_url=data["registration_url"],
            capacity=data["capacity"],
            contact=data["contact"],
            submitter_name=data["submitter_name"],
            submitter_email=data["submitter_email"],
            submitter_phone=data["submitter_phone"],
        )
        return redirect("events:submit-done")

    def _render(self, request: HttpRequest, form: EventSubmissionForm) -> HttpResponse:
        return render(request, self.template_name, {"form": form})


def submit_done(request: HttpRequest) -> HttpResponse:
    return render(request, "events/submit_done.html")
