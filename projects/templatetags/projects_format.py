"""Number formats of the projects pages: roubles and hours the way Russian readers write them."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def roubles(value: Decimal | int | None) -> str:
    """Format money as «1 250 000 ₽», with kopecks only when there are any."""
    if value is None:
        return "—"
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"{number_format(amount, decimal_pos=places, force_grouping=True)}\u00a0₽"


@register.filter
def amount(value: Decimal | int | None) -> str:
    """Format a quantity (hours, indicator values) with grouping and without trailing zeros."""
    if value is None:
        return "—"
    number = Decimal(value)
    # 18.50 hours reads as «18,5», 150.00 people as «150».
    places = max(0, -number.normalize().as_tuple().exponent)
    return number_format(number, decimal_pos=places, force_grouping=True)
