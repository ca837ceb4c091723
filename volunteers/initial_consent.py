"""The first consent text, put in place on a fresh database by migrate (and again after a test flush)."""

from __future__ import annotations

import hashlib

from django.utils import timezone

# The first consent text, in force from the day the portal opens; later versions are added in the admin.
INITIAL_CONSENT = {
    "version": 1,
    "title": "Согласие на обработку персональных данных волонтёра",
    "operator": (
        "Оператор персональных данных — АНО «Ресурсный центр поддержки СО НКО» (структурное подразделение — "
        "Региональный центр «серебряного» волонтёрства в городе Севастополе), г. Севастополь."
    ),
    "purposes": (
        "Учёт волонтёров в реестре центра; связь с волонтёром для приглашения к участию в социальных "
        "проектах и мероприятиях; учёт волонтёрских часов и выдача справок о волонтёрской деятельности; "
        "подготовка обезличенной статистики о работе центра."
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


def ensure_initial_consent_text(consent_text_model) -> None:
    """Create version 1 when no consent text exists; takes the model so migrations can pass theirs."""
    if consent_text_model.objects.exists():
        return
    body = "\n\n".join([INITIAL_CONSENT["title"], *(INITIAL_CONSENT[s] for s in SECTIONS)])
    consent_text_model.objects.create(
        **INITIAL_CONSENT,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        effective_from=timezone.now(),
    )
