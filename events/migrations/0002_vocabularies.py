"""The calendar's vocabularies: categories (with the patriotic flag), formats and target audiences."""

from django.db import migrations

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


def create(apps, schema_editor):
    Category = apps.get_model("events", "Category")
    EventFormat = apps.get_model("events", "EventFormat")
    Audience = apps.get_model("events", "Audience")
    for position, (slug, name, patriotic) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_patriotic": patriotic, "position": position}
        )
    for position, (slug, name) in enumerate(FORMATS):
        EventFormat.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    for position, (slug, name, everyone) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_everyone": everyone, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
