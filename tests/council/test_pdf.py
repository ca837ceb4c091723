"""The resolution's PDF: real Cyrillic text in order, page numbers, embedded fonts, tags and metadata."""

import io
import re

import pypdf
import pytest

from council import services
from council.models import DecisionItem
from council.pdf import ResolutionPdfRenderer
from tests.council.conftest import publish_now


def pdf_of(resolution) -> pypdf.PdfReader:
    with resolution.pdf.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def text_of(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_text_has_the_numbered_decisions_in_order_and_cyrillic_intact(published):
    text = text_of(pdf_of(published))
    assert "КООРДИНАЦИОННЫЙ СОВЕТ «МОЛОДЫ ДУШОЙ»" in text
    assert "РЕЗОЛЮЦИЯ" in text.replace(" ", "")
    assert "№ 1" in text
    assert "21 октября 2021 г." in text
    assert "более 125 млн руб." in text and "в 2,2 раза" in text
    assert "Указу № 78-УГ" in text
    positions = [
        text.index("1. Приветствовать создание"),
        text.index("2. Согласно Указу"),
        text.index("3. Для укрепления статуса"),
        text.index("3.1. выработать рекомендации"),
        text.index("3.2. Лиге работников социальной сферы"),
        text.index("Председатель Координационного совета"),
    ]
    assert positions == sorted(positions)
    assert "И. В. Савченко" in text and "О. А. Мельник" in text
    assert "ПРОЕКТ" not in text


def test_every_page_is_numbered_n_of_m(published):
    reader = pdf_of(published)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"стр. {number} из {total}" in " ".join((page.extract_text() or "").split())


def test_sub_items_can_be_printed_with_dashes_as_in_the_founding_document(draft, secretary):
    services.resolution_update(resolution=draft, subitem_style="dash")
    text = text_of(pdf_of(publish_now(draft, by=secretary)))
    assert "– выработать рекомендации" in text
    assert "3.1." not in text


def test_fonts_are_embedded_and_the_page_is_a4(published):
    reader = pdf_of(published)
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]


def test_it_is_tagged_for_screen_readers_with_title_author_and_language(published):
    reader = pdf_of(published)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "ru"
    assert reader.metadata.title.startswith("Резолюция № 1 от 21.10.2021")
    assert reader.metadata.author == "Координационный совет «Молоды душой»"
    xmp = reader.xmp_metadata
    assert xmp is not None and "pdfuaid" in xmp.stream.get_data().decode()


def test_the_draft_preview_is_marked_as_a_draft(draft):
    content = services.resolution_preview_pdf(resolution=draft)
    text = text_of(pypdf.PdfReader(io.BytesIO(content)))
    assert "ПРОЕКТ" in text
    assert draft.pdf.name == ""  # a preview is never stored


def test_the_signatures_never_stand_alone_on_the_last_page(draft):
    """Shift the text down line by line over a whole page: the signatures always keep text above them."""
    for n in range(8):
        services.decision_add(
            resolution=draft, text=f"Решение о мероприятии № {n}. " + "Текст решения. " * 20
        )
    intro = draft.decisions_intro
    for words in range(0, 480, 40):
        draft.decisions_intro = intro + " слово" * words
        reader = pypdf.PdfReader(io.BytesIO(ResolutionPdfRenderer().render(resolution=draft)))
        last = " ".join((reader.pages[-1].extract_text() or "").split())
        above = re.sub(r"стр\. \d+ из \d+", "", last.split("Председатель Координационного совета")[0])
        assert re.search(r"[а-я]{4,}", above), f"signatures alone on page {len(reader.pages)} ({words} words)"


@pytest.mark.parametrize("style", ["decimal", "letter"])
def test_number_labels(draft, style):
    draft.subitem_style = style
    sub = DecisionItem.objects.get(resolution=draft, parent__isnull=False, position=2)
    sub.resolution = draft
    assert sub.number_label() == {"decimal": "3.2.", "letter": "б)"}[style]
    assert sub.decimal_number == "3.2"
