import pytest

from volunteers.phones import InvalidPhone, format_phone, normalize_phone


@pytest.mark.parametrize(
    "raw",
    [
        "8 (978) 123-45-67",
        "+7 978 1234567",
        "+7(978)123-45-67",
        "89781234567",
        "79781234567",
        "9781234567",
        " 8-978-123-45-67 ",
        "8.978.123.45.67",
    ],
)
def test_mobile_numbers_written_any_way_normalise_to_one_form(raw):
    assert normalize_phone(raw) == "+79781234567"


def test_six_digit_number_is_a_sevastopol_landline():
    assert normalize_phone("55-12-34") == "+78692551234"


def test_landline_with_area_code():
    assert normalize_phone("8 (8692) 55-12-34") == "+78692551234"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "12345",
        "+38 050 123 45 67",
        "8 978 123 45 67 89",
        "телефон",
        "+7 078 123 45 67",
        "978+1234567",
    ],
)
def test_what_is_not_a_russian_number_is_refused(raw):
    with pytest.raises(InvalidPhone):
        normalize_phone(raw)


def test_format_for_reading():
    assert format_phone("+79781234567") == "+7 (978) 123-45-67"
    assert format_phone("") == ""
