"""How report values read on paper and on the page: roubles, hours, shares and multipliers, Russian style."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from projects.templatetags.projects_format import amount, roubles

register = template.Library()

DASH = "—"


def format_value(value: object, kind: str) -> str:
    """Format one value of a report by the kind of its column."""
    if value is None or value == "":
        return DASH if kind != "text" else ""
    if kind == "text":
        return str(value)
    if kind == "year":
        return str(int(value))  # type: ignore[call-overload]
    if kind == "money":
        return roubles(value)  # type: ignore[arg-type]
    if kind == "number":
        return amount(value)  # type: ignore[arg-type]
    if kind == "int":
        return number_format(int(value), decimal_pos=0, force_grouping=True)  # type: ignore[call-overload]
    if kind == "percent":
        return f"{number_format(Decimal(value), decimal_pos=1)}\u00a0%"  # type: ignore[arg-type]
    if kind == "times":
        return f"{number_format(Decimal(value), decimal_pos=2)}\u00d7"  # type: ignore[arg-type]
    return str(value)


@register.filter
def report_value(value: object, kind: str) -> str:
    return format_value(value, kind)
