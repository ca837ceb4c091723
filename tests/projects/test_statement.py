"""The PDF statement of volunteer hours: ordered after commit, made once, with the name and the total."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from projects import services
from projects.models import VolunteerStatement
from projects.tasks import generate_volunteer_statement
from tests.factories import VolunteerFactory
from tests.projects.factories import (
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    VolunteerHoursFactory,
)

pytestmark = pytest.mark.django_db


def _pdf_text(statement: VolunteerStatement) -> str:
    with statement.file.open("rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    # Line breaks fall wherever the layout puts them; compare on single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def volunteer():
    person = VolunteerFactory(last_name="Белоусова", first_name="Людмила", patronymic="Андреевна")
    OrganisationFactory(short_name="АНО «Ресурсный центр»", is_flagship_resource_centre=True)
    care = ParticipationFactory(volunteer=person, project=ProjectFactory(title="Мобильная бригада заботы"))
    school = ParticipationFactory(volunteer=person, project=ProjectFactory(title="Школа здоровья"))
    VolunteerHoursFactory(participation=care, date=dt.date(2021, 6, 17), hours=Decimal("7"), approved=True)
    VolunteerHoursFactory(participation=care, date=dt.date(2021, 10, 2), hours=Decimal("6.5"), approved=True)
    VolunteerHoursFactory(participation=school, date=dt.date(2022, 3, 1), hours=Decimal("4"), approved=True)
    VolunteerHoursFactory(participation=school, date=dt.date(2022, 3, 2), hours=Decimal("9"))  # pending
    return person


def test_statement_is_made_after_commit_with_name_and_total(
    volunteer, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        statement = services.statement_request(volunteer=volunteer, by=coordinator)
        statement.refresh_from_db()
        assert statement.status == VolunteerStatement.Status.PENDING  # nothing happens before commit
    assert len(callbacks) == 1
    statement.refresh_from_db()
    assert statement.status == VolunteerStatement.Status.READY
    assert statement.total_hours == Decimal("17.5")  # 7 + 6.5 + 4; the pending 9 is not counted
    with statement.file.open("rb") as fh:
        content = fh.read()
    assert content.startswith(b"%PDF")
    assert statement.sha256 == hashlib.sha256(content).hexdigest()
    text = _pdf_text(statement)
    assert "Белоусова Людмила Андреевна" in text
    assert "17,5 в 2 проектах" in text
    assert "СПРАВКА" in text  # rendered in Russian, whatever the request language was
    assert "Мобильная бригада заботы" in text
    assert "13,5" in text  # 2021 hours of the first project


def test_statement_for_one_year(volunteer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_request(volunteer=volunteer, year=2022)
    statement.refresh_from_db()
    assert statement.total_hours == Decimal("4")
    text = _pdf_text(statement)
    assert "в 2022 году" in text
    assert "Мобильная бригада заботы" not in text


def test_second_run_does_nothing(volunteer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_request(volunteer=volunteer)
    statement.refresh_from_db()
    first_name, first_hash = statement.file.name, statement.sha256
    assert generate_volunteer_statement.delay(statement.pk).get() is False
    statement.refresh_from_db()
    assert (statement.file.name, statement.sha256) == (first_name, first_hash)


def test_failure_marks_the_statement_failed(volunteer, monkeypatch):
    statement = VolunteerStatement.objects.create(volunteer=volunteer)

    def broken(self, **kwargs):
        raise RuntimeError("WeasyPrint is broken")

    monkeypatch.setattr("projects.pdf.StatementRenderer.render", broken)
    with pytest.raises(RuntimeError):
        generate_volunteer_statement.delay(statement.pk)
    statement.refresh_from_db()
    assert statement.status == VolunteerStatement.Status.FAILED
    assert not statement.file


def test_statement_of_a_missing_record_is_a_no_op():
    assert services.statement_generate(statement_id=999999) is False


def test_no_statement_for_an_erased_volunteer(volunteer):
    volunteer.anonymised_at = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    volunteer.save()
    with pytest.raises(services.ValidationError):
        services.statement_request(volunteer=volunteer)


def test_statement_files_stay_out_of_media(volunteer, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_request(volunteer=volunteer)
    statement.refresh_from_db()
    path = statement.file.path
    assert path.startswith(str(settings.VAR_DIR / "private"))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_anonymisation_erases_statements_and_the_organisation_link(
    volunteer, settings, django_capture_on_commit_callbacks
):
    from projects.models import VolunteerAffiliation
    from volunteers.services import volunteer_anonymise

    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_request(volunteer=volunteer)
    statement.refresh_from_db()
    path = statement.file.path
    services.volunteer_link_organisation(volunteer=volunteer, organisation=OrganisationFactory())
    with django_capture_on_commit_callbacks(execute=True):
        assert volunteer_anonymise(volunteer_id=volunteer.pk)
    assert not VolunteerStatement.objects.filter(volunteer=volunteer).exists()
    assert not VolunteerAffiliation.objects.filter(volunteer=volunteer).exists()
    assert not VolunteerAffiliation.history.filter(volunteer_id=volunteer.pk).exists()
    import os

    assert not os.path.exists(path)
    # The hours stay for the projects' statistics, without anyone's name on them.
    assert volunteer.participations.get(project__title="Школа здоровья").hours.count() == 2
