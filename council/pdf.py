"""The resolution as a PDF: a Django template rendered to HTML, then by WeasyPrint to tagged PDF/UA bytes."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from council.models import Resolution
from council.selectors import resolution_decision_tree, resolution_findings, resolution_signatories

# PDF/UA-1: tagged structure, embedded fonts, title and language in the metadata, for screen readers.
PDF_VARIANT = "pdf/ua-1"


class ResolutionPdfRenderer:
    """Render one resolution, as published or as a draft preview marked «ПРОЕКТ»."""

    template_name = "council/pdf/resolution.html"

    def context(self, *, resolution: Resolution, draft: bool) -> dict[str, object]:
        chair, secretary = resolution_signatories(resolution)
        return {
            "resolution": resolution,
            "council": resolution.council,
            "findings": list(resolution_findings(resolution)),
            "decisions": resolution_decision_tree(resolution),
            "chair": chair,
            "secretary": secretary,
            "draft": draft,
            "site_name": settings.SITE_NAME,
        }

    def render_html(self, *, resolution: Resolution, draft: bool = False) -> str:
        # The document is Russian whoever asks for it: an official text has one wording.
        with translation.override("ru"):
            return render_to_string(self.template_name, self.context(resolution=resolution, draft=draft))

    def render(self, *, resolution: Resolution, draft: bool = False) -> bytes:
        # Imported here: WeasyPrint loads Pango at import time, which web processes need not pay for.
        from weasyprint import HTML

        html = self.render_html(resolution=resolution, draft=draft)
        return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=PDF_VARIANT)
