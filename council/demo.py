"""The Coordination Council «Молоды душой» for `seed_demo`: its people, groups, and the founding resolution.

The resolution is the round table's of October 2021 (seeds/000), retold in our own words with its facts
kept. Version 1 is published as adopted; version 2 corrects two due dates, so the archive shows both.
The people are fictional; organisations are the projects demo's, found by short name.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from council import services
from council.models import (
    AgendaItem,
    Council,
    CouncilMember,
    DecisionItem,
    ExecutionStatus,
    Meeting,
    MeetingFormat,
    MemberRole,
    Resolution,
    SubitemStyle,
    WorkingGroup,
    WorkingGroupMember,
)
from council.selectors import local_today
from projects.models import ActivityArea, LegalForm, Organisation

D = dt.date
SEVASTOPOL = zoneinfo.ZoneInfo("Europe/Simferopol")

# key, short name, full name, legal form, government department (the projects demo has them all)
ORGANISATIONS = [
    (
        "rc",
        "АНО «Ресурсный центр поддержки СО НКО»",
        "Автономная некоммерческая организация «Ресурсный центр поддержки социально ориентированных "
        "некоммерческих организаций»",
        LegalForm.ANO,
        False,
    ),
    ("dvp", "Департамент внутренней политики", "Департамент внутренней политики города Севастополя",
     LegalForm.GOVERNMENT, True),
    ("dzdrav", "Департамент здравоохранения", "Департамент здравоохранения города Севастополя",
     LegalForm.GOVERNMENT, True),
    ("dobr", "Департамент образования", "Департамент образования и науки города Севастополя",
     LegalForm.GOVERNMENT, True),
    ("dizo", "Департамент имущественных и земельных отношений",
     "Департамент имущественных и земельных отношений города Севастополя", LegalForm.GOVERNMENT, True),
    ("umol", "Управление по делам молодёжи и спорта",
     "Управление по делам молодёжи и спорта города Севастополя", LegalForm.GOVERNMENT, True),
    ("avc", "Ассоциация волонтёрских центров", "Ассоциация волонтёрских центров (федеральная сеть)",
     LegalForm.PUBLIC, False),
    ("liga", "Лига работников социальной сферы",
     "Региональная общественная организация «Лига работников социальной сферы города Севастополя»",
     LegalForm.PUBLIC, False),
    ("sv", "АНО «Серебряный возраст»",
     "Автономная некоммерческая организация содействия активному долголетию «Серебряный возраст»",
     LegalForm.ANO, False),
    ("flot", "РОО «Союз ветеранов флота»",
     "Региональная общественная организация «Союз ветеранов Черноморского флота»", LegalForm.PUBLIC, False),
    ("veterans", "Совет ветеранов Ленинского района",
     "Совет ветеранов войны, труда и правоохранительных органов Ленинского района", LegalForm.PUBLIC, False),
    ("omega", "ТОС «Омега»", "Территориальное общественное самоуправление «Омега»", LegalForm.TOS, False),
]  # fmt: skip

AREAS = [
    ("patriotic", "Патриотическое воспитание"),
    ("health", "Здоровье и активное долголетие"),
    ("care", "Забота об одиноких людях"),
    ("mentoring", "Наставничество и просвещение"),
]

# key, last name, first name, patronymic, organisation, position, role, e-mail
MEMBERS = [
    ("chair", "Савченко", "Ирина", "Викторовна", "rc", "директор", MemberRole.CHAIR, ""),
    ("deputy", "Бойко", "Владимир", "Степанович", "flot", "председатель", MemberRole.DEPUTY_CHAIR, ""),
    ("secretary", "Мельник", "Ольга", "Анатольевна", "rc",
     "руководитель Регионального центра «серебряного» волонтёрства", MemberRole.SECRETARY, ""),
    ("novikova", "Новикова", "Инна", "Валерьевна", "liga", "председатель", MemberRole.MEMBER,
     "liga.demo@example.org"),
    ("ostapenko", "Остапенко", "Марина", "Юрьевна", "sv", "директор", MemberRole.MEMBER, ""),
    ("kovalchuk", "Ковальчук", "Андрей", "Петрович", "dvp", "начальник отдела по работе с НКО",
     MemberRole.MEMBER, ""),
    ("rudenko", "Руденко", "Елена", "Михайловна", "avc", "региональный координатор проекта «Молоды душой»",
     MemberRole.MEMBER, ""),
    ("goncharenko", "Гончаренко", "Валентина", "Ивановна", "veterans", "заместитель председателя",
     MemberRole.MEMBER, ""),
    ("litvinenko", "Литвиненко", "Сергей", "Николаевич", "omega", "председатель совета ТОС",
     MemberRole.MEMBER, ""),
]  # fmt: skip

# name, activity area, tasks, lead, members
GROUPS = [
    (
        "Комиссия по патриотическому воспитанию",
        "patriotic",
        "Встречи ветеранов с молодёжью, единый календарь патриотических мероприятий города.",
        "deputy",
        ["goncharenko", "kovalchuk"],
    ),
    (
        "Комиссия по активному долголетию",
        "health",
        "Здоровье, движение и цифровая грамотность людей старшего возраста.",
        "ostapenko",
        ["litvinenko"],
    ),
    (
        "Комиссия по поддержке одиноких людей",
        "care",
        "Выявление одиноких людей и людей, не реализовавших свой потенциал; помощь им силами волонтёров.",
        "novikova",
        ["secretary", "litvinenko"],
    ),
    (
        "Комиссия по наставничеству и развитию проектов",
        "mentoring",
        "Консультации руководителям НКО, экспертиза и тиражирование лучших практик.",
        "rudenko",
        ["chair"],
    ),
]

MEETING_TITLE = (
    "Круглый стол учредителей Координационного совета Регионального центра «серебряного» волонтёрства "
    "в городе Севастополе"
)
MEETING_AT = dt.datetime(2021, 10, 21, 11, 0, tzinfo=SEVASTOPOL)
AGENDA = [
    ("О создании Регионального центра «серебряного» волонтёрства и Координационного совета «Молоды душой»",
     "Савченко И. В."),
    ("Итоги привлечения средств в некоммерческий сектор города в 2021 году", "Ковальчук А. П."),
    ("Социальные проекты с участием «серебряных» волонтёров: презентации команд", "руководители проектов"),
    ("О системе мониторинга и оценки деятельности некоммерческих организаций", "Новикова И. В."),
]  # fmt: skip
GUESTS = """Представители электронных средств массовой информации
Кураторы секций и комитетов Регионального центра «серебряного» волонтёрства
Команды социальных проектов — победителей конкурсов 2021 года"""
MINUTES = (
    "Заслушаны доклады по вопросам повестки и презентации шести социальных проектов. "
    "В обсуждении приняли участие 34 человека. Проект резолюции одобрен единогласно и подписан "
    "председателем и секретарём Координационного совета."
)

TITLE = (
    "заседания круглого стола учредителей Координационного совета Регионального центра "
    "«серебряного» волонтёрства в городе Севастополе"
)
PREAMBLE = (
    "Участники круглого стола учредителей Координационного совета — руководство Департамента внутренней "
    "политики города Севастополя, руководители социальных проектов, кураторы секций и комитетов "
    "Регионального центра «серебряного» волонтёрства, команды социальных проектов и представители "
    "электронных средств массовой информации, — заслушав доклады и презентации спикеров и руководителей "
    "проектов и обсудив программные направления работы Регионального центра, отмечают, что:"
)
FINDINGS = [
    "решения Правительства города и активная работа социальных команд ресурсных центров и социально "
    "ориентированных некоммерческих организаций (далее — СО НКО) позволили привлечь в некоммерческий "
    "сектор Севастополя в 2021 году более 125 млн рублей — более чем в 2,2 раза больше, чем в среднем "
    "за год приходилось на бюджетное софинансирование в 2017–2020 годах;",
    "вовлечение волонтёров старшего возраста (55+) остаётся для Севастополя одной из самых актуальных "
    "задач; его поддерживают органы власти федерального и регионального уровней, а участвуют в нём "
    "«серебряные» волонтёры СО НКО, органов территориального общественного самоуправления (ТОС), "
    "инициативных групп и активные жители города;",
    "социальные проекты севастопольских СО НКО с участием «серебряных» волонтёров доказали свою "
    "значимость и приняты как лучшие практики для тиражирования в других регионах России, а их "
    "руководители признаны экспертами и кураторами направлений на федеральном и региональном уровнях.",
]
DECISIONS_INTRO = (
    "Чтобы расширить круг участников «серебряного» волонтёрства и привлечь к социальным проектам активных "
    "специалистов старшего возраста, готовых передавать свои знания, умения и навыки, участники круглого "
    "стола решили:"
)

# number, text, organisations, members, note, due date, tracked, reports, sub-items; the status follows
# from the reports. A report is (date, text, status); a sub-item is the same tuple without sub-items.
DECISIONS = [
    (1, "Поддержать создание и начало работы Регионального центра «серебряного» волонтёрства в городе "
        "Севастополе — структурного подразделения АНО «Ресурсный центр поддержки СО НКО», созданного по "
        "итогам социального проекта Ассоциации волонтёрских центров России «Молоды душой», — включая "
        "формирование и работу Координационного совета «Молоды душой».",
     [], [], "", None, False, []),
    (2, "Укрепить партнёрство флагманского Ресурсного центра с органами власти, средствами массовой "
        "информации и СО НКО в работе с жителями старше 55 лет и «серебряными» волонтёрами, прежде всего — "
        "в выявлении одиноких людей и людей, не реализовавших свой потенциал.",
     ["rc"], [], "", D(2022, 6, 30), True,
     [(D(2022, 2, 14), "Подписаны соглашения о партнёрстве с Департаментом внутренней политики и двумя "
                       "городскими СМИ.", ExecutionStatus.IN_PROGRESS),
      (D(2022, 6, 20), "Запущена совместная с ТОС программа поиска одиноких пожилых людей: 212 человек "
                       "получили регулярную помощь волонтёров.", ExecutionStatus.DONE)]),
    (3, "В соответствии с Указом Губернатора города Севастополя от 12.10.2021 № 78-УГ рекомендовать "
        "руководителям социальных проектов — победителей конкурсов пересмотреть сроки публичных "
        "мероприятий, официально согласовав с заказчиками изменения договоров и соглашений.",
     [], [], "руководители социальных проектов — победителей конкурсов", D(2021, 12, 31), True,
     [(D(2021, 12, 20), "Дополнительные соглашения о переносе сроков мероприятий заключены по всем восьми "
                        "проектам, которых коснулся Указ.", ExecutionStatus.DONE)]),
    (4, "Ходатайствовать о создании Координационного совета некоммерческих организаций при Департаменте "
        "внутренней политики; направить предложения в положение о нём и кандидатуры участников от "
        "некоммерческих организаций.",
     ["rc"], ["chair"], "", D(2022, 3, 1), True,
     [(D(2022, 4, 15), "Ходатайство, проект положения и список из девяти кандидатур направлены в "
                       "Департамент внутренней политики.", ExecutionStatus.DONE)]),
    (5, "Чтобы Губернатор и Правительство города эффективнее взаимодействовали с общественными "
        "объединениями, организациями и движениями, ходатайствовать о создании рабочих групп (комиссий) "
        "Общественного совета при Департаменте внутренней политики города Севастополя по направлениям "
        "деятельности — на основе Реестра общественных и религиозных организаций, национальных объединений "
        "и неформальных движений.",
     ["dvp", "rc"], [], "", D(2022, 6, 30), True,
     [(D(2022, 5, 30), "Сведения из Реестра сгруппированы по семи направлениям; проект ходатайства "
                       "обсуждается с Департаментом.", ExecutionStatus.IN_PROGRESS)]),
    (6, "Сделать регулярными тематические встречи с руководителями органов власти города в формате круглых "
        "столов, брифингов и пресс-конференций с участием департаментов внутренней политики, "
        "здравоохранения, образования, имущественных и земельных отношений и Управления по делам молодёжи "
        "и спорта.",
     ["rc", "dvp", "dzdrav", "dobr", "dizo", "umol"], [], "", None, True,
     [(D(2022, 3, 17), "Проведён брифинг с Департаментом здравоохранения о школах активного долголетия.",
       ExecutionStatus.IN_PROGRESS)]),
    (7, "Флагманскому Ресурсному центру продолжить анализ активности социальных команд СО НКО, "
        "преемственности и масштабируемости социальных проектов и привлечения средств на их реализацию.",
     ["rc"], [], "", "year-end", True,
     [(D(2025, 12, 15), "Подготовлен обзор активности социальных команд СО НКО за 2025 год.",
       ExecutionStatus.IN_PROGRESS)]),
    (8, "Рекомендовать руководителям некоммерческих организаций, чтобы проекты были обоснованными, "
        "новаторскими и качественными, заранее получать консультации, экспертизу и поддержку в продвижении "
        "проектов у руководителей отраслевых департаментов, в том числе Департамента образования, и "
        "Управления по делам молодёжи и спорта.",
     ["dobr", "umol"], [], "руководители некоммерческих организаций", None, True,
     []),
    (9, "Для укрепления статуса города-героя Севастополя как патриотической столицы России:",
     [], [], "", None, False, [],
     [
        (1, "Координационному совету выработать рекомендации по созданию единого центра информации о "
            "мероприятиях патриотической направленности (дата, место проведения, организатор, целевая "
            "аудитория) и по сбалансированности форм и методов работы;",
         [], ["chair", "deputy"], "", D(2022, 3, 31), True,
         [(D(2022, 3, 25), "Рекомендации одобрены на заседании Совета; по ним создан единый календарь "
                           "патриотических мероприятий на портале центра.", ExecutionStatus.DONE)]),
        (2, "силами подготовленных специалистов провести социологический опрос и тестирование молодёжи и "
            "подрастающего поколения, чтобы оценить, насколько сформирована их гражданская позиция, и "
            "определить задачи по её укреплению;",
         ["umol"], [], "", D(2022, 9, 30), True,
         [(D(2022, 10, 12), "Снято с контроля: опрос включён в план Управления по делам молодёжи и спорта "
                            "и проводится им самостоятельно.", ExecutionStatus.WITHDRAWN)]),
        (3, "организовать встречу Департамента образования и Управления по делам молодёжи и спорта с "
            "ветеранским активом, чтобы найти применение бесценному опыту граждан 55+, и включить "
            "подготовленных ветеранов в педагогические советы и советы по патриотическому воспитанию.",
         ["dobr", "umol", "veterans"], ["goncharenko"], "", D(2022, 5, 1), True,
         [(D(2022, 4, 28), "Встреча проведена 28 апреля; 11 ветеранов вошли в педагогические советы "
                           "школ.", ExecutionStatus.DONE)]),
     ]),
    (10, "Лиге работников социальной сферы (Новикова И. В.) организовать внедрение системы мониторинга и "
         "оценки уставной и проектной деятельности и системы менеджмента качества ОКНО силами "
         "сертифицированных экспертов, прошедших обучение на курсах ИНиА «Ступени эффективности НКО».",
     ["liga"], ["novikova"], "", "soon", True,
     [(D(2022, 11, 1), "Обучение на курсах «Ступени эффективности НКО» прошли пять экспертов Лиги.",
       ExecutionStatus.IN_PROGRESS)]),
]  # fmt: skip

# Version 2: what the correction changed, and the new due dates it gave.
CORRECTION_NOTE = (
    "Уточнены сроки исполнения пунктов 5 и 8 по итогам заседания Координационного совета "
    "от 17.03.2022; текст решений не изменялся."
)
CORRECTED_AT = dt.datetime(2022, 3, 18, 12, 0, tzinfo=SEVASTOPOL)
FIRST_PUBLISHED_AT = dt.datetime(2021, 10, 22, 10, 0, tzinfo=SEVASTOPOL)
CORRECTED_DUE = {5: D(2022, 12, 31), 8: D(2022, 12, 1)}


def _due(value: object, today: dt.date) -> dt.date | None:
    # Two decisions are long-running; their next milestone is kept close to the day the demo is loaded,
    # so the execution digest has something due within two weeks.
    if value == "year-end":
        return D(today.year, 12, 31)
    if value == "soon":
        return today + dt.timedelta(days=10)
    return value  # type: ignore[return-value]


def seed() -> dict[str, int]:
    today = local_today()
    areas = {
        slug: ActivityArea.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in AREAS
    }
    orgs: dict[str, Organisation] = {}
    for key, short, full, form, department in ORGANISATIONS:
        orgs[key], _ = Organisation.objects.get_or_create(
            short_name=short,
            defaults={
                "full_name": full,
                "legal_form": form,
                "is_government_department": department,
                "address": "г. Севастополь",
            },
        )

    council, _ = Council.objects.get_or_create(
        slug="molody-dushoy",
        defaults={
            "name": "Координационный совет «Молоды душой»",
            "parent_body": "Регионального центра «серебряного» волонтёрства в городе Севастополе",
            "organisation": orgs["rc"],
            "founded_on": D(2021, 10, 21),
            "description": (
                "Совет учреждён на круглом столе 21 октября 2021 года. Он направляет работу Регионального "
                "центра «серебряного» волонтёрства: объединяет некоммерческие организации, ТОС, ветеранские "
                "объединения и органы власти города, принимает решения и следит за их исполнением."
            ),
        },
    )
    members: dict[str, CouncilMember] = {}
    for key, last, first, patronymic, org, position, role, email in MEMBERS:
        members[key], _ = CouncilMember.objects.get_or_create(
            council=council,
            last_name=last,
            first_name=first,
            defaults={
                "patronymic": patronymic,
                "organisation": orgs[org],
                "position": position,
                "role": role,
                "since": D(2021, 10, 21),
                "email": email,
            },
        )
    for name, area, tasks, lead, others in GROUPS:
        group, _ = WorkingGroup.objects.get_or_create(
            council=council, name=name, defaults={"activity_area": areas[area], "description": tasks}
        )
        WorkingGroupMember.objects.get_or_create(
            group=group, member=members[lead], defaults={"is_lead": True}
        )
        for key in others:
            WorkingGroupMember.objects.get_or_create(group=group, member=members[key])

    meeting, created = Meeting.objects.get_or_create(
        council=council,
        title=MEETING_TITLE,
        starts_at=MEETING_AT,
        defaults={
            "format": MeetingFormat.ROUND_TABLE,
            "place": "г. Севастополь, Ресурсный центр поддержки СО НКО, конференц-зал",
            "guests": GUESTS,
            "minutes": MINUTES,
        },
    )
    if created:
        meeting.organisations.set(
            [orgs[k] for k in ("dvp", "rc", "avc", "liga", "sv", "flot", "veterans", "omega")]
        )
        meeting.attendees.set(members.values())
        for position, (question, speaker) in enumerate(AGENDA, start=1):
            AgendaItem.objects.create(meeting=meeting, position=position, title=question, speaker=speaker)

    if not Resolution.objects.filter(council=council, number="1").exists():
        _founding_resolution(meeting=meeting, orgs=orgs, members=members, today=today)

    return {
        "councils": Council.objects.count(),
        "members": CouncilMember.objects.filter(council=council).count(),
        "working_groups": WorkingGroup.objects.filter(council=council).count(),
        "meetings": Meeting.objects.filter(council=council).count(),
        "resolutions": Resolution.objects.filter(council=council).count(),
        "decisions": DecisionItem.objects.filter(resolution__council=council).count(),
    }


def _founding_resolution(
    *, meeting: Meeting, orgs: dict[str, Organisation], members: dict[str, CouncilMember], today: dt.date
) -> None:
    first = services.resolution_create(
        meeting=meeting,
        number="1",
        adopted_on=D(2021, 10, 21),
        title=TITLE,
        preamble=PREAMBLE,
        decisions_intro=DECISIONS_INTRO,
        subitem_style=SubitemStyle.DASH,  # the resolution marks the sub-items of point 9 with dashes
        findings=FINDINGS,
    )
    reports: list[tuple[DecisionItem, list[tuple[dt.date, str, str]]]] = []
    for number, text, org_keys, member_keys, note, due, tracked, item_reports, *rest in DECISIONS:
        item = services.decision_add(
            resolution=first,
            position=number,
            text=text,
            responsible_organisations=[orgs[k] for k in org_keys],
            responsible_members=[members[k] for k in member_keys],
            responsible_note=note,
            due_date=_due(due, today),
            on_control=tracked,
        )
        reports.append((item, item_reports))
        for sub_number, sub_text, sub_orgs, sub_members, sub_note, sub_due, sub_tracked, sub_reports in (
            rest[0] if rest else []
        ):
            sub = services.decision_add(
                resolution=first,
                parent=item,
                position=sub_number,
                text=sub_text,
                responsible_organisations=[orgs[k] for k in sub_orgs],
                responsible_members=[members[k] for k in sub_members],
                responsible_note=sub_note,
                due_date=_due(sub_due, today),
                on_control=sub_tracked,
            )
            reports.append((sub, sub_reports))

    # The demo publishes synchronously through the same services the Celery task calls.
    services.resolution_publish(resolution=first, by=None, queue=False)
    services.resolution_publish_pdf(resolution_id=first.pk)
    # History: the demo dates the publication to the day after the round table.
    Resolution.objects.filter(pk=first.pk).update(published_at=FIRST_PUBLISHED_AT)

    # Reports dated before the correction go to version 1, the rest to version 2, which carries them over.
    for item, item_reports in reports:
        for reported_on, text, status in item_reports:
            if reported_on < CORRECTED_AT.date():
                services.decision_report_add(item=item, reported_on=reported_on, text=text, status=status)

    second = services.resolution_new_version(resolution=first, by=None, note=CORRECTION_NOTE)
    for number, due in CORRECTED_DUE.items():
        item = DecisionItem.objects.get(resolution=second, parent__isnull=True, position=number)
        item.due_date = due
        item.save()
    services.resolution_publish(resolution=second, by=None, queue=False)
    services.resolution_publish_pdf(resolution_id=second.pk)
    Resolution.objects.filter(pk=second.pk).update(published_at=CORRECTED_AT)

    for item, item_reports in reports:
        successor = DecisionItem.objects.get(previous=item)
        for reported_on, text, status in item_reports:
            if reported_on >= CORRECTED_AT.date():
                services.decision_report_add(
                    item=successor, reported_on=reported_on, text=text, status=status
                )
