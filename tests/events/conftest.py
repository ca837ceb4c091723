import pytest

from tests.events.factories import EventFactory, in_days


@pytest.fixture
def evening_event(db):
    """A published event at 18:00 Sevastopol time, ten days from now."""
    return EventFactory(
        title="Урок мужества «Севастополь — город-герой»",
        starts_at=in_days(10, 18, 0),
        ends_at=in_days(10, 20, 0),
        venue="Малахов курган",
    )
