"""The demo council: the founding round table of 2021 and its resolution, published, run twice safely."""

import io

import pypdf
import pytest

from council import demo
from council.models import Council, DecisionItem, ExecutionStatus, Resolution
from council.selectors import resolution_execution_summary


@pytest.fixture
def seeded(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return demo.seed()


def test_seed_is_idempotent(seeded):
    again = demo.seed()
    assert again == seeded
    assert seeded["councils"] == 1 and seeded["resolutions"] == 2 and seeded["working_groups"] == 4


def test_the_founding_resolution_is_published_in_two_versions_with_ten_decisions(seeded):
    council = Council.objects.get(slug="molody-dushoy")
    assert council.name == "Координационный совет «Молоды душой»"
    first, second = Resolution.objects.filter(council=council, number="1").order_by("version")
    assert first.status == second.status == Resolution.Status.PUBLISHED
    assert second.supersedes == first and second.correction_note
    assert list(Resolution.objects.current()) == [second]
    top = DecisionItem.objects.filter(resolution=second, parent__isnull=True).order_by("position")
    assert list(top.values_list("position", flat=True)) == list(range(1, 11))
    assert DecisionItem.objects.filter(resolution=second, parent__position=9).count() == 3
    findings = " ".join(second.findings.values_list("text", flat=True))
    assert "125 млн рублей" in findings and "2,2 раза" in findings and "2017–2020" in findings
    assert "12.10.2021 № 78-УГ" in top.get(position=3).text
    assert "Лиге работников социальной сферы" in top.get(position=10).text
    for name in (
        "внутренней политики",
        "здравоохранения",
        "образования",
        "имущественных и земельных отношений",
    ):
        assert name in top.get(position=6).text


def test_the_demo_has_execution_statuses_and_a_readable_pdf(seeded):
    second = Resolution.objects.get(number="1", version=2)
    statuses = set(
        DecisionItem.objects.filter(resolution=second, on_control=True).values_list("status", flat=True)
    )
    assert {ExecutionStatus.DONE, ExecutionStatus.IN_PROGRESS, ExecutionStatus.WITHDRAWN} <= statuses
    summary = resolution_execution_summary(second)
    assert summary.done == 5 and summary.overdue >= 1
    with second.pdf.open("rb") as handle:
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(handle.read())).pages)
    assert "№ 78-УГ" in " ".join(text.split())
