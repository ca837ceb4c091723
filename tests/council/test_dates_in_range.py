"""A resolution dated 01.01.0001 or 9999 (a typo) is refused: the text and its PDF would carry it for good."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from council.admin.resolutions import ResolutionAdminForm
from council.models import Resolution


@pytest.mark.parametrize("typed", ["01.01.0001", "31.12.9999", "21.10.1921"])
def test_the_admin_form_refuses_an_impossible_date_and_keeps_it(draft, typed):
    data = {
        "meeting": draft.meeting_id,
        "kind": draft.kind,
        "number": draft.number,
        "adopted_on": typed,
        "title": draft.title,
        "preamble": draft.preamble,
        "decisions_intro": draft.decisions_intro,
        "subitem_style": draft.subitem_style,
    }
    form = ResolutionAdminForm(data=data, instance=draft)
    assert not form.is_valid()
    assert "от 2000 до 2100" in " ".join(form.errors.get("adopted_on", []) + form.non_field_errors())
    assert form["adopted_on"].value() == typed


def test_the_database_refuses_an_impossible_date(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.filter(pk=draft.pk).update(adopted_on=dt.date(1, 1, 1))
