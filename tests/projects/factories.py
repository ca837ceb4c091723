"""factory_boy factories of the projects app, with Russian names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from projects.models import (
    ActivityArea,
    Funding,
    Indicator,
    IndicatorValue,
    LegalForm,
    Organisation,
    Participation,
    Project,
    Region,
    SourceType,
    VolunteerHours,
)
from projects.validation import complete_inn10, complete_ogrn13
from tests.factories import VolunteerFactory


class ActivityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Направление {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    short_name = factory.Sequence(lambda n: f"АНО «Добрые дела {n}»")
    full_name = factory.LazyAttribute(lambda o: f"Автономная некоммерческая организация {o.short_name}")
    legal_form = LegalForm.ANO
    inn = factory.Sequence(lambda n: complete_inn10(f"9201{n:05d}"))
    ogrn = factory.Sequence(lambda n: complete_ogrn13(f"1209200{n:05d}"))

    class Params:
        department = factory.Trait(
            legal_form=LegalForm.GOVERNMENT, is_government_department=True, inn=None, ogrn=None
        )


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = factory.Iterator(["Республика Крым", "Краснодарский край", "Калужская область"])


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Серебряный проект № {n}")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    status = Project.Status.RUNNING
    start_date = dt.date(2021, 3, 1)
    end_date = dt.date(2021, 12, 20)
    summary = "Волонтёры старшего возраста помогают соседям."
    goals = "Помочь одиноким людям."

    @factory.post_generation
    def activity_areas(self, create: bool, extracted: list[ActivityArea] | None, **kwargs: object) -> None:
        if create and extracted:
            self.activity_areas.set(extracted)

    @factory.post_generation
    def partners(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create and extracted:
            self.partners.set(extracted)


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    project = factory.SubFactory(ProjectFactory)
    source_type = SourceType.FEDERAL_GRANT
    source_name = "Фонд президентских грантов"
    amount = Decimal("100000.00")
    received_on = dt.date(2021, 3, 15)
    document = factory.Sequence(lambda n: f"Договор № {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Показатель {n}")
    unit = "чел."
    planned_value = Decimal("100")


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    reported_on = dt.date(2021, 6, 30)
    value = Decimal("40")


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    volunteer = factory.SubFactory(VolunteerFactory)
    project = factory.SubFactory(ProjectFactory)
    role = "Наставник"
    started_on = dt.date(2021, 3, 1)


class VolunteerHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerHours

    participation = factory.SubFactory(ParticipationFactory)
    date = dt.date(2021, 4, 10)
    hours = Decimal("3.00")
    description = "Занятие с детьми"

    class Params:
        approved = factory.Trait(
            status=VolunteerHours.Status.APPROVED,
            approved_at=factory.LazyFunction(lambda: dt.datetime(2021, 5, 1, 10, tzinfo=dt.UTC)),
        )
