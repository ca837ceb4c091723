"""factory_boy factories with Russian names, shared by every app's tests."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from volunteers.models import ConsentRecord, ConsentText, District, Skill, Volunteer


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Мария"
    last_name = "Иванова"
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery-staple")

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Навык {n}")


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer
        skip_postgeneration_save = True

    last_name = factory.Iterator(["Петренко", "Соколова", "Кузьменко", "Васильева", "Шевченко", "Орлова"])
    first_name = factory.Iterator(["Анна", "Пётр", "Галина", "Иван", "Надежда", "Сергей"])
    patronymic = factory.Iterator(["Ивановна", "Сергеевич", "Петровна", "", "Алексеевна", "Олегович"])
    date_of_birth = factory.Sequence(lambda n: dt.date(1950, 1, 1) + dt.timedelta(days=97 * (n % 60)))
    # Apart from the demo data (+7978000NNNN, volunteerN@example.org), which some tests load too.
    phone = factory.Sequence(lambda n: f"+7979{n:07d}")
    email = factory.Sequence(lambda n: f"factory.volunteer{n}@example.org")
    district = District.GAGARINSKY
    about = "Могу помогать по выходным."

    @factory.post_generation
    def skills(self, create: bool, extracted: list[Skill] | None, **kwargs: object) -> None:
        if create and extracted:
            self.skills.set(extracted)


def consent_text_current() -> ConsentText:
    return ConsentText.objects.order_by("-version").first()


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    volunteer = factory.SubFactory(VolunteerFactory)
    consent_text = factory.LazyFunction(consent_text_current)
    text_version = factory.LazyAttribute(lambda o: o.consent_text.version)
    text_sha256 = factory.LazyAttribute(lambda o: o.consent_text.sha256)
    channel = ConsentRecord.Channel.WEB
