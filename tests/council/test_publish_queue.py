"""Publishing when the task queue is down: the text stays frozen «publishing» with a retry, never a 500."""

import kombu.exceptions
import pytest

from council import tasks
from council.models import Resolution

CHANGELIST = "/admin/council/resolution/"


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(tasks.publish_resolution_pdf, "delay", refuse)


def test_publishing_with_the_broker_down_keeps_the_page_and_offers_a_retry(
    secretary_client, draft, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(f"{CHANGELIST}{draft.pk}/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Resolution.Status.PUBLISHING
    page = secretary_client.get(f"{CHANGELIST}{draft.pk}/change/")
    assert page.context["can_retry"] is True


def test_the_retry_with_the_broker_still_down_says_so(secretary_client, draft, broker_down):
    Resolution.objects.filter(pk=draft.pk).update(status=Resolution.Status.PUBLISHING)
    response = secretary_client.post(f"{CHANGELIST}{draft.pk}/publish/", {"retry": "1"}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Очередь задач недоступна" in text
    assert "Публикация перезапущена" not in text
