"""Demo events of Sevastopol for `seed_demo`: a few months around today, fictional but true to the city.

Runs after the projects demo and uses its organisations when they are there; safe to run again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from events import services
from events.models import Audience, Category, Event, EventAssignment, EventFormat
from events.times import all_day_bounds, combine_local
from projects.models import DECREE_78_UG, LegalForm, Organisation, Project
from volunteers.models import Volunteer

# short name -> (full name, legal form, government department?) for organisations the projects demo may lack.
ORGANISATIONS = {
    "АНО «Ресурсный центр поддержки СО НКО»": (
        "Автономная некоммерческая организация «Ресурсный центр поддержки социально ориентированных "
        "некоммерческих организаций»",
        LegalForm.ANO,
        False,
    ),
    "Департамент внутренней политики": (
        "Департамент внутренней политики города Севастополя",
        LegalForm.GOVERNMENT,
        True,
    ),
    "Департамент здравоохранения": (
        "Департамент здравоохранения города Севастополя",
        LegalForm.GOVERNMENT,
        True,
    ),
    "Департамент образования": (
        "Департамент образования и науки города Севастополя",
        LegalForm.GOVERNMENT,
        True,
    ),
    "Департамент имущественных и земельных отношений": (
        "Департамент имущественных и земельных отношений города Севастополя",
        LegalForm.GOVERNMENT,
        True,
    ),
    "Управление по делам молодёжи и спорта": (
        "Управление по делам молодёжи и спорта города Севастополя",
        LegalForm.GOVERNMENT,
        True,
    ),
    "РОО «Союз ветеранов флота»": (
        "Региональная общественная организация «Союз ветеранов Черноморского флота»",
        LegalForm.PUBLIC,
        False,
    ),
    "Совет ветеранов Ленинского района": (
        "Совет ветеранов войны, труда и правоохранительных органов Ленинского района",
        LegalForm.PUBLIC,
        False,
    ),
    "СГОО «Центр семейных традиций»": (
        "Севастопольская городская общественная организация «Центр семейных традиций»",
        LegalForm.PUBLIC,
        False,
    ),
    "АНО «Серебряный возраст»": (
        "Автономная некоммерческая организация содействия активному долголетию «Серебряный возраст»",
        LegalForm.ANO,
        False,
    ),
    "ТОС «Омега»": ("Территориальное общественное самоуправление «Омега»", LegalForm.TOS, False),
    "Музей обороны Севастополя": (
        "Государственное бюджетное учреждение культуры "
        "«Музей героической обороны и освобождения Севастополя»",
        LegalForm.GOVERNMENT,
        False,
    ),
    "Школа № 3": (
        "Государственное бюджетное общеобразовательное учреждение «Средняя школа № 3»",
        LegalForm.GOVERNMENT,
        False,
    ),
    "Морская библиотека": (
        "Государственное бюджетное учреждение культуры «Морская библиотека имени адмирала М. П. Лазарева»",
        LegalForm.GOVERNMENT,
        False,
    ),
}

# name -> (address, latitude, longitude)
VENUES = {
    "Малахов курган": ("Корабельная сторона", "44.606800", "33.556600"),
    "Панорама «Оборона Севастополя»": ("Исторический бульвар", "44.596400", "33.520800"),
    "Диорама на Сапун-горе": ("Сапун-гора", "44.565000", "33.607000"),
    "Графская пристань": ("площадь Нахимова", "44.616800", "33.525400"),
    "Мемориал героической обороны 1941–1942 годов": ("площадь Нахимова", "44.616000", "33.524000"),
    "Школа № 3, актовый зал": ("Гагаринский район", None, None),
    "Морская библиотека, читальный зал": ("центр города", None, None),
    "Ресурсный центр, конференц-зал": ("центр города", None, None),
    "Набережная Балаклавы": ("Балаклава", "44.498000", "33.598000"),
    "Двор ТОС «Омега»": ("Гагаринский район, бухта Омега", None, None),
}

# title, days from today, start "HH:MM" or None for all day, hours (or days when all day), category,
# format, audiences, age rating, venue, organiser, co-organisers, description, capacity, change
# (change: None, "postponed:<days later>", "cancelled", or "pending" for a submission awaiting moderation)
EVENTS = [
    (
        "Урок мужества «Севастополь — город-герой»",
        -20,
        "11:00",
        1.5,
        "patriotic",
        "lesson-of-courage",
        ["schoolchildren"],
        "6+",
        "Школа № 3, актовый зал",
        "РОО «Союз ветеранов флота»",
        ["Школа № 3"],
        "Ветераны флота рассказывают шестиклассникам о двух оборонах города и отвечают на вопросы.",
        120,
        None,
    ),
    (
        "Встреча поколений в Морской библиотеке",
        -9,
        "15:00",
        2,
        "patriotic",
        "veterans-meeting",
        ["youth", "veterans"],
        "12+",
        "Морская библиотека, читальный зал",
        "Совет ветеранов Ленинского района",
        ["Морская библиотека"],
        "Старшеклассники и студенты записывают воспоминания ветеранов для городского архива устной истории.",
        40,
        None,
    ),
    (
        "Круглый стол с Департаментом внутренней политики: «серебряное» волонтёрство в городе",
        -4,
        "10:00",
        2.5,
        "authorities",
        "round-table",
        ["seniors"],
        "18+",
        "Ресурсный центр, конференц-зал",
        "Департамент внутренней политики",
        ["АНО «Ресурсный центр поддержки СО НКО»"],
        "Руководители СО НКО и кураторы секций обсуждают с департаментом, как поддержать волонтёров 55+.",
        50,
        None,
    ),
    (
        "Экскурсия по Малахову кургану с ветеранами-экскурсоводами",
        0,
        "14:00",
        2,
        "patriotic",
        "excursion",
        ["schoolchildren", "families"],
        "6+",
        "Малахов курган",
        "РОО «Союз ветеранов флота»",
        [],
        "Прогулка по местам обеих оборон: бастион, Вечный огонь, памятные знаки. Удобная обувь обязательна.",
        30,
        None,
    ),
    (
        "Брифинг Департамента здравоохранения: школа здоровья для волонтёров 55+",
        2,
        "11:00",
        1,
        "authorities",
        "briefing",
        ["seniors"],
        "16+",
        "Ресурсный центр, конференц-зал",
        "Департамент здравоохранения",
        [],
        "Что важно знать волонтёру старшего возраста о своём здоровье в зимний сезон; ответы специалистов.",
        60,
        None,
    ),
    (
        "Выставка «Письма с фронта» в Морской библиотеке",
        3,
        None,
        12,
        "patriotic",
        "exhibition",
        ["everyone"],
        "0+",
        "Морская библиотека, читальный зал",
        "Морская библиотека",
        ["Совет ветеранов Ленинского района"],
        "Фронтовые письма из семейных архивов севастопольцев. Вход свободный в часы работы библиотеки.",
        None,
        None,
    ),
    (
        "Концерт хора ветеранов ко Дню Неизвестного солдата",
        8,
        "16:00",
        1.5,
        "patriotic",
        "concert",
        ["everyone"],
        "0+",
        "Мемориал героической обороны 1941–1942 годов",
        "Совет ветеранов Ленинского района",
        [],
        "Песни военных лет у мемориала; после концерта — возложение цветов.",
        None,
        None,
    ),
    (
        "Встреча Департамента образования и Управления по делам молодёжи и спорта с ветеранским активом",
        9,
        "10:00",
        3,
        "authorities",
        "round-table",
        ["veterans", "seniors"],
        "18+",
        "Ресурсный центр, конференц-зал",
        "Департамент образования",
        ["Управление по делам молодёжи и спорта"],
        "Как ветераны могут войти в педагогические советы и советы по патриотическому воспитанию школ.",
        45,
        None,
    ),
    (
        "Акция «Георгиевская лента памяти» на Графской пристани",
        12,
        "12:00",
        3,
        "patriotic",
        "campaign",
        ["youth", "students"],
        "0+",
        "Графская пристань",
        "Управление по делам молодёжи и спорта",
        ["ТОС «Омега»"],
        "Волонтёры рассказывают прохожим о героях обороны и раздают памятки с маршрутами по городу.",
        None,
        "postponed:7",
    ),
    (
        "Пресс-конференция: итоги года Регионального центра «серебряного» волонтёрства",
        15,
        "12:00",
        1,
        "authorities",
        "press-conference",
        ["everyone"],
        "12+",
        "Ресурсный центр, конференц-зал",
        "АНО «Ресурсный центр поддержки СО НКО»",
        ["Департамент внутренней политики"],
        "Цифры года, лучшие проекты и планы; вопросы журналистов электронных СМИ.",
        40,
        None,
    ),
    (
        "Мастер-класс «Открытка ветерану» для семей",
        17,
        "11:00",
        2,
        "social",
        "master-class",
        ["families"],
        "0+",
        "Двор ТОС «Омега»",
        "СГОО «Центр семейных традиций»",
        ["ТОС «Омега»"],
        "Бабушки, дедушки и внуки вместе делают новогодние открытки для одиноких ветеранов района.",
        25,
        None,
    ),
    (
        "Лекция «Оборона Севастополя 1854–1855 годов» в Панораме",
        22,
        "17:00",
        1.5,
        "educational",
        "lecture",
        ["students", "seniors"],
        "12+",
        "Панорама «Оборона Севастополя»",
        "Музей обороны Севастополя",
        [],
        "Научный сотрудник рассказывает о полотне Франца Рубо и людях, которые на нём изображены.",
        80,
        "cancelled",
    ),
    (
        "Круглый стол с Департаментом имущественных и земельных отношений: помещения для НКО",
        29,
        "10:00",
        2,
        "authorities",
        "round-table",
        ["seniors"],
        "18+",
        "Ресурсный центр, конференц-зал",
        "Департамент имущественных и земельных отношений",
        [],
        "Как некоммерческим организациям получить помещение в безвозмездное пользование: порядок и сроки.",
        40,
        "postponed:14",
    ),
    (
        "Экскурсия «Диорама на Сапун-горе: штурм 7 мая 1944 года»",
        35,
        "12:00",
        2,
        "patriotic",
        "excursion",
        ["schoolchildren", "veterans"],
        "6+",
        "Диорама на Сапун-горе",
        "Музей обороны Севастополя",
        ["РОО «Союз ветеранов флота»"],
        "Школьники вместе с ветеранами проходят по аллее Славы и смотрят диораму штурма.",
        35,
        None,
    ),
    (
        "Скандинавская ходьба на набережной Балаклавы",
        40,
        "09:30",
        1.5,
        "sports",
        "campaign",
        ["seniors"],
        "0+",
        "Набережная Балаклавы",
        "АНО «Серебряный возраст»",
        [],
        "Тренировка для начинающих; палки можно взять у инструктора.",
        20,
        None,
    ),
    (
        "Урок мужества «Дети блокадного Севастополя»",
        48,
        "10:00",
        1,
        "patriotic",
        "lesson-of-courage",
        ["schoolchildren"],
        "12+",
        "Школа № 3, актовый зал",
        "РОО «Союз ветеранов флота»",
        ["Школа № 3"],
        "Рассказ о детях, которые жили в городе во время обороны, по воспоминаниям их семей.",
        100,
        None,
    ),
    (
        "Конкурс чтецов «Севастопольские строки»",
        62,
        "14:00",
        3,
        "cultural",
        "competition",
        ["schoolchildren", "students"],
        "6+",
        "Морская библиотека, читальный зал",
        "Морская библиотека",
        ["Департамент образования"],
        "Стихи и проза о Севастополе; в жюри — ветераны и библиотекари.",
        60,
        None,
    ),
    (
        "Встреча с ветеранами в Музее обороны: подготовка ко Дню защитника Отечества",
        85,
        "15:00",
        2,
        "patriotic",
        "veterans-meeting",
        ["youth", "veterans"],
        "12+",
        "Панорама «Оборона Севастополя»",
        "Музей обороны Севастополя",
        ["Совет ветеранов Ленинского района"],
        "Молодёжные активисты и ветераны договариваются о программе праздника.",
        30,
        None,
    ),
    (
        "Квест «Бастионы Корабельной стороны»",
        26,
        "11:00",
        2.5,
        "patriotic",
        "competition",
        ["youth", "students"],
        "12+",
        "Малахов курган",
        "Студенческий поисковый клуб «Память»",
        [],
        "Команды студентов ищут памятные знаки и отвечают на вопросы по истории обороны.",
        60,
        "pending",
    ),
    (
        "Ярмарка рукоделия «Серебряные руки»",
        20,
        "10:00",
        5,
        "social",
        "other",
        ["everyone"],
        "0+",
        "Двор ТОС «Омега»",
        "ТОС «Омега»",
        [],
        "Изделия мастериц 55+; деньги от продажи — на подарки одиноким соседям.",
        None,
        "pending",
    ),
]

SUBMITTER = ("Ольга Сергеевна Мирошниченко", "miroshnichenko@example.org", "+79780001199")


def _organisation(short_name: str) -> Organisation:
    found = Organisation.objects.filter(short_name=short_name).first()
    if found is not None:
        return found
    full_name, legal_form, department = ORGANISATIONS[short_name]
    return Organisation.objects.create(
        short_name=short_name,
        full_name=full_name,
        legal_form=legal_form,
        is_government_department=department,
        address="г. Севастополь",
    )


def _period(day: dt.date, start: str | None, length: float) -> tuple[dt.datetime, dt.datetime, bool]:
    if start is None:
        first, end = all_day_bounds(day, day + dt.timedelta(days=int(length) - 1))
        return first, end, True
    hours, minutes = (int(part) for part in start.split(":"))
    starts_at = combine_local(day, dt.time(hours, minutes))
    return starts_at, starts_at + dt.timedelta(hours=length), False


def seed() -> dict[str, int]:
    today = timezone.localdate()
    categories = {c.slug: c for c in Category.objects.all()}
    formats = {f.slug: f for f in EventFormat.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    courage = Project.objects.filter(title="Уроки мужества: ветераны — школьникам").first()
    created = 0
    for (
        title,
        offset,
        start,
        length,
        category,
        format_slug,
        audience_slugs,
        rating,
        venue,
        organiser,
        co_organisers,
        description,
        capacity,
        change,
    ) in EVENTS:
        if Event.objects.filter(title=title, venue=venue).exists():
            continue
        address, latitude, longitude = VENUES[venue]
        starts_at, ends_at, all_day = _period(today + dt.timedelta(days=offset), start, length)
        submitted = change == "pending"
        fields: dict[str, object] = dict(  # noqa: C408 - keyword form reads like the service call
            title=title,
            description=description,
            category=categories[category],
            format=formats[format_slug],
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=all_day,
            venue=venue,
            address=address,
            latitude=Decimal(latitude) if latitude else None,
            longitude=Decimal(longitude) if longitude else None,
            organiser=_organisation(organiser) if organiser in ORGANISATIONS else None,
            co_organisers=[_organisation(name) for name in co_organisers],
            project=courage if format_slug == "lesson-of-courage" else None,
            audiences=[audiences[slug] for slug in audience_slugs],
            age_rating=rating,
            capacity=capacity,
            contact="+7 (8692) 00-00-00",
        )
        if submitted:
            name, email, phone = SUBMITTER
            if fields["organiser"] is None:
                # Typed on the form as a new organisation: the coordinator matches it to the registry.
                fields["organiser_name_submitted"] = organiser
            services.event_submit(
                submitter_name=name, submitter_email=email, submitter_phone=phone, notify=False, **fields
            )
            created += 1
            continue
        event = services.event_create(**fields)
        services.event_publish(event=event, by=None)
        if change and change.startswith("postponed:"):
            days = int(change.split(":")[1])
            services.event_postpone(
                event=event,
                starts_at=starts_at + dt.timedelta(days=days),
                ends_at=ends_at + dt.timedelta(days=days),
                reason="Организаторы согласовали с заказчиком новые сроки публичных мероприятий проекта.",
                basis=DECREE_78_UG,
                by=None,
            )
        elif change == "cancelled":
            services.event_cancel(
                event=event,
                reason="Лектор заболел; лекция пройдёт весной, о новой дате сообщим здесь.",
                by=None,
            )
        created += 1

    helped = _assign_volunteers(today)
    return {
        "events_created": created,
        "events": Event.objects.count(),
        "published": Event.objects.public().count(),
        "awaiting_moderation": Event.objects.filter(status=Event.Status.PENDING).count(),
        "volunteer_assignments": helped,
    }


def _assign_volunteers(today: dt.date) -> int:
    """Put two active demo volunteers at the past lesson of courage and record their hours."""
    event = Event.objects.filter(title="Урок мужества «Севастополь — город-герой»").first()
    volunteers = list(Volunteer.objects.filter(status=Volunteer.Status.ACTIVE).order_by("pk")[:2])
    if event is None or event.start_date > today:
        return EventAssignment.objects.count()
    for volunteer, role in zip(
        volunteers, ("Встречает гостей у входа", "Помогает ветеранам с микрофоном"), strict=False
    ):
        assignment = services.assignment_add(event=event, volunteer=volunteer, role=role)
        if assignment.hours is None:
            services.assignment_record_hours(assignment=assignment, hours="2", today=today)
    return EventAssignment.objects.count()
