"""The public calendar: what is shown and what never is, every filter, the views, time zones, query counts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event
from tests.events.factories import EventFactory, SubmissionFactory, audience, category, event_format, in_days
from tests.projects.factories import OrganisationFactory

LIST = "/events/"


def titles(response) -> list[str]:
    """Titles of the events on a list, month or week page, from the context."""
    context = response.context
    if "days" in context:
        return [event.title for day in context["days"] for event in day.events]
    return [event.title for week in context["weeks"] for day in week for event in day.events]


def test_contract_urls():
    assert reverse("events:list") == LIST
    assert reverse("events:feed-ics") == "/events/feed.ics"
    assert reverse("events:submit") == "/events/submit/"


def test_navigation_links_the_calendar(client, db):
    assert 'href="/events/"' in client.get("/").content.decode()


def test_drafts_submissions_and_rejections_are_never_public(client, db, coordinator):
    EventFactory(title="Опубликованное")
    EventFactory(title="Черновик", status=Event.Status.DRAFT, published_at=None)
    pending = SubmissionFactory(title="На модерации")
    rejected = services.event_reject(
        event=SubmissionFactory(title="Отклонённое"), reason="Повтор", by=coordinator
    )
    month = in_days(10).date()
    pages = [
        LIST,
        f"{LIST}?date_from=01.01.2020",
        f"/events/month/{month.year}/{month.month}/",
        "/events/week/{}/{}/".format(*in_days(10).isocalendar()[:2]),
        "/events/feed.ics",
        "/events/feed.rss",
        "/events/feed.atom",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Опубликованное" in html, url
        for hidden in ("Черновик", "На модерации", "Отклонённое"):
            assert hidden not in html, (url, hidden)
    for event in (pending, rejected, Event.objects.get(title="Черновик")):
        assert client.get(f"/events/{event.pk}/").status_code == 404
        assert client.get(f"/events/{event.pk}/event.ics").status_code == 404


def test_eighteen_hundred_in_sevastopol_shows_as_18_00(client, evening_event):
    assert evening_event.starts_at.astimezone(dt.UTC).hour == 15  # stored in UTC
    for url in (
        LIST,
        evening_event.get_absolute_url(),
        "/events/week/{}/{}/".format(*in_days(10).isocalendar()[:2]),
    ):
        html = client.get(url).content.decode()
        assert "18:00" in html, url
        assert "15:00" not in html, url
    month = in_days(10).date()
    assert "18:00" in client.get(f"/events/month/{month.year}/{month.month}/").content.decode()


def test_upcoming_list_groups_by_day_and_hides_past_events(client, db):
    EventFactory(title="Вчерашнее", starts_at=in_days(-1), ends_at=in_days(-1, 20))
    EventFactory(title="Послезавтра вечером", starts_at=in_days(2, 18), ends_at=in_days(2, 20))
    EventFactory(title="Послезавтра утром", starts_at=in_days(2, 10), ends_at=in_days(2, 11))
    EventFactory(title="Через неделю", starts_at=in_days(7), ends_at=in_days(7, 20))
    response = client.get(LIST)
    days = response.context["days"]
    assert [day.date for day in days] == [in_days(2).date(), in_days(7).date()]
    assert [e.title for e in days[0].events] == ["Послезавтра утром", "Послезавтра вечером"]
    assert "Вчерашнее" not in response.content.decode()


def test_running_exhibition_is_still_upcoming(client, db):
    from events.times import all_day_bounds

    starts_at, ends_at = all_day_bounds(in_days(-3).date(), in_days(3).date())
    EventFactory(title="Выставка «Письма с фронта»", all_day=True, starts_at=starts_at, ends_at=ends_at)
    response = client.get(LIST)
    assert titles(response) == ["Выставка «Письма с фронта»"]
    assert response.context["days"][0].date == timezone.localdate()


def test_cancelled_and_postponed_stay_visible_and_marked(client, db, coordinator):
    cancelled = services.event_cancel(
        event=EventFactory(title="Отменённая лекция"), reason="Болезнь лектора", by=coordinator
    )
    moved = EventFactory(title="Перенесённая акция", starts_at=in_days(5), ends_at=in_days(5, 20))
    services.event_postpone(
        event=moved, starts_at=in_days(12), ends_at=in_days(12, 20), reason="Погода", by=coordinator
    )
    html = client.get(LIST).content.decode()
    assert "Отменённая лекция" in html and "Перенесённая акция" in html
    assert "Отменено" in html and "Перенесено" in html
    assert "было запланировано на" in html
    page = client.get(cancelled.get_absolute_url()).content.decode()
    assert "Мероприятие отменено" in page and "Болезнь лектора" in page
    page = client.get(moved.get_absolute_url()).content.decode()
    assert "Мероприятие перенесено" in page and "Погода" in page
    assert in_days(5).strftime("%-d") in page


def test_filter_by_audience_includes_events_for_everyone(client, db):
    EventFactory(title="Для школьников", audiences=[audience("schoolchildren")])
    EventFactory(title="Для всех", audiences=[audience("everyone")])
    EventFactory(title="Для ветеранов", audiences=[audience("veterans")])
    response = client.get(LIST, {"audience": "schoolchildren"})
    assert sorted(titles(response)) == ["Для всех", "Для школьников"]


def test_filter_by_organizer_includes_co_organised(client, db):
    museum, school = (
        OrganisationFactory(short_name="Музей обороны"),
        OrganisationFactory(short_name="Школа № 3"),
    )
    EventFactory(title="Музей проводит", organiser=museum)
    EventFactory(title="Школа с музеем", organiser=school, co_organisers=[museum])
    EventFactory(title="Только школа", organiser=school)
    response = client.get(LIST, {"organizer": museum.pk})
    assert sorted(titles(response)) == ["Музей проводит", "Школа с музеем"]


def test_filter_by_category_and_patriotic(client, db):
    EventFactory(title="Патриотическое", category=category("patriotic"))
    EventFactory(title="Спортивное", category=category("sports"))
    assert titles(client.get(LIST, {"category": "sports"})) == ["Спортивное"]
    assert titles(client.get(LIST, {"patriotic": "1"})) == ["Патриотическое"]
    assert sorted(titles(client.get(LIST, {"patriotic": ""}))) == ["Патриотическое", "Спортивное"]


def test_filter_by_dates_in_sevastopol_days(client, db):
    EventFactory(title="Пятое", starts_at=in_days(5, 23, 30), ends_at=in_days(5, 23, 45))
    EventFactory(title="Шестое", starts_at=in_days(6, 0, 15), ends_at=in_days(6, 1))
    EventFactory(title="Прошлое", starts_at=in_days(-5), ends_at=in_days(-5, 20))
    day5, day6 = in_days(5).strftime("%d.%m.%Y"), in_days(6).date().isoformat()
    assert titles(client.get(LIST, {"date_from": day5, "date_to": day5})) == ["Пятое"]
    assert titles(client.get(LIST, {"date_from": day6})) == ["Шестое"]
    assert titles(client.get(LIST, {"date_to": day5, "date_from": in_days(-6).strftime("%d.%m.%Y")})) == [
        "Прошлое",
        "Пятое",
    ]


def test_text_search_is_case_insensitive_in_russian(client, db):
    EventFactory(title="Экскурсия по Малахову кургану", venue="Малахов курган")
    EventFactory(title="Концерт хора ветеранов", venue="Графская пристань")
    assert titles(client.get(LIST, {"q": "малахов"})) == ["Экскурсия по Малахову кургану"]
    assert titles(client.get(LIST, {"q": "ГРАФСКАЯ"})) == ["Концерт хора ветеранов"]
    assert titles(client.get(LIST, {"q": "хор ветеранов"})) == ["Концерт хора ветеранов"]


def test_filters_combine_and_live_in_the_url(client, db):
    EventFactory(
        title="Урок для школьников", audiences=[audience("schoolchildren")], category=category("patriotic")
    )
    EventFactory(
        title="Матч для школьников", audiences=[audience("schoolchildren")], category=category("sports")
    )
    response = client.get(LIST, {"audience": "schoolchildren", "patriotic": "1"})
    assert titles(response) == ["Урок для школьников"]
    html = response.content.decode()
    # The subscription keeps the same filters, so a school subscribes to exactly what it sees.
    assert "/events/feed.ics?audience=schoolchildren&amp;patriotic=1" in html
    assert "webcal://" in html
    assert '<option value="schoolchildren" selected>' in html


def test_invalid_filters_show_a_message_not_an_error(client, db):
    EventFactory(title="Обычное")
    response = client.get(LIST, {"date_from": "32.13.2026", "audience": "марсиане", "organizer": "x"})
    assert response.status_code == 200
    assert titles(response) == ["Обычное"]
    assert "день, месяц и год" in response.content.decode()


def test_pagination_keeps_the_filters(client, db):
    for n in range(25):
        EventFactory(title=f"Урок № {n}", starts_at=in_days(3 + n), ends_at=in_days(3 + n, 20))
    response = client.get(LIST, {"category": "patriotic"})
    assert len(titles(response)) == 20
    assert "?category=patriotic&amp;page=2" in response.content.decode()
    assert len(titles(client.get(LIST, {"category": "patriotic", "page": 2}))) == 5


def test_month_view_places_events_on_each_of_their_days(client, db):
    from events.times import all_day_bounds

    first = dt.date(2027, 3, 30)
    starts_at, ends_at = all_day_bounds(first, dt.date(2027, 4, 2))
    EventFactory(title="Выставка на стыке месяцев", all_day=True, starts_at=starts_at, ends_at=ends_at)
    march = client.get("/events/month/2027/3/")
    april = client.get("/events/month/2027/4/")
    march_days = [day.date for week in march.context["weeks"] for day in week if day.events]
    april_days = [day.date for week in april.context["weeks"] for day in week if day.events]
    assert march_days == [dt.date(2027, 3, 30), dt.date(2027, 3, 31)]
    assert april_days == [dt.date(2027, 4, 1), dt.date(2027, 4, 2)]
    assert "Март 2027".lower() in march.content.decode().lower()
    assert client.get("/events/month/2027/13/").status_code == 404
    assert client.get("/events/month/").status_code == 200


def test_week_view_shows_seven_days_and_filters(client, db):
    monday = dt.date.fromisocalendar(2027, 10, 1)
    from events.times import combine_local

    EventFactory(
        title="Среда",
        starts_at=combine_local(monday + dt.timedelta(2), dt.time(18)),
        ends_at=combine_local(monday + dt.timedelta(2), dt.time(19)),
    )
    EventFactory(
        title="Спорт в пятницу",
        category=category("sports"),
        starts_at=combine_local(monday + dt.timedelta(4), dt.time(9)),
        ends_at=combine_local(monday + dt.timedelta(4), dt.time(10)),
    )
    response = client.get("/events/week/2027/10/", {"patriotic": "1"})
    assert len(response.context["days"]) == 7
    assert titles(response) == ["Среда"]
    assert client.get("/events/week/2027/60/").status_code == 404
    assert client.get("/events/week/").status_code == 200


def test_event_page_has_everything(client, db):
    organiser = OrganisationFactory(short_name="РОО «Союз ветеранов флота»")
    event = EventFactory(
        title="Экскурсия на Сапун-гору",
        organiser=organiser,
        co_organisers=[OrganisationFactory(short_name="Школа № 3")],
        format=event_format("excursion"),
        venue="Диорама на Сапун-горе",
        address="Сапун-гора",
        latitude="44.565000",
        longitude="33.607000",
        age_rating="12+",
        capacity=35,
        registration_url="https://example.ru/zapis",
        audiences=[audience("schoolchildren"), audience("veterans")],
    )
    EventFactory(
        title="Ещё одно мероприятие союза",
        organiser=organiser,
        starts_at=in_days(20),
        ends_at=in_days(20, 20),
    )
    event.submitter_email, event.submitter_phone = "private@example.org", "+79785550011"
    event.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert (
        "private@example.org" not in html and "5550011" not in html
    )  # the submitter's contacts stay private
    for text in (
        "Экскурсия на Сапун-гору",
        "Диорама на Сапун-горе",
        "Сапун-гора",
        "openstreetmap.org/?mlat=44.565000",
        "Школа № 3",
        "Школьники, Ветераны",
        "12+",
        "35",
        "https://example.ru/zapis",
        "Добавить в календарь",
        f"/events/{event.pk}/event.ics",
        "Ещё одно мероприятие союза",
        f"/events/?organizer={organiser.pk}",
    ):
        assert text in html, text


@pytest.mark.parametrize("url", [LIST, "month", "/events/feed.ics", "week"])
def test_query_count_does_not_grow_with_the_number_of_events(client, db, django_assert_max_num_queries, url):
    today = in_days(0).date()
    if url == "month":
        url = f"/events/month/{today.year}/{today.month}/"
    if url == "week":
        url = "/events/week/{}/{}/".format(*today.isocalendar()[:2])
    organisers = [OrganisationFactory() for _ in range(3)]

    def make(count: int) -> None:
        for n in range(count):
            EventFactory(
                organiser=organisers[n % 3],
                co_organisers=[organisers[(n + 1) % 3]],
                audiences=[audience("schoolchildren"), audience("veterans")],
                starts_at=in_days(n % 3, 20, n % 50),
                ends_at=in_days(n % 3, 21, 30),
            )

    make(10)
    client.get(url)  # warm the caches (sessions, content types) so both counts compare like with like
    with django_assert_max_num_queries(100) as small:
        client.get(url)
    make(490)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    print(url, "queries:", len(small.captured_queries))
