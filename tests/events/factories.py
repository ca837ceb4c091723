"""factory_boy factories of the calendar, with Russian names and Sevastopol places."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from events.models import AgeRating, Audience, Category, Event, EventAssignment, EventFormat
from events.times import combine_local
from tests.factories import VolunteerFactory
from tests.projects.factories import OrganisationFactory


def in_days(days: int, hour: int = 18, minute: int = 0) -> dt.datetime:
    """An aware moment `days` from today at hour:minute Sevastopol time."""
    return combine_local(timezone.localdate() + dt.timedelta(days=days), dt.time(hour, minute))


def category(slug: str = "patriotic") -> Category:
    return Category.objects.get(slug=slug)


def event_format(slug: str = "lesson-of-courage") -> EventFormat:
    return EventFormat.objects.get(slug=slug)


def audience(slug: str) -> Audience:
    return Audience.objects.get(slug=slug)


class EventFactory(factory.django.DjangoModelFactory):
    """A published event ten days ahead at 18:00; pass status=... for other stages."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Урок мужества № {n} «Севастополь — город-герой»")
    description = "Ветераны флота рассказывают школьникам об обороне города."
    category = factory.LazyFunction(category)
    format = factory.LazyFunction(event_format)
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    venue = factory.Iterator(["Малахов курган", "Панорама «Оборона Севастополя»", "Школа № 3, актовый зал"])
    address = "г. Севастополь"
    organiser = factory.SubFactory(OrganisationFactory)
    age_rating = AgeRating.SIX
    contact = "+7 (8692) 00-00-00"
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def audiences(self, create: bool, extracted: list[Audience] | None, **kwargs: object) -> None:
        if create:
            self.audiences.set(extracted if extracted is not None else [audience("schoolchildren")])

    @factory.post_generation
    def co_organisers(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.co_organisers.set(extracted)


class SubmissionFactory(EventFactory):
    """An event sent from the site by an organisation's contact, waiting for moderation."""

    status = Event.Status.PENDING
    published_at = None
    source = Event.Source.SUBMISSION
    submitted_at = factory.LazyFunction(timezone.now)
    submitter_name = "Мирошниченко Ольга Сергеевна"
    submitter_email = factory.Sequence(lambda n: f"olga{n}@example.org")
    submitter_phone = "+79781234567"


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventAssignment

    event = factory.SubFactory(EventFactory)
    volunteer = factory.SubFactory(VolunteerFactory)
    role = "Встречает гостей у входа"


def admin_event_form(organiser, **overrides: object) -> dict[str, object]:
    """What a coordinator posts to the admin's «add event» page: a valid briefing in four days."""
    data: dict[str, object] = {
        "title": "Брифинг Департамента здравоохранения",
        "description": "",
        "category": Category.objects.get(slug="authorities").pk,
        "format": EventFormat.objects.get(slug="briefing").pk,
        "starts_at_0": in_days(4).strftime("%d.%m.%Y"),
        "starts_at_1": "11:00",
        "ends_at_0": in_days(4).strftime("%d.%m.%Y"),
        "ends_at_1": "12:00",
        "venue": "Ресурсный центр",
        "organiser": organiser.pk,
        "audiences": [Audience.objects.get(slug="seniors").pk],
        "age_rating": "16+",
        "postponements-TOTAL_FORMS": "0",
        "postponements-INITIAL_FORMS": "0",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data
