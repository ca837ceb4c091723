"""Site-wide behaviour: pages, health check, low-vision mode, sign-in, roles and settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from silvercentre.roles import COORDINATORS, SECRETARIES

ROOT = Path(__file__).resolve().parents[2]


def test_language_time_zone_and_defaults():
    assert settings.LANGUAGE_CODE == "ru"
    assert settings.TIME_ZONE == "Europe/Simferopol"
    assert settings.USE_TZ is True
    assert {code for code, _name in settings.LANGUAGES} == {"ru", "en"}


def test_home_is_russian_and_links_the_signup_and_privacy(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Региональный центр «серебряного» волонтёрства" in html
    assert 'href="/volunteers/signup/"' in html
    assert 'href="/privacy/"' in html
    assert "Версия для слабовидящих" in html
    assert "/static/css/site.css" in html


def test_russian_whatever_the_browser_says_and_english_on_request(client, db):
    assert "Стать волонтёром" in client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Become a volunteer" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert "Стать волонтёром" in client.get("/").content.decode()


def test_privacy_shows_the_current_consent_text_and_its_versions(client, db):
    from volunteers.models import ConsentText

    first = ConsentText.objects.get(version=1)
    html = client.get("/privacy/").content.decode()
    assert first.title in html
    assert first.sha256 in html
    for heading in ("Оператор", "Цели обработки", "Перечень персональных данных", "Порядок отзыва согласия"):
        assert heading in html
    second = ConsentText.objects.create(
        version=2,
        title="Согласие, редакция 2",
        operator="АНО",
        purposes="Учёт",
        data_list="ФИО",
        actions="Хранение",
        period="5 лет",
        withdrawal="Заявлением",
    )
    html = client.get("/privacy/").content.decode()
    assert "Согласие, редакция 2" in html and second.sha256 in html
    assert 'href="/privacy/v1/"' in html
    assert first.title in client.get("/privacy/v1/").content.decode()
    assert client.get("/privacy/v99/").status_code == 404


def test_healthz_reports_database_and_broker(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "eager"}


def test_healthz_reports_a_broker_that_does_not_answer(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz/")
    assert response.status_code == 200  # the database still answers
    assert json.loads(response.content)["broker"] == "error"


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs the real Redis broker")
def test_healthz_sees_the_real_broker(client, db, settings):
    settings.CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
    assert json.loads(client.get("/healthz/").content)["broker"] == "ok"


def test_healthz_answers_503_when_the_database_is_down(client, db, monkeypatch):
    from silvercentre import views

    class Broken:
        def cursor(self):
            raise OSError("connection refused")

    monkeypatch.setattr(views, "connection", Broken())
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error"


def test_low_vision_switch_is_remembered(client, db):
    response = client.post("/a11y/", {"next": "/privacy/"})
    assert response.status_code == 302 and response["Location"] == "/privacy/"
    cookie = response.cookies["a11y"]
    assert cookie.value == "1" and int(cookie["max-age"]) >= 30 * 24 * 3600
    html = client.get("/").content.decode()
    assert '<body class="a11y' in html
    assert "Обычная версия" in html
    client.post("/a11y/", {"next": "/"})
    assert '<body class="a11y' not in client.get("/").content.decode()


def test_low_vision_switch_refuses_foreign_redirects(client, db):
    response = client.post("/a11y/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "Вход для сотрудников" in page.content.decode()


def test_staff_sign_in_with_allauth_reaches_the_admin(client, coordinator):
    response = client.post(
        "/accounts/login/", {"login": "coordinator", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_public_account_signup_is_closed(client, db):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()


def test_failed_logins_are_rate_limited_even_for_the_right_password(client, coordinator):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "coordinator", "password": "wrong-password-123"})
    response = client.post(
        "/accounts/login/", {"login": "coordinator", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Ab1!xyz9Qw")
    validate_password("long-enough-passphrase-42")


def test_roles_exist_with_their_permissions(db):
    coordinators = Group.objects.get(name=COORDINATORS)
    secretaries = Group.objects.get(name=SECRETARIES)
    coordinator_perms = set(coordinators.permissions.values_list("content_type__app_label", "codename"))
    secretary_perms = set(secretaries.permissions.values_list("content_type__app_label", "codename"))
    assert ("volunteers", "change_volunteer") in coordinator_perms
    assert ("volunteers", "view_consentrecord") in coordinator_perms
    assert not {perm for perm in secretary_perms if perm[0] == "volunteers"}
    # Nor do they see volunteers through the projects app (participation, hours, statements).
    for codename in ("view_participation", "view_volunteerhours", "view_volunteerstatement"):
        assert ("projects", codename) not in secretary_perms
        assert ("projects", codename) in coordinator_perms
    assert ("projects", "view_organisation") in secretary_perms
    assert ("events", "view_eventassignment") not in secretary_perms
    assert ("events", "view_event") in secretary_perms


def test_404_is_russian(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404


def _settings_import(env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; from django.conf import settings; django.setup(); print('ok')",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "silvercentre.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _settings_import({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = _settings_import({"DEBUG": "0", "SECRET_KEY": "x" * 60})
    assert result.returncode == 0, result.stderr
    assert _settings_import({"DEBUG": "1"}).returncode == 0


def test_bad_boolean_in_the_environment_fails_loudly():
    result = _settings_import({"DEBUG": "perhaps"})
    assert result.returncode != 0 and "DEBUG must be a boolean" in result.stderr


def test_staff_see_the_reports_link_and_the_public_does_not(client, coordinator_client, db):
    assert 'href="/reports/"' not in client.get("/").content.decode()
    assert 'href="/reports/"' in coordinator_client.get("/").content.decode()


def test_management_commands_without_secrets_run_in_development_mode():
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # Explicit production mode still refuses.
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr
