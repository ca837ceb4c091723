"""The demo calendar: a few months around today, every kind of event, and safe to load twice."""

from events import demo
from events.models import Event, EventAssignment


def test_seed_is_idempotent_and_covers_the_calendar(db):
    first = demo.seed()
    assert first["events_created"] == len(demo.EVENTS)
    again = demo.seed()
    assert again["events_created"] == 0
    assert again["events"] == first["events"]

    events = Event.objects.all()
    assert events.filter(status=Event.Status.CANCELLED).count() == 1
    assert events.filter(status=Event.Status.POSTPONED).count() >= 2
    assert events.filter(status=Event.Status.PENDING).exists()
    assert events.filter(organiser__isnull=True, status=Event.Status.PENDING).exists()  # a new organisation
    assert events.filter(category__is_patriotic=True).count() >= 5
    departments = set(
        events.filter(category__slug="authorities", organiser__is_government_department=True).values_list(
            "organiser__short_name", flat=True
        )
    )
    assert len(departments) >= 4
    assert set(events.values_list("format__slug", flat=True)) >= {
        "round-table",
        "briefing",
        "press-conference",
    }
    span = events.order_by("starts_at").first().start_date, events.order_by("-starts_at").first().start_date
    assert (span[1] - span[0]).days >= 90
    assert all(event.age_rating for event in events)
    assert all(event.audiences.exists() for event in events)


def test_seed_after_the_projects_demo_records_volunteer_hours(db):
    from projects import demo as projects_demo
    from volunteers import demo as volunteers_demo

    volunteers_demo.seed()
    projects_demo.seed()
    counts = demo.seed()
    assert counts["volunteer_assignments"] == 2
    assert EventAssignment.objects.filter(hours_entry__isnull=False).count() == 2
