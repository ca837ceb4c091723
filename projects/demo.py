"""Demo organisations, projects and money for `seed_demo`: fictional, but shaped like Sevastopol's sector.

The tables live in demo_data; their funding is laid out so the report queries give the resolution's figures:
over 125 mln roubles in 2021, and more than 2.2 times the 2017–2020 yearly average of budget money.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from projects import services
from projects.demo_data import (
    AREAS,
    CONSULTATIONS,
    CONTRACT_CHANGES,
    CONTRACTS,
    FUNDING,
    INDICATORS,
    NOT_PUBLIC,
    ORGANISATIONS,
    PARTICIPATION,
    PROJECTS,
    REPLICATIONS,
)
from projects.models import (
    ActivityArea,
    ContractChange,
    ExpertConsultation,
    Funding,
    Indicator,
    IndicatorValue,
    Organisation,
    Project,
    Region,
    Replication,
    VolunteerHours,
)
from projects.validation import complete_inn10, complete_ogrn13
from volunteers.models import Volunteer


def _areas(keys: list[str], areas: dict[str, ActivityArea]) -> list[ActivityArea]:
    return [areas[key] for key in keys]


def seed() -> dict[str, int]:
    areas = {}
    for slug, name, description in AREAS:
        areas[slug], _ = ActivityArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )

    orgs: dict[str, Organisation] = {}
    for n, (key, short, full, form, seed_no, area_keys, flag, head) in enumerate(ORGANISATIONS, start=1):
        org = Organisation.objects.filter(short_name=short).first()
        if org is None:
            org = Organisation.objects.create(
                short_name=short,
                full_name=full,
                legal_form=form,
                # Fictional numbers with correct check digits: Sevastopol's region code is 92.
                inn=complete_inn10(f"92040{seed_no:04d}") if seed_no else None,
                ogrn=complete_ogrn13(f"1{14 + n % 8:02d}9200{seed_no:05d}") if seed_no else None,
                is_flagship_resource_centre=flag == "flagship",
                is_government_department=flag == "department",
                head=head,
                address="г. Севастополь",
            )
            org.activity_areas.set(_areas(area_keys, areas))
        orgs[key] = org

    projects: dict[str, Project] = {}
    for (
        key,
        title,
        lead,
        partners,
        area_keys,
        status,
        start,
        end,
        competition,
        won,
        best,
        predecessor,
        summary,
        goals,
        audience,
    ) in PROJECTS:
        project = Project.objects.filter(title=title, lead_organisation=orgs[lead]).first()
        if project is None:
            number, contract_date = CONTRACTS.get(key, ("", None))
            project = Project.objects.create(
                title=title,
                lead_organisation=orgs[lead],
                status=status,
                start_date=start,
                end_date=end,
                competition=competition,
                competition_won=won,
                contract_number=number,
                contract_date=contract_date,
                summary=summary,
                goals=goals,
                target_audience=audience,
                is_best_practice=best,
                is_public=key not in NOT_PUBLIC,
                predecessor=projects.get(predecessor) if predecessor else None,
            )
            project.partners.set([orgs[p] for p in partners])
            project.activity_areas.set(_areas(area_keys, areas))
        projects[key] = project

    for key, source, source_name, amount, received_on, document in FUNDING:
        Funding.objects.get_or_create(
            project=projects[key],
            document=document,
            received_on=received_on,
            defaults={"source_type": source, "source_name": source_name, "amount": Decimal(amount)},
        )

    for key, number, date, what, reason in CONTRACT_CHANGES:
        ContractChange.objects.get_or_create(
            project=projects[key],
            number=number,
            defaults={"date": date, "what_changed": what, "reason": reason},
        )

    for position, (key, name, unit, plan, values) in enumerate(INDICATORS):
        indicator, _ = Indicator.objects.get_or_create(
            project=projects[key],
            name=name,
            defaults={"unit": unit, "planned_value": Decimal(plan), "position": position},
        )
        for reported_on, value in values:
            IndicatorValue.objects.get_or_create(
                indicator=indicator, reported_on=reported_on, defaults={"value": Decimal(value)}
            )

    for key, region_name, year, note in REPLICATIONS:
        region, _ = Region.objects.get_or_create(name=region_name)
        Replication.objects.get_or_create(
            project=projects[key], region=region, defaults={"year": year, "note": note}
        )

    for key, dept, request, requested_on, held_on, outcome in CONSULTATIONS:
        ExpertConsultation.objects.get_or_create(
            project=projects[key],
            department=orgs[dept],
            requested_on=requested_on,
            defaults={"request": request, "held_on": held_on, "outcome": outcome},
        )

    hours_created = _seed_participation(projects, orgs)

    return {
        "activity_areas": ActivityArea.objects.count(),
        "organisations": Organisation.objects.count(),
        "projects": Project.objects.count(),
        "funding_records": Funding.objects.count(),
        "hours_created": hours_created,
    }


def _seed_participation(projects: dict[str, Project], orgs: dict[str, Organisation]) -> int:
    """Put the demo volunteers into projects with hours, some approved, some waiting."""
    coordinator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    created = 0
    for phone, key, role, started, ended, org_key, hours in PARTICIPATION:
        volunteer = Volunteer.objects.filter(phone=phone, anonymised_at__isnull=True).first()
        if volunteer is None:
            # The volunteers demo did not run or the person was erased: nothing to link.
            continue
        if org_key:
            services.volunteer_link_organisation(volunteer=volunteer, organisation=orgs[org_key])
        participation = services.participation_start(
            volunteer=volunteer, project=projects[key], started_on=started, role=role, ended_on=ended
        )
        for date, amount, what, approved in hours:
            if VolunteerHours.objects.filter(
                participation=participation, date=date, description=what
            ).exists():
                continue
            entry = services.hours_report(
                participation=participation,
                date=date,
                hours=amount,
                description=what,
                today=dt.date(2022, 12, 31),
            )
            if approved:
                # A fresh database may have no staff account yet: the approval is recorded without a name.
                services.hours_approve(hours=[entry], by=coordinator)
            created += 1
    return created
