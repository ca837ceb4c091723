import datetime as dt

import pytest

from volunteers.models import District
from volunteers.selectors import consent_text_current


@pytest.fixture
def consent_text(db):
    text = consent_text_current()
    assert text is not None, "the initial consent text comes from a data migration"
    return text


@pytest.fixture
def signup_data(db):
    """What a person of 68 from the Gagarinsky district types into the form."""
    return {
        "last_name": "Соколова",
        "first_name": "Галина",
        "patronymic": "Петровна",
        "date_of_birth": "14.03.1958",
        "phone": "8 (978) 765-43-21",
        "email": "Galina.Sokolova@Mail.ru",
        "district": District.GAGARINSKY,
        "about": "Сорок лет работала библиотекарем, могу вести клуб чтения.",
        "consent": "on",
    }


@pytest.fixture
def today():
    return dt.date(2026, 11, 25)


@pytest.fixture
def freezer_at(monkeypatch):
    """Fix the clock Django reads (timezone.now, and so localdate) at an ISO timestamp."""

    def freeze(iso: str) -> dt.datetime:
        moment = dt.datetime.fromisoformat(iso)
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        return moment

    return freeze
