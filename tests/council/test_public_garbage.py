"""Garbage in the archive's query string: 200 with the typed values kept, never 500 or 404."""

import datetime as dt

import pytest

from tests.council.factories import MeetingFactory, ResolutionFactory, mark_published

ARCHIVE = "/council/resolutions/"


@pytest.fixture
def archive(council):
    meeting = MeetingFactory(council=council)
    return [
        mark_published(
            ResolutionFactory(meeting=meeting, number=str(n), adopted_on=dt.date(2021 + n % 2, 5, 1))
        )
        for n in range(1, 26)
    ]


@pytest.mark.parametrize("year", ["99999", "0", "-5", "1e10", "2021.5", "NaN", "Infinity", "abc", "2019"])
def test_a_year_nobody_offered_shows_every_resolution_with_a_message(client, archive, year):
    response = client.get(ARCHIVE, {"year": year, "q": "постановление"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Такого года нет в архиве" in html
    assert response.context["selected_year"] is None
    assert 'value="постановление"' in html  # the words typed stay in the box


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999", "9" * 5000, "last"])
def test_a_wrong_page_number_shows_the_nearest_page(client, archive, page):
    response = client.get(ARCHIVE, {"page": page})
    assert response.status_code == 200
    assert response.context["paginator"].count == 25
    assert response.context["page_obj"].number in (1, 2)


def test_a_long_query_with_a_bad_year_and_page_still_answers(client, archive):
    words = "а" * 5000
    response = client.get(ARCHIVE, {"q": words, "page": "-1", "year": "abc"})
    assert response.status_code == 200
    assert response.context["search"] == words
    assert "Ничего не найдено" in response.content.decode()


def test_a_valid_year_still_filters(client, archive):
    response = client.get(ARCHIVE, {"year": "2021"})
    assert response.status_code == 200
    assert response.context["selected_year"] == 2021
    assert {r.adopted_on.year for r in response.context["resolutions"]} == {2021}
    assert "Такого года нет в архиве" not in response.content.decode()


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999"])
def test_unknown_resolutions_are_not_found(client, archive, pk):
    assert client.get(f"{ARCHIVE}{pk}/").status_code == 404
    assert client.get(f"{ARCHIVE}{pk}/pdf/").status_code == 404
