"""A person of 70 signs up on a phone, using the keyboard, and makes a mistake on the way."""

import re

import pytest

from volunteers.models import Volunteer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signup_on_a_phone_with_a_mistake_then_success(phone_page):
    page = phone_page
    page.goto(page.base_url + "/volunteers/signup/")
    assert page.locator("h1").inner_text() == "Стать «серебряным» волонтёром"
    # Nothing overflows sideways on a 390 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("Фамилия").fill("Кузнецова")
    page.get_by_label(re.compile(r"^Имя")).fill("Вера")
    page.get_by_label("Дата рождения").fill("02.02.1990")  # too young: a mistake
    page.get_by_label("Телефон").fill("8 (978) 321-54-76")
    page.get_by_label("Нахимовский район").check()
    page.get_by_label("Я даю согласие на обработку моих персональных данных").check()
    page.get_by_role("button", name="Отправить заявку").click()

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "55 лет и старше" in summary.inner_text()
    # Focus moved to the list of mistakes, and what she typed is still there.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.get_by_label("Фамилия").input_value() == "Кузнецова"
    assert page.get_by_label("Телефон").input_value() == "8 (978) 321-54-76"

    page.get_by_label("Дата рождения").fill("02.02.1952")
    page.get_by_label("Я даю согласие на обработку моих персональных данных").check()
    with page.expect_navigation(url="**/volunteers/signup/done/", timeout=60_000):
        page.get_by_label("Дата рождения").press("Enter")  # submit from the keyboard
    assert "Спасибо" in page.locator("h1").inner_text()
    volunteer = Volunteer.objects.get()
    assert volunteer.phone == "+79783215476"


def test_low_vision_mode_is_remembered_between_visits(phone_page):
    page = phone_page
    page.goto(page.base_url + "/")
    page.get_by_role("button", name="Версия для слабовидящих").click()
    page.goto(page.base_url + "/privacy/")
    assert "a11y" in page.locator("body").get_attribute("class")
    assert not page.locator("img.brand-logo").is_visible()
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 24
    page.get_by_role("button", name="Обычная версия").click()
    assert "a11y" not in (page.locator("body").get_attribute("class") or "")


def test_every_button_and_link_in_the_header_is_at_least_44px(phone_page):
    page = phone_page
    page.goto(page.base_url + "/")
    heights = page.evaluate(
        "Array.from(document.querySelectorAll('header a, header button, main .button'))"
        ".map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 44
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert base >= 18
