"""ИНН and ОГРН check digits, and the database constraints on organisations."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import LegalForm, Organisation
from projects.validation import inn_is_valid, normalise_number, ogrn_is_valid, validate_inn, validate_ogrn

# Registration numbers whose check digits are right (a bank's ИНН and ОГРН, a person's ИНН, an ОГРНИП).
VALID_INN = ["7707083893", "500100732259", "9204002115"]
VALID_OGRN = ["1027700132195", "304500116000157"]


@pytest.mark.parametrize("value", VALID_INN)
def test_valid_inn_passes(value):
    assert inn_is_valid(value)
    validate_inn(value)


@pytest.mark.parametrize(
    "value",
    [
        "7707083894",  # last digit changed
        "7707083839",  # two digits swapped
        "500100732258",  # the 12th digit changed
        "500100732269",  # the 11th digit changed
        "770708389",  # too short
        "77070838931",  # 11 digits
        "77070838a3",
        "７７０７０８３８９３",  # full-width digits are digits to Python, not to the tax service
    ],
)
def test_invalid_inn_fails(value):
    assert not inn_is_valid(value)
    with pytest.raises(ValidationError):
        validate_inn(value)


@pytest.mark.parametrize("value", VALID_OGRN)
def test_valid_ogrn_passes(value):
    assert ogrn_is_valid(value)
    validate_ogrn(value)


@pytest.mark.parametrize("value", ["1027700132196", "1027700132159", "304500116000158", "102770013219", "x"])
def test_invalid_ogrn_fails(value):
    assert not ogrn_is_valid(value)
    with pytest.raises(ValidationError):
        validate_ogrn(value)


def test_error_codes_tell_length_from_checksum():
    with pytest.raises(ValidationError) as short:
        validate_inn("123")
    with pytest.raises(ValidationError) as wrong:
        validate_inn("7707083894")
    assert short.value.code == "inn_length"
    assert wrong.value.code == "inn_checksum"


def test_normalise_number_strips_spaces_and_dashes():
    assert normalise_number(" 77 07-083 893 ") == "7707083893"
    assert normalise_number("") is None
    assert normalise_number(None) is None


def _org(**kwargs) -> Organisation:
    defaults = {"full_name": "Тестовая организация", "legal_form": LegalForm.ANO}
    return Organisation.objects.create(**{**defaults, **kwargs})


@pytest.mark.django_db
def test_inn_unique_when_given_but_many_may_have_none():
    _org(short_name="А", inn="7707083893")
    _org(short_name="Б", inn=None)
    _org(short_name="В", inn="")  # stored as NULL, so it does not clash with Б
    assert Organisation.objects.filter(inn__isnull=True).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="Г", inn="7707083893")


@pytest.mark.django_db
def test_ogrn_unique_when_given():
    _org(short_name="А", ogrn="1027700132195")
    _org(short_name="Б")
    _org(short_name="В")
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="Г", ogrn="1027700132195")


@pytest.mark.django_db
def test_database_refuses_non_digit_numbers():
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="А", inn="77070838ab")
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="Б", ogrn="10277001321")


@pytest.mark.django_db
def test_only_one_flagship_resource_centre():
    _org(short_name="А", is_flagship_resource_centre=True)
    _org(short_name="Б")
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="В", is_flagship_resource_centre=True)


@pytest.mark.django_db
def test_department_must_be_government_body():
    _org(short_name="А", legal_form=LegalForm.GOVERNMENT, is_government_department=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(short_name="Б", legal_form=LegalForm.ANO, is_government_department=True)


@pytest.mark.django_db
def test_full_clean_gives_friendly_errors():
    org = Organisation(full_name="Х", short_name="Х", legal_form=LegalForm.ANO, inn="7707083894")
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "inn" in exc.value.message_dict
