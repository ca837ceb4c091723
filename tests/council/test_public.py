"""Public pages: only published resolutions, full accessible text, versions, PDF, search; constant queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council import services
from council.models import Resolution
from tests.council.conftest import publish_now
from tests.council.factories import (
    CouncilMemberFactory,
    DecisionItemFactory,
    FindingFactory,
    MeetingFactory,
    ResolutionFactory,
    WorkingGroupFactory,
    mark_published,
)
from tests.projects.factories import OrganisationFactory

ARCHIVE = "/council/resolutions/"


def page_of(resolution) -> str:
    return f"/council/resolutions/{resolution.pk}/"


def test_the_archive_shows_only_published_resolutions_newest_first(client, council):
    meeting = MeetingFactory(council=council)
    old = mark_published(ResolutionFactory(meeting=meeting, number="1", adopted_on=dt.date(2021, 10, 21)))
    new = mark_published(ResolutionFactory(meeting=meeting, number="2", adopted_on=dt.date(2023, 3, 1)))
    ResolutionFactory(meeting=meeting, number="3", title="черновик, которого никто не видит")
    publishing = ResolutionFactory(meeting=meeting, number="4", title="ещё не готов PDF")
    Resolution.objects.filter(pk=publishing.pk).update(status=Resolution.Status.PUBLISHING)

    response = client.get(ARCHIVE)
    assert response.status_code == 200
    assert list(response.context["resolutions"]) == [new, old]
    html = response.content.decode()
    assert "черновик, которого никто не видит" not in html and "ещё не готов PDF" not in html
    assert response.context["years"] == [2023, 2021]
    for hidden in Resolution.objects.exclude(status=Resolution.Status.PUBLISHED):
        assert client.get(page_of(hidden)).status_code == 404
        assert client.get(f"{page_of(hidden)}pdf/").status_code == 404


def test_the_archive_filters_by_year_and_searches_the_text(client, council, published):
    meeting = MeetingFactory(council=council)
    other = ResolutionFactory(meeting=meeting, number="2", adopted_on=dt.date(2023, 5, 5), title="о ёлке")
    DecisionItemFactory(resolution=other, text="Провести Новогоднюю ёлку для ветеранов.")
    services.resolution_publish(resolution=other, by=None, queue=False)
    services.resolution_publish_pdf(resolution_id=other.pk)

    def found(**params):
        return [r.number for r in client.get(ARCHIVE, params).context["resolutions"]]

    assert found() == ["2", "1"]
    assert found(year=2021) == ["1"]
    assert found(year="не год") == ["2", "1"]  # a mistyped year shows everything
    assert found(q="мониторинга") == ["1"]  # words of a decision
    assert found(q="125 МЛН") == ["1"]  # words of a finding, any case
    assert found(q="елку ветеранов") == ["2"]  # е for ё, every word somewhere
    assert found(q="мониторинга", year=2023) == []
    assert "Ничего не найдено" in client.get(ARCHIVE, {"q": "космодром"}).content.decode()


def test_the_resolution_page_has_the_full_text_execution_and_the_pdf(client, published, frozen_today):
    response = client.get(page_of(published))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Резолюция №\u00a01 от 21 октября 2021" in html  # the number never wraps away from «№»
    assert "в 2021 году в некоммерческий сектор привлечено более 125 млн руб." in html
    assert html.index("1.</span> Приветствовать") < html.index("2.</span> Согласно Указу")
    assert html.index("2.</span> Согласно Указу") < html.index("3.2.</span> Лиге работников")
    assert 'id="p3-2"' in html  # the digest links straight to a decision
    assert "Просрочено" in html and "Департамент внутренней политики" in html and "31.12.2021" in html
    assert f"/council/resolutions/{published.pk}/pdf/" in html
    assert published.pdf_sha256 in html
    assert "И. В. Савченко" in html
    assert '<ol class="decisions" role="list">' in html


def test_the_pdf_is_downloaded_as_stored(client, published):
    response = client.get(f"{page_of(published)}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{published.pdf_sha256}"'
    body = b"".join(response.streaming_content)
    with published.pdf.open("rb") as handle:
        assert body == handle.read()


def test_both_versions_stay_public_and_the_old_one_says_it_is_replaced(client, published, secretary):
    second = services.resolution_new_version(
        resolution=published, by=secretary, note="Уточнён срок пункта 2."
    )
    assert client.get(page_of(second)).status_code == 404  # a draft correction is not public
    second = publish_now(second, by=secretary)

    archive = client.get(ARCHIVE)
    assert list(archive.context["resolutions"]) == [second]  # the archive lists the text in force once

    current = client.get(page_of(second)).content.decode()
    assert "Уточнён срок пункта 2." in current
    assert f'href="{page_of(published)}"' in current  # the earlier version is linked
    assert f"{page_of(published)}pdf/" in current

    earlier = client.get(page_of(published))
    assert earlier.status_code == 200
    text = earlier.content.decode()
    assert "Это прежняя редакция" in text and f'href="{page_of(second)}"' in text
    assert client.get(f"{page_of(published)}pdf/").status_code == 200


def test_the_council_page_lists_members_in_office_and_working_groups(
    client, council, chair, secretary_member
):
    CouncilMemberFactory(council=council, last_name="Бывшая", until=dt.date(2022, 1, 1))
    member = CouncilMemberFactory(
        council=council, last_name="Новикова", organisation=OrganisationFactory(short_name="Лига")
    )
    group = WorkingGroupFactory(council=council, name="Комиссия по поддержке одиноких людей")
    group.memberships.create(member=member, is_lead=True)
    response = client.get("/council/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Савченко Ирина Викторовна") < html.index("Мельник Ольга") < html.index("Новикова")
    assert "Бывшая" not in html
    assert "Комиссия по поддержке одиноких людей" in html and "руководит группой" in html
    assert "@" not in html.split('<main id="main"')[1].split("</main>")[0]  # members' e-mails stay private


def _publish_many(council, count: int, decisions: int = 3, start: int = 1) -> list[Resolution]:
    meeting = MeetingFactory(council=council)
    org = OrganisationFactory()
    made = []
    for n in range(count):
        resolution = ResolutionFactory(
            meeting=meeting, number=f"{start + n}", adopted_on=dt.date(2021 + n % 4, 5, 1)
        )
        FindingFactory(resolution=resolution)
        for _ in range(decisions):
            DecisionItemFactory(
                resolution=resolution, responsible_organisations=[org], due_date=dt.date(2022, 1, 1)
            )
        made.append(mark_published(resolution))
    return made


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_archive_runs_the_same_queries_for_3_and_50_resolutions(
    client, council, django_assert_max_num_queries
):
    _publish_many(council, 3)
    few = _count(client, ARCHIVE)
    _publish_many(council, 47, start=4)
    with django_assert_max_num_queries(few):
        response = client.get(ARCHIVE)
    assert response.context["paginator"].count == 50
    assert few <= 5


@pytest.mark.django_db
def test_the_resolution_page_runs_the_same_queries_for_3_and_50_decisions(
    client, council, django_assert_max_num_queries
):
    small = _publish_many(council, 1, decisions=3)[0]
    few = _count(client, page_of(small))
    _publish_many(council, 48, decisions=1, start=2)
    big = _publish_many(council, 1, decisions=50, start=50)[0]
    with django_assert_max_num_queries(few):
        assert client.get(page_of(big)).status_code == 200
    assert few <= 8
