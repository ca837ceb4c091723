"""The activity report against a small world counted by hand: volunteers, hours, projects, events."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from events.models import Event
from events.times import combine_local
from projects.models import Project, Replication
from reports import services
from reports.kinds import get_kind
from reports.models import ReportFormat, ReportKind, ReportRequest
from reports.renderers import ReportPdfRenderer, ReportXlsxRenderer
from tests.events.factories import EventFactory, audience, category
from tests.factories import VolunteerFactory
from tests.projects.factories import (
    ActivityAreaFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
    VolunteerHoursFactory,
)
from volunteers.models import District, Volunteer

pytestmark = pytest.mark.django_db

D = Decimal
PERIOD = {"date_from": "2021-03-01", "date_to": "2021-05-31"}
GENERATED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return combine_local(dt.date(year, month, day), dt.time(hour, minute))


def volunteer(*, born: dt.date, district: str, status: str, created: dt.datetime, **extra) -> Volunteer:
    person = VolunteerFactory(date_of_birth=born, district=district, status=status, **extra)
    # created_at is set on insert; the registry's history is what this test is about.
    Volunteer.objects.filter(pk=person.pk).update(created_at=created)
    return person


@pytest.fixture
def world(db):
    """See the comments for what each row adds to the expected figures (period 01.03.2021–31.05.2021)."""
    S = Volunteer.Status
    v1 = volunteer(
        born=dt.date(1960, 6, 1), district=District.GAGARINSKY, status=S.ACTIVE, created=at(2021, 3, 10)
    )
    # 01.04 at 01:00 in Sevastopol is still 31.03 in UTC: counted in April, the local month.
    volunteer(
        born=dt.date(1965, 5, 31), district=District.LENINSKY, status=S.APPLIED, created=at(2021, 4, 1, 1, 0)
    )
    v3 = volunteer(
        born=dt.date(1950, 1, 1), district=District.GAGARINSKY, status=S.ACTIVE, created=at(2021, 5, 20)
    )
    v4 = volunteer(
        born=dt.date(1955, 1, 1), district=District.NAKHIMOVSKY, status=S.INACTIVE, created=at(2020, 12, 1)
    )
    # Joined after the period: neither new nor in the registry of 31.05.2021.
    volunteer(born=dt.date(1958, 1, 1), district=District.LENINSKY, status=S.ACTIVE, created=at(2021, 6, 15))
    # Erased on request: counted among the period's signups, never in the registry.
    volunteer(
        born=None,
        district=District.OTHER,
        status=S.INACTIVE,
        created=at(2021, 4, 5),
        last_name="",
        first_name="",
        phone=None,
        email=None,
        anonymised_at=timezone.now(),
    )

    patriotic = ActivityAreaFactory(name="Патриотическое воспитание", slug="patriotic-ed")
    culture = ActivityAreaFactory(name="Культура и история", slug="culture")
    old = ProjectFactory(
        title="Старые прогулки",
        status=Project.Status.COMPLETED,
        start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2019, 12, 31),
    )
    lessons = ProjectFactory(
        title="Уроки мужества",
        status=Project.Status.RUNNING,
        start_date=dt.date(2021, 1, 1),
        end_date=None,
        is_best_practice=True,
        activity_areas=[patriotic],
    )
    walks = ProjectFactory(
        title="Прогулки памяти",
        status=Project.Status.COMPLETED,
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2021, 4, 30),
        predecessor=old,
        activity_areas=[patriotic, culture],
    )
    newcomer = ProjectFactory(
        title="Новая заявка",
        status=Project.Status.APPLICATION,
        start_date=dt.date(2021, 5, 1),
        end_date=None,
        activity_areas=[culture],
    )
    ProjectFactory(
        title="Не начат", status=Project.Status.REJECTED, start_date=dt.date(2022, 1, 1), end_date=None
    )
    crimea, kaluga = RegionFactory(name="Республика Крым"), RegionFactory(name="Калужская область")
    Replication.objects.create(project=lessons, region=crimea, year=2022)
    Replication.objects.create(project=lessons, region=kaluga, year=2022)
    Replication.objects.create(project=newcomer, region=crimea, year=2023)
    Replication.objects.create(project=old, region=kaluga, year=2020)  # project outside the period

    p1 = ParticipationFactory(volunteer=v1, project=lessons, started_on=dt.date(2021, 1, 10))
    p3 = ParticipationFactory(volunteer=v3, project=walks, started_on=dt.date(2021, 1, 10))
    p4 = ParticipationFactory(volunteer=v4, project=lessons, started_on=dt.date(2021, 1, 10))
    VolunteerHoursFactory(participation=p1, date=dt.date(2021, 3, 5), hours=D("3.00"), approved=True)
    VolunteerHoursFactory(participation=p1, date=dt.date(2021, 4, 10), hours=D("2.50"), approved=True)
    VolunteerHoursFactory(participation=p1, date=dt.date(2021, 4, 11), hours=D("4.00"))  # pending
    VolunteerHoursFactory(participation=p3, date=dt.date(2021, 5, 31), hours=D("1.50"), approved=True)
    VolunteerHoursFactory(participation=p3, date=dt.date(2021, 6, 1), hours=D("5.00"), approved=True)  # after
    VolunteerHoursFactory(
        participation=p4, date=dt.date(2021, 2, 28), hours=D("2.00"), approved=True
    )  # before

    done = IndicatorFactory(project=lessons, name="Уроков проведено", unit="шт.", planned_value=D("10"))
    IndicatorValueFactory(indicator=done, reported_on=dt.date(2021, 4, 1), value=D("4"))
    IndicatorValueFactory(indicator=done, reported_on=dt.date(2021, 6, 30), value=D("12"))  # after the period
    routes = IndicatorFactory(project=walks, name="Маршрутов описано", unit="шт.", planned_value=D("5"))
    IndicatorValueFactory(indicator=routes, reported_on=dt.date(2021, 5, 15), value=D("5"))
    IndicatorFactory(project=newcomer, name="Участников", unit="чел.", planned_value=D("50"))

    EventFactory(
        starts_at=at(2021, 3, 10, 18),
        category=category("patriotic"),
        audiences=[audience("schoolchildren"), audience("veterans")],
    )
    EventFactory(
        starts_at=at(2021, 5, 31, 23, 30),
        ends_at=at(2021, 6, 1, 0, 30),
        category=category("social"),
        audiences=[audience("seniors")],
        status=Event.Status.POSTPONED,
    )
    EventFactory(
        starts_at=at(2021, 4, 10, 11),
        category=category("patriotic"),
        audiences=[audience("schoolchildren")],
        status=Event.Status.CANCELLED,
        cancellation_reason="Штормовое предупреждение",
    )
    EventFactory(starts_at=at(2021, 6, 1, 10), category=category("patriotic"))  # after
    EventFactory(
        starts_at=at(2021, 4, 20, 10),
        category=category("patriotic"),
        status=Event.Status.PENDING,
        published_at=None,
    )


def build(parameters=PERIOD):
    with translation.override("ru"):
        return get_kind("activity").build(parameters, generated_at=GENERATED)


def rows_of(document, sheet):
    with translation.override("ru"):
        return next(t for t in document.tables if t.sheet == sheet)


def test_volunteers_by_month_status_district_and_age(world):
    document = build()
    with translation.override("ru"):
        signups = rows_of(document, "Новые волонтёры")
        assert signups.rows == [["Март 2021", 1], ["Апрель 2021", 2], ["Май 2021", 1]]
        assert signups.total[1] == 4
        status = rows_of(document, "Статус")
        assert [row[:2] for row in status.rows] == [
            ["Заявка", 1],
            ["Проверен", 0],
            ["Активен", 2],
            ["Неактивен", 1],
        ]
        assert status.total[1:] == [4, D(100)]
        assert status.rows[2][2] == D("50.0")
        districts = rows_of(document, "Районы")
        assert districts.rows == [
            ["Гагаринский район", 2, 2],
            ["Ленинский район", 1, 0],
            ["Нахимовский район", 1, 0],
        ]
        assert districts.total[1:] == [4, 2]
        ages = rows_of(document, "Возраст")
        assert ages.rows == [
            ["от 55 до 59", 1, 0],
            ["от 60 до 64", 1, 1],
            ["от 65 до 69", 1, 0],
            ["70 и старше", 1, 1],
        ]
        assert ages.total[1:] == [4, 2]


def test_approved_hours_and_projects(world):
    document = build()
    with translation.override("ru"):
        by_month = rows_of(document, "Часы по месяцам")
        assert by_month.rows == [
            ["Март 2021", D("3.00")],
            ["Апрель 2021", D("2.50")],
            ["Май 2021", D("1.50")],
        ]
        assert by_month.total[1] == D("7.00")
        by_project = rows_of(document, "Часы по проектам")
        assert [(r[0], r[2], r[3]) for r in by_project.rows] == [
            ("Уроки мужества", 1, D("5.50")),
            ("Прогулки памяти", 1, D("1.50")),
        ]
        assert by_project.total[2:] == [2, D("7.00")]
        statuses = rows_of(document, "Проекты по статусам")
        assert statuses.rows == [["Заявка", 1], ["Реализуется", 1], ["Завершён", 1], ["Отклонён", 0]]
        assert statuses.total[1] == 3
        areas = rows_of(document, "Проекты по направлениям")
        assert sorted(areas.rows) == [["Культура и история", 2], ["Патриотическое воспитание", 2]]


def test_continuity_scalability_events_and_indicators(world):
    document = build()
    with translation.override("ru"):
        continuity = next(s for s in document.sections if s.title == "Преемственность и масштабируемость")
    # Continuing, continued, best practices, replicated, share of continuing (1 of 3), regions.
    assert [f.value for f in continuity.figures] == [1, 0, 1, 2, D("33.3"), 2]
    with translation.override("ru"):
        continuing = rows_of(document, "Преемственность").rows
        assert [(r[0], r[2]) for r in continuing] == [("Прогулки памяти", "Старые прогулки")]
        assert rows_of(document, "Регионы").rows == [["Республика Крым", 2], ["Калужская область", 1]]
        assert rows_of(document, "Регионы").total[1] == 2

        categories = rows_of(document, "Мероприятия по категориям")
        assert categories.rows == [["Патриотическое", 2], ["Социальное", 1]]
        assert categories.total[1] == 3
        audiences = rows_of(document, "Мероприятия по аудиториям")
        assert audiences.rows == [["Школьники", 2], ["Ветераны", 1], ["Люди 55+", 1]]

        indicators = rows_of(document, "Показатели")
        assert [(r[1], r[3], r[4], r[5]) for r in indicators.rows] == [
            ("Участников", D("50.00"), None, None),
            ("Маршрутов описано", D("5.00"), D("5.00"), D("100.0")),
            ("Уроков проведено", D("10.00"), D("4.00"), D("40.0")),
        ]
    assert [f.value for f in document.summary] == [4, 4, 2, 2, D("7.00"), 3, 1, 2, 3, 1]


def test_a_long_period_is_counted_by_year(world):
    document = build({"date_from": "2020-01-01", "date_to": "2022-12-31"})
    with translation.override("ru"):
        signups = rows_of(document, "Новые волонтёры")
    # The erased person counts among the signups; the 2021 registry has the others who joined that year.
    assert signups.rows == [["2020", 1], ["2021", 5], ["2022", 0]]


def test_pdf_and_xlsx_show_the_figures(world):
    document = build()
    with translation.override("ru"):
        pdf = ReportPdfRenderer().render(document=document)
        xlsx = ReportXlsxRenderer().render(document=document)
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Активность волонтёров, проектов и мероприятий" in text
    assert "01.03.2021 — 31.05.2021" in text
    for fragment in ("Апрель 2021", "Гагаринский район", "Республика Крым", "Уроки мужества", "Школьники"):
        assert fragment in text, fragment
    workbook = load_workbook(io.BytesIO(xlsx))
    hours = workbook["Часы по месяцам"]
    assert hours.freeze_panes == "A3"
    assert hours["B3"].value == 3 and hours["B3"].number_format == "#,##0.00"
    assert hours.cell(row=hours.max_row, column=2).value == 7


def test_the_schedule_orders_last_month_once(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = services.report_request_scheduled_activity(today=dt.date(2021, 6, 1))
        again = services.report_request_scheduled_activity(today=dt.date(2021, 6, 1))
    assert again == []
    assert {(r.format, r.schedule_key) for r in created} == {
        (ReportFormat.PDF, "activity:2021-05:pdf"),
        (ReportFormat.XLSX, "activity:2021-05:xlsx"),
    }
    for request in ReportRequest.objects.all():
        assert request.kind == ReportKind.ACTIVITY
        assert request.parameters == {"date_from": "2021-05-01", "date_to": "2021-05-31"}
        assert request.ordered_by is None
        assert request.status == ReportRequest.Status.READY
    from reports import tasks

    assert tasks.order_monthly_activity_report.apply().get() >= 0
