import hashlib

from django.db import migrations
from django.utils import timezone

# The first consent text, in force from the day the portal opens; later versions are added in the admin.
TEXT = {
    "version": 1,
    "title": "Согласие на обработку персональных данных волонтёра",
    "operator": (
        "Оператор персональных данных — АНО «Ресурсный центр поддержки СО НКО» (структурное подразделение — "
        "Региональный центр «серебряного» волонтёрства в городе Севастополе), г. Севастополь."
    ),
    "purposes": (
        "Учёт волонтёров в реестре центра; связь с волонтёром для приглашения к участию в социальных проектах "
        "и мероприятиях; учёт волонтёрских часов и выдача справок о волонтёрской деятельности; подготовка "
        "обезличенной статистики о работе центра."
    ),
    "data_list": (
        "Фамилия, имя, отчество; дата рождения; номер телефона; адрес электронной почты (если указан); "
        "район проживания; навыки, опыт и сведения о себе, которые волонтёр сообщил сам; принадлежность "
        "к организации или инициативной группе."
    ),
    "actions": (
        "Сбор, запись, систематизация, накопление, хранение, уточнение, использование, обезличивание, "
        "блокирование, удаление и уничтожение. Данные не публикуются и не передаются третьим лицам без "
        "отдельного согласия. Обработка ведётся с использованием средств автоматизации и без них."
    ),
    "period": (
        "Согласие действует со дня его предоставления до дня его отзыва либо до прекращения деятельности "
        "центра, но не более 10 лет."
    ),
    "withdrawal": (
        "Согласие можно отозвать в любой момент: письменным заявлением в центр, по электронной почте или "
        "по телефону центра. После отзыва персональные данные обезличиваются в срок не более 30 дней, "
        "о чём сохраняется запись без персональных данных."
    ),
}

SECTIONS = ("operator", "purposes", "data_list", "actions", "period", "withdrawal")


def create_text(apps, schema_editor):
    ConsentText = apps.get_model("volunteers", "ConsentText")
    if ConsentText.objects.filter(version=TEXT["version"]).exists():
        return
    body = "\n\n".join([TEXT["title"], *(TEXT[s] for s in SECTIONS)])
    ConsentText.objects.create(
        **TEXT,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        effective_from=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(create_text, migrations.RunPython.noop)]
