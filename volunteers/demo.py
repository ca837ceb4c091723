"""Demo volunteers of Sevastopol for `seed_demo`: fictional people, realistic for the city."""

from __future__ import annotations

import datetime as dt

from volunteers.models import ConsentRecord, District, Skill, Volunteer
from volunteers.services import ConsentContext, volunteer_register

SKILLS = [
    ("Педагогика и наставничество", "Занятия с детьми и молодёжью, помощь учителям"),
    ("Медицина и забота о здоровье", "Опыт врача или медсестры, школа здоровья"),
    ("Компьютерная грамотность", "Помочь освоить телефон, госуслуги, видеосвязь"),
    ("История Севастополя и экскурсии", "Рассказать о городе, провести экскурсию"),
    ("Рукоделие и ремёсла", "Вязание, шитьё, мастер-классы"),
    ("Садоводство и благоустройство", "Озеленение дворов, субботники"),
    ("Юридическая консультация", "Помощь в оформлении документов"),
    ("Музыка и хор", "Концерты, песни с ветеранами"),
    ("Помощь одиноким людям", "Звонки, визиты, сопровождение"),
    ("Организация мероприятий", "Подготовка встреч, праздников, акций"),
    ("Спорт и скандинавская ходьба", "Тренировки, прогулки, здоровый образ жизни"),
    ("Психологическая поддержка", "Беседы, группы взаимопомощи"),
]

# last name, first name, patronymic, birth date, district, skills (indexes), about, affiliation, status
PEOPLE = [
    (
        "Ковальчук",
        "Валентина",
        "Петровна",
        (1956, 3, 14),
        District.GAGARINSKY,
        [0, 8],
        "Сорок лет преподавала русский язык в школе № 3. Могу заниматься с детьми и писать тексты.",
        "ТОС «Омега»",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Гордиенко",
        "Николай",
        "Иванович",
        (1951, 11, 2),
        District.LENINSKY,
        [3, 9],
        "Капитан второго ранга в отставке, знаю историю флота и обороны города.",
        "Совет ветеранов Ленинского района",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Белоусова",
        "Людмила",
        "Андреевна",
        (1960, 6, 30),
        District.NAKHIMOVSKY,
        [1, 11],
        "Медсестра с тридцатилетним стажем, веду школу здоровья для пожилых.",
        "",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Руденко",
        "Анатолий",
        "Сергеевич",
        (1948, 1, 19),
        District.BALAKLAVSKY,
        [5],
        "Садовод, помогаю благоустраивать дворы и скверы Балаклавы.",
        "ТОС «Балаклава»",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Мельник",
        "Галина",
        "Васильевна",
        (1963, 9, 8),
        District.GAGARINSKY,
        [2],
        "Инженер-программист на пенсии, учу соседей пользоваться смартфоном и госуслугами.",
        "",
        Volunteer.Status.VERIFIED,
    ),
    (
        "Прохоренко",
        "Татьяна",
        "Михайловна",
        (1958, 4, 22),
        District.LENINSKY,
        [4, 9],
        "Вяжу и шью, провожу мастер-классы для внуков и бабушек.",
        "",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Захарченко",
        "Виктор",
        "Павлович",
        (1954, 12, 5),
        District.NAKHIMOVSKY,
        [6],
        "Юрист, консультирую по вопросам пенсий и льгот.",
        "",
        Volunteer.Status.APPLIED,
    ),
    (
        "Данилова",
        "Нина",
        "Фёдоровна",
        (1949, 2, 27),
        District.GAGARINSKY,
        [7, 8],
        "Пою в хоре ветеранов, навещаю одиноких соседей.",
        "Хор ветеранов «Севастопольские зори»",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Тарасенко",
        "Олег",
        "Григорьевич",
        (1962, 7, 11),
        District.BALAKLAVSKY,
        [10],
        "Веду группу скандинавской ходьбы на набережной.",
        "",
        Volunteer.Status.ACTIVE,
    ),
    (
        "Литвиненко",
        "Раиса",
        "Николаевна",
        (1957, 10, 3),
        District.LENINSKY,
        [11, 8],
        "Психолог, веду группу взаимопомощи для тех, кто остался один.",
        "",
        Volunteer.Status.VERIFIED,
    ),
    (
        "Кравец",
        "Евгений",
        "Александрович",
        (1953, 5, 16),
        District.OTHER,
        [3],
        "Живу в Инкермане, вожу экскурсии по Инкерманским пещерным монастырям.",
        "",
        Volunteer.Status.APPLIED,
    ),
    (
        "Фомина",
        "Зинаида",
        "Степановна",
        (1945, 8, 9),
        District.NAKHIMOVSKY,
        [8],
        "Звоню одиноким пожилым людям, узнаю, нужна ли помощь.",
        "",
        Volunteer.Status.INACTIVE,
    ),
]


def seed() -> dict[str, int]:
    skills = []
    for name, description in SKILLS:
        skill, _ = Skill.objects.get_or_create(name=name, defaults={"description": description})
        skills.append(skill)

    created = 0
    for n, (last, first, patronymic, birth, district, skill_ids, about, affiliation, status) in enumerate(
        PEOPLE, start=1
    ):
        phone = f"+7978000{n:04d}"
        if Volunteer.objects.filter(phone=phone).exists():
            continue
        volunteer_register(
            last_name=last,
            first_name=first,
            patronymic=patronymic,
            date_of_birth=dt.date(*birth),
            phone=phone,
            email=f"volunteer{n}@example.org" if n % 3 else None,
            district=district,
            skills=[skills[i] for i in skill_ids],
            about=about,
            affiliation=affiliation,
            source=Volunteer.Source.COORDINATOR if n % 2 else Volunteer.Source.SIGNUP,
            status=status,
            consent=ConsentContext(channel=ConsentRecord.Channel.PAPER),
            notify=False,
        )
        created += 1
    return {"skills": len(skills), "volunteers_created": created, "volunteers": Volunteer.objects.count()}
