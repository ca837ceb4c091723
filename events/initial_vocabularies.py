"""The calendar's vocabularies as a fresh database gets them: by migrate, and again after a test flush."""

from __future__ import annotations

# slug, name, is_patriotic
CATEGORIES = [
    ("patriotic", "Патриотическое", True),
    ("social", "Социальное", False),
    ("educational", "Просветительское", False),
    ("cultural", "Культурное", False),
    ("sports", "Спортивное", False),
    ("authorities", "Встреча с органами власти", False),
    ("other", "Другое", False),
]

FORMATS = [
    ("lesson-of-courage", "Урок мужества"),
    ("veterans-meeting", "Встреча с ветеранами"),
    ("excursion", "Экскурсия"),
    ("campaign", "Акция"),
    ("round-table", "Круглый стол"),
    ("briefing", "Брифинг"),
    ("press-conference", "Пресс-конференция"),
    ("concert", "Концерт"),
    ("exhibition", "Выставка"),
    ("lecture", "Лекция"),
    ("master-class", "Мастер-класс"),
    ("competition", "Конкурс"),
    ("other", "Другой формат"),
]

# slug, name, is_everyone
AUDIENCES = [
    ("youth", "Молодёжь", False),
    ("schoolchildren", "Школьники", False),
    ("students", "Студенты", False),
    ("families", "Семьи", False),
    ("seniors", "Люди 55+", False),
    ("veterans", "Ветераны", False),
    ("everyone", "Все", True),
]


def ensure_vocabularies(category_model, format_model, audience_model) -> None:
    """Create the missing vocabulary entries; takes the models so migrations can pass theirs."""
    for position, (slug, name, patriotic) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_patriotic": patriotic, "position": position}
        )
    for position, (slug, name) in enumerate(FORMATS):
        format_model.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    for position, (slug, name, everyone) in enumerate(AUDIENCES):
        audience_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_everyone": everyone, "position": position}
        )
