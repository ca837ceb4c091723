"""factory_boy factories of the council app, with Russian names."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import factory
from django.utils import timezone

from council.models import (
    Council,
    CouncilMember,
    DecisionItem,
    Finding,
    Meeting,
    MeetingFormat,
    MemberRole,
    Resolution,
    WorkingGroup,
)
from tests.projects.factories import ActivityAreaFactory

SEVASTOPOL = zoneinfo.ZoneInfo("Europe/Simferopol")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council
        django_get_or_create = ("slug",)

    name = "Координационный совет «Молоды душой»"
    slug = "molody-dushoy"
    parent_body = "Регионального центра «серебряного» волонтёрства в городе Севастополе"


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    last_name = factory.Iterator(["Савченко", "Бойко", "Мельник", "Остапенко", "Руденко"])
    first_name = factory.Iterator(["Ирина", "Владимир", "Ольга", "Марина", "Елена"])
    patronymic = factory.Iterator(["Викторовна", "Степанович", "Анатольевна", "Юрьевна", "Михайловна"])
    position = "директор"
    role = MemberRole.MEMBER
    since = dt.date(2021, 10, 1)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Комиссия № {n}")
    activity_area = factory.SubFactory(ActivityAreaFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    title = "Круглый стол учредителей Координационного совета"
    format = MeetingFormat.ROUND_TABLE
    starts_at = dt.datetime(2021, 10, 21, 11, 0, tzinfo=SEVASTOPOL)
    place = "г. Севастополь, ул. Ленина, 2"


class ResolutionFactory(factory.django.DjangoModelFactory):
    """A draft; mark_published() makes it look published without rendering a PDF."""

    class Meta:
        model = Resolution

    meeting = factory.SubFactory(MeetingFactory)
    council = factory.LazyAttribute(lambda o: o.meeting.council)
    number = factory.Sequence(lambda n: str(n + 1))
    adopted_on = dt.date(2021, 10, 21)
    title = "заседания круглого стола учредителей Координационного совета"
    preamble = "Участники круглого стола, рассмотрев доклады, отмечают, что:"
    decisions_intro = "Участники круглого стола решили:"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    resolution = factory.SubFactory(ResolutionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "в 2021 году привлечено более 125 млн рублей;"


class DecisionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionItem
        skip_postgeneration_save = True

    resolution = factory.SubFactory(ResolutionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "Провести встречу с ветеранским активом."

    @factory.post_generation
    def responsible_organisations(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.responsible_organisations.set(extracted)

    @factory.post_generation
    def responsible_members(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.responsible_members.set(extracted)


def mark_published(resolution: Resolution) -> Resolution:
    """Make a draft look published, with its decisions already added, without rendering a PDF."""
    Resolution.objects.filter(pk=resolution.pk).update(
        status=Resolution.Status.PUBLISHED,
        published_at=timezone.now(),
        pdf=f"council/resolutions/test-{resolution.pk}.pdf",
        pdf_sha256="0" * 64,
        pdf_size=1024,
    )
    resolution.refresh_from_db()
    return resolution
