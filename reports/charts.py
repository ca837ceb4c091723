"""Bar and line charts drawn as SVG by our own small code: WeasyPrint renders them, no library or network.

A chart holds categories and series of finished totals (the selectors computed them); this module only
turns numbers into coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colours that stay distinct for the common colour-vision deficiencies and in greyscale print.
PALETTE = ["#0b4f8a", "#d08c21", "#4e8a3a", "#8a3b8f", "#b5443b", "#2a8c8c", "#6b7785"]
REFERENCE = "#b5443b"

WIDTH = 680
HEIGHT = 300
LEFT = 64
RIGHT = 16
TOP = 44
BOTTOM = 56
FONT = 'font-family="DejaVu Sans, Liberation Sans, sans-serif"'

Number = Decimal | int | float | None


@dataclass(frozen=True)
class Series:
    label: str
    values: list[Number]


@dataclass
class Chart:
    kind: Literal["bar", "line"]
    title: str
    categories: list[str]
    series: list[Series]
    # The axis shows value / scale in `unit`, e.g. money in «млн ₽» with scale 1 000 000.
    unit: str = ""
    scale: Decimal = Decimal(1)
    stacked: bool = False
    # A horizontal reference line, e.g. the base period's average: (label, value).
    reference: tuple[str, Number] | None = None
    # Counts of people or events: the axis steps by whole numbers.
    integer: bool = False
    colours: list[str] = field(default_factory=lambda: list(PALETTE))

    def svg(self) -> SafeString:
        if self.kind == "bar":
            return bar_chart_svg(self)
        return line_chart_svg(self)

    @property
    def is_empty(self) -> bool:
        return not self.categories or all(_f(v) == 0 for s in self.series for v in s.values)


def _f(value: Number) -> float:
    return float(value) if value is not None else 0.0


def nice_step(maximum: float, ticks: int = 5, *, integer: bool = False) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that splits 0..maximum into about `ticks` parts;
    for counts a whole number, never 2.5 of a power below 100."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    if integer and raw <= 1:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    multiples = (1, 2, 5, 10) if integer and magnitude < 10 else (1, 2, 2.5, 5, 10)
    for multiple in multiples:
        step = multiple * magnitude
        if step >= raw:
            return step
    return 10 * magnitude


def _label(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        places = 0
    elif abs(value * 10 - round(value * 10)) < 1e-9:
        places = 1
    else:
        places = 2
    return number_format(round(value, places), decimal_pos=places, force_grouping=True)


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Frame:
    """The plot area, the value axis with round ticks, and the legend: what bar and line charts share."""

    def __init__(self, chart: Chart, maximum: float) -> None:
        self.chart = chart
        self.scale = float(chart.scale)
        top_value = max(maximum, _f(chart.reference[1]) if chart.reference else 0.0) / self.scale
        self.step = nice_step(top_value, integer=chart.integer)
        self.ticks = max(1, math.ceil(top_value / self.step)) if top_value > 0 else 1
        self.top = self.step * self.ticks
        self.plot_w = WIDTH - LEFT - RIGHT
        self.plot_h = HEIGHT - TOP - BOTTOM
        self.parts: list[str] = []

    def y(self, value: float) -> float:
        return TOP + self.plot_h - (value / self.scale) / self.top * self.plot_h

    def band(self, index: int) -> tuple[float, float]:
        """Left edge and width of the band of category `index`."""
        width = self.plot_w / max(1, len(self.chart.categories))
        return LEFT + index * width, width

    def axes(self) -> None:
        for n in range(self.ticks + 1):
            value = self.step * n
            y = TOP + self.plot_h - value / self.top * self.plot_h
            stroke = "#333" if n == 0 else "#d5d9de"
            self.parts.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{stroke}" '
                f'stroke-width="{1 if n == 0 else 0.6}"/>'
                f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="10" fill="#333">'
                f"{escape(_label(value))}</text>"
            )
        if self.chart.unit:
            self.parts.append(
                f'<text x="{LEFT - 6}" y="{TOP - 10}" text-anchor="end" font-size="10" fill="#333">'
                f"{escape(self.chart.unit)}</text>"
            )
        # Turn the labels when they would run into each other: many categories, or long names.
        band = self.plot_w / max(1, len(self.chart.categories))
        longest = max((len(c) for c in self.chart.categories), default=0)
        many = len(self.chart.categories) > 8 or min(longest, 18) * 6.2 > band
        for index, category in enumerate(self.chart.categories):
            left, width = self.band(index)
            x = left + width / 2
            y = TOP + self.plot_h + 14
            text = escape(_short(category, 16 if many else 18))
            if many:
                self.parts.append(
                    f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end" font-size="9.5" fill="#222" '
                    f'transform="rotate(-35 {x:.1f} {y:.1f})">{text}</text>'
                )
            else:
                self.parts.append(
                    f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="10.5" fill="#222">'
                    f"{text}</text>"
                )

    def reference_line(self) -> None:
        """A dashed line across the plot; its label goes into the legend, where it cannot hide a point."""
        if not self.chart.reference:
            return
        y = self.y(_f(self.chart.reference[1]))
        self.parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{REFERENCE}" '
            f'stroke-width="1.5" stroke-dasharray="6 4"/>'
        )

    def legend(self) -> None:
        """Name the series when there are several, and the reference line when there is one."""
        entries: list[tuple[str, str]] = []
        if len(self.chart.series) > 1:
            for n, series in enumerate(self.chart.series):
                colour = self.chart.colours[n % len(self.chart.colours)]
                entries.append(
                    (f'<rect x="{{x}}" y="8" width="12" height="12" fill="{colour}"/>', series.label)
                )
        if self.chart.reference:
            swatch = (
                f'<line x1="{{x}}" y1="14" x2="{{x2}}" y2="14" stroke="{REFERENCE}" stroke-width="1.5" '
                f'stroke-dasharray="4 3"/>'
            )
            entries.append((swatch, self.chart.reference[0]))
        x = float(LEFT)
        for swatch, label in entries:
            text = _short(label, 60)
            self.parts.append(
                swatch.format(x=f"{x:.1f}", x2=f"{x + 12:.1f}")
                + f'<text x="{x + 17:.1f}" y="18" font-size="10.5" fill="#222">{escape(text)}</text>'
            )
            x += 34 + 6.2 * len(text)

    def svg(self) -> SafeString:
        title = escape(self.chart.title)
        body = "".join(self.parts)
        # Every piece of text above went through escape(); the rest is numbers we formatted.
        return mark_safe(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
            f'height="{HEIGHT}" role="img" aria-label="{title}" {FONT}><title>{title}</title>{body}</svg>'
        )


def bar_chart_svg(chart: Chart) -> SafeString:
    """Grouped bars (one per series in each category), or stacked ones when chart.stacked."""
    columns = list(zip(*(s.values for s in chart.series), strict=True)) if chart.series else []
    if chart.stacked:
        maximum = max((sum(_f(v) for v in column) for column in columns), default=0.0)
    else:
        maximum = max((_f(v) for column in columns for v in column), default=0.0)
    frame = _Frame(chart, maximum)
    frame.axes()
    groups = max(1, len(chart.series))
    label_each = not chart.stacked and len(chart.categories) * groups <= 14
    for index, column in enumerate(columns):
        left, width = frame.band(index)
        inner = width * 0.72
        start = left + (width - inner) / 2
        bottom = frame.y(0)
        running = 0.0
        for n, value in enumerate(column):
            colour = chart.colours[n % len(chart.colours)]
            amount = _f(value)
            if chart.stacked:
                y_top, y_bottom = frame.y(running + amount), frame.y(running)
                x, w = start, inner
                running += amount
            else:
                w = inner / groups
                x = start + n * w
                y_top, y_bottom = frame.y(amount), bottom
            height = max(0.0, y_bottom - y_top)
            if height > 0:
                frame.parts.append(
                    f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{max(1.0, w - 1):.1f}" height="{height:.1f}" '
                    f'fill="{colour}"/>'
                )
            if label_each and amount:
                frame.parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y_top - 3:.1f}" text-anchor="middle" font-size="9" '
                    f'fill="#222">{escape(_label(amount / frame.scale))}</text>'
                )
        if chart.stacked and running and len(chart.categories) <= 14:
            frame.parts.append(
                f'<text x="{start + inner / 2:.1f}" y="{frame.y(running) - 3:.1f}" text-anchor="middle" '
                f'font-size="9" fill="#222">{escape(_label(running / frame.scale))}</text>'
            )
    frame.reference_line()
    frame.legend()
    return frame.svg()


def line_chart_svg(chart: Chart) -> SafeString:
    """One line per series through the centres of the category bands; a missing value breaks the line."""
    maximum = max((_f(v) for s in chart.series for v in s.values), default=0.0)
    frame = _Frame(chart, maximum)
    frame.axes()
    frame.reference_line()
    show_values = len(chart.categories) <= 12 and len(chart.series) == 1
    for n, series in enumerate(chart.series):
        colour = chart.colours[n % len(chart.colours)]
        segments: list[list[tuple[float, float, float]]] = [[]]
        for index, value in enumerate(series.values):
            if value is None:
                segments.append([])
                continue
            left, width = frame.band(index)
            segments[-1].append((left + width / 2, frame.y(_f(value)), _f(value)))
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y, _v in segment)
                frame.parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5" '
                    f'stroke-linejoin="round"/>'
                )
            for x, y, amount in segment:
                frame.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
                if show_values:
                    frame.parts.append(
                        f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="9" fill="#222">'
                        f"{escape(_label(amount / frame.scale))}</text>"
                    )
    frame.legend()
    return frame.svg()
