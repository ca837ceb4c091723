"""PDF documents of the projects app: a renderer turns a Django template into PDF bytes with WeasyPrint."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from projects.models import Organisation

if TYPE_CHECKING:
    from projects.models import VolunteerStatement
    from projects.selectors import BookRow


class PdfRenderer:
    """Render `template_name` with a context to PDF bytes."""

    template_name: str = ""

    def render_html(self, context: dict[str, object]) -> str:
        return render_to_string(self.template_name, context)

    def render_bytes(self, context: dict[str, object]) -> bytes:
        # Imported here: WeasyPrint loads Pango at import time, which web processes need not pay for.
        from weasyprint import HTML

        html = self.render_html(context)
        return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


class StatementRenderer(PdfRenderer):
    """The statement of volunteer hours («справка о волонтёрской деятельности»)."""

    template_name = "projects/pdf/statement.html"

    def context(
        self, *, statement: VolunteerStatement, rows: list[BookRow], total: Decimal
    ) -> dict[str, object]:
        issuer = Organisation.objects.filter(is_flagship_resource_centre=True).first()
        issued_at = statement.generated_at or timezone.now()
        return {
            "statement": statement,
            "volunteer": statement.volunteer,
            "rows": rows,
            "total": total,
            "issuer": issuer,
            "site_name": settings.SITE_NAME,
            "site_phone": settings.SITE_CONTACT_PHONE,
            "site_address": settings.SITE_CONTACT_ADDRESS,
            "issued_on": timezone.localtime(issued_at).date(),
            "project_count": len({row.project_id for row in rows}),
        }

    def render(self, *, statement: VolunteerStatement, rows: list[BookRow], total: Decimal) -> bytes:
        return self.render_bytes(self.context(statement=statement, rows=rows, total=total))
