"""What migrate puts in a fresh database is there, and comes back after a flush (transactional tests)."""

import pytest
from django.core.management import call_command

from volunteers.initial_consent import INITIAL_CONSENT
from volunteers.models import ConsentText


def test_fresh_database_has_version_1_and_its_hash_matches_the_text(db):
    text = ConsentText.objects.get()
    assert text.version == 1
    assert text.title == INITIAL_CONSENT["title"]
    assert text.sha256 == text.compute_sha256()


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_consent_text_back():
    call_command("flush", "--noinput", verbosity=0)
    assert ConsentText.objects.filter(version=1).exists()


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_roles_and_calendar_vocabularies_back():
    from django.contrib.auth.models import Group

    from events.models import Audience, Category
    from silvercentre.roles import COORDINATORS, SECRETARIES

    call_command("flush", "--noinput", verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= {COORDINATORS, SECRETARIES}
    assert Category.objects.filter(slug="patriotic", is_patriotic=True).exists()
    assert Audience.objects.filter(is_everyone=True).exists()
