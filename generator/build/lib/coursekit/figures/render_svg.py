"""SVG line and scatter plots with real axes: ticks, tick labels, axis labels, legend, guides.

Output is deterministic text (fixed number formatting, no ids except the caller's). Text and axes use
`currentColor`, so the plot follows the page theme; series also differ by dash pattern, not colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import Sequence

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F")  # Okabe–Ito
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 62, 14, 14, 44
PANEL_TITLE = 18
LEGEND_ROW = 20
FONT_SIZE = 12


@dataclass(frozen=True)
class Axis:
    label: str
    lo: float
    hi: float
    log: bool = False


@dataclass(frozen=True)
class Series:
    label: str
    xs: Sequence[float]
    ys: Sequence[float]
    mode: str = "line"  # "line" | "scatter"
    style: int | None = None  # palette/dash index; default: position in the legend


@dataclass(frozen=True)
class Guide:
    axis: str  # "x": vertical line at x = value; "y": horizontal line at y = value
    value: float
    label: str = ""


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str = ""
    style: int = 0


@dataclass(frozen=True)
class Panel:
    x: Axis
    y: Axis
    series: list[Series]
    guides: list[Guide] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    title: str = ""


def n(v: float) -> str:
    """Coordinates with two decimals and no '-0.00': stable text across runs and platforms."""
    text = f"{v:.2f}"
    return "0.00" if text == "-0.00" else text


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 × 10^k) inside [lo, hi], spaced closest to span/target."""
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / target
    mag = 10.0 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10)), key=lambda c: abs(math.log(c / raw)))
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]


def log_ticks(lo: float, hi: float) -> list[float]:
    """Powers of ten inside [lo, hi]; 2× and 5× too when the range is short, every other decade when long."""
    a, b = math.floor(math.log10(lo) + 1e-9), math.ceil(math.log10(hi) - 1e-9)
    every = 1 if b - a <= 6 else 2
    mults = (1, 2, 5) if b - a <= 2 else (1,)
    ticks = [m * 10.0**k for k in range(a, b + 1) if (k - a) % every == 0 for m in mults]
    return [t for t in ticks if lo * (1 - 1e-9) <= t <= hi * (1 + 1e-9)]


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def tick_label(v: float, ticks: Sequence[float], log: bool) -> str:
    if log:
        k = math.floor(math.log10(v) + 1e-9)
        m = round(v / 10.0**k)
        if m != 1:
            return f"{v:g}" if -3 <= k <= 4 else f"{m}×10{str(k).translate(_SUPERSCRIPT)}"
        return "1" if k == 0 else ("10" if k == 1 else f"10{str(k).translate(_SUPERSCRIPT)}")
    step = min((abs(b - a) for a, b in zip(ticks, ticks[1:])), default=1.0)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if step < 1 and round(step * 10**decimals, 6) % 1:
        decimals += 1  # 0.25 needs two decimals, not one
    text = f"{v:.{decimals}f}"
    return text.lstrip("-") if float(text) == 0 else text.replace("-", "−")


class _Scale:
    def __init__(self, axis: Axis, start: float, end: float) -> None:
        self.axis, self.start, self.end = axis, start, end
        self.a, self.b = (math.log10(axis.lo), math.log10(axis.hi)) if axis.log else (axis.lo, axis.hi)

    def __call__(self, v: float) -> float | None:
        if not math.isfinite(v) or (self.axis.log and v <= 0):
            return None
        u = math.log10(v) if self.axis.log else v
        return self.start + (u - self.a) / (self.b - self.a) * (self.end - self.start)

    def ticks(self) -> list[float]:
        return log_ticks(self.axis.lo, self.axis.hi) if self.axis.log else nice_ticks(self.axis.lo, self.axis.hi)


def _style(index: int) -> tuple[str, str]:
    return PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]


def _legend_entries(panels: Sequence[Panel]) -> list[tuple[str, int, str]]:
    seen: dict[str, tuple[int, str]] = {}
    for panel in panels:
        for i, s in enumerate(panel.series):
            if s.label and s.label not in seen:
                seen[s.label] = (s.style if s.style is not None else len(seen), s.mode)
    return [(label, style, mode) for label, (style, mode) in seen.items()]


def _panel_svg(panel: Panel, x0: float, y0: float, w: float, h: float, legend_index: dict[str, int]) -> list[str]:
    top = y0 + (PANEL_TITLE if panel.title else 0) + MARGIN_TOP
    left, right, bottom = x0 + MARGIN_LEFT, x0 + w - MARGIN_RIGHT, y0 + h - MARGIN_BOTTOM
    sx, sy = _Scale(panel.x, left, right), _Scale(panel.y, bottom, top)
    out: list[str] = []
    if panel.title:
        out.append(f'<text x="{n((left + right) / 2)}" y="{n(y0 + PANEL_TITLE - 4)}" text-anchor="middle" font-weight="bold">{escape(panel.title)}</text>')
    # Grid lines and tick marks are one <path> each: every element costs HTML parsing on each build (the
    # search plugin walks them all), so only tick labels are separate elements.
    xt, yt = sx.ticks(), sy.ticks()
    grid_d: list[str] = []
    tick_d: list[str] = []
    for v in xt:
        if (px := sx(v)) is not None:
            grid_d.append(f"M{n(px)} {n(top)}V{n(bottom)}")
            tick_d.append(f"M{n(px)} {n(bottom)}v5")
            out.append(f'<text x="{n(px)}" y="{n(bottom + 17)}" text-anchor="middle">{escape(tick_label(v, xt, panel.x.log))}</text>')
    for v in yt:
        if (py := sy(v)) is not None:
            grid_d.append(f"M{n(left)} {n(py)}H{n(right)}")
            tick_d.append(f"M{n(left - 5)} {n(py)}h5")
            out.append(f'<text x="{n(left - 8)}" y="{n(py + 4)}" text-anchor="end">{escape(tick_label(v, yt, panel.y.log))}</text>')
    out.append(f'<path d="{"".join(grid_d)}" stroke="currentColor" stroke-opacity="0.12" fill="none"/>')
    out.append(f'<path d="{"".join(tick_d)}" stroke="currentColor" fill="none"/>')
    # axes
    out.append(f'<path d="M{n(left)} {n(top)}V{n(bottom)}H{n(right)}" fill="none" stroke="currentColor"/>')
    out.append(f'<text x="{n((left + right) / 2)}" y="{n(bottom + 36)}" text-anchor="middle">{escape(panel.x.label)}</text>')
    cy = (top + bottom) / 2
    out.append(f'<text x="{n(x0 + 14)}" y="{n(cy)}" text-anchor="middle" transform="rotate(-90 {n(x0 + 14)} {n(cy)})">{escape(panel.y.label)}</text>')
    # clip to the plotting area so out-of-range values do not spill over the axes
    clip = f"c{int(x0)}-{int(y0)}"
    out.append(f'<clipPath id="__FIG__-{clip}"><rect x="{n(left)}" y="{n(top)}" width="{n(right - left)}" height="{n(bottom - top)}"/></clipPath>')
    out.append(f'<g clip-path="url(#__FIG__-{clip})">')
    for g in panel.guides:
        if g.axis == "x" and (px := sx(g.value)) is not None:
            out.append(f'<line x1="{n(px)}" y1="{n(top)}" x2="{n(px)}" y2="{n(bottom)}" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity="0.7"/>')
            if g.label:
                out.append(f'<text x="{n(px + 4)}" y="{n(top + 12)}">{escape(g.label)}</text>')
        elif g.axis == "y" and (py := sy(g.value)) is not None:
            out.append(f'<line x1="{n(left)}" y1="{n(py)}" x2="{n(right)}" y2="{n(py)}" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity="0.7"/>')
            if g.label:
                out.append(f'<text x="{n(left + 4)}" y="{n(py - 4)}">{escape(g.label)}</text>')
    for s in panel.series:
        idx = s.style if s.style is not None else legend_index.get(s.label, 0)
        colour, dash = _style(idx)
        if s.mode == "scatter":
            # One path of zero-length round-capped segments draws every dot with a single element.
            dots = "".join(f"M{n(px)} {n(py)}h0" for x, y in zip(s.xs, s.ys) if (px := sx(x)) is not None and (py := sy(y)) is not None)
            if dots:
                out.append(f'<path d="{dots}" stroke="{colour}" stroke-opacity="0.75" stroke-width="4.4" stroke-linecap="round" fill="none"/>')
            continue
        for segment in _segments(s.xs, s.ys, sx, sy):
            d = "M" + "L".join(f"{n(px)} {n(py)}" for px, py in segment)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr} stroke-linejoin="round"/>')
    out.append("</g>")
    for p in panel.points:
        px, py = sx(p.x), sy(p.y)
        if px is None or py is None:
            continue
        colour, _ = _style(p.style)
        out.append(f'<circle cx="{n(px)}" cy="{n(py)}" r="4" fill="{colour}" stroke="currentColor"/>')
        if p.label:
            out.append(f'<text x="{n(px + 6)}" y="{n(py - 6)}">{escape(p.label)}</text>')
    return out


def _segments(xs: Sequence[float], ys: Sequence[float], sx: _Scale, sy: _Scale) -> list[list[tuple[float, float]]]:
    """Split a polyline wherever a value is not plottable (inf, or ≤ 0 on a log axis)."""
    segments: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, ys):
        px, py = sx(x), sy(y)
        if px is None or py is None:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append((px, py))
    return [s for s in segments if len(s) >= 2]


def plot(
    panels: Sequence[Panel],
    *,
    fig_id: str,
    title: str,
    desc: str,
    width: int = 640,
    height: int = 360,
    columns: int | None = None,
) -> str:
    """One SVG with the panels in a grid (small multiples) and one shared legend underneath."""
    cols = columns or len(panels)
    rows = math.ceil(len(panels) / cols)
    entries = _legend_entries(panels)
    legend_index = {label: style for label, style, _ in entries}
    legend_rows = _legend_layout(entries, width)
    total_h = rows * height + len(legend_rows) * LEGEND_ROW + (8 if entries else 0)
    pw = width / cols
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="course-figure__svg" viewBox="0 0 {width} {total_h}" '
        f'width="{width}" height="{total_h}" role="img" aria-labelledby="{fig_id}-title {fig_id}-desc" data-search-exclude="" '
        f'font-size="{FONT_SIZE}" fill="currentColor">',
        f'<title id="{fig_id}-title">{escape(title)}</title><desc id="{fig_id}-desc">{escape(desc)}</desc>',
    ]
    for i, panel in enumerate(panels):
        r, c = divmod(i, cols)
        parts.extend(_panel_svg(panel, c * pw, r * height, pw, height, legend_index))
    y = rows * height + 4
    for row in legend_rows:
        for x, (label, style, mode) in row:
            colour, dash = _style(style)
            cy = y + LEGEND_ROW / 2
            if mode == "scatter":
                parts.append(f'<circle cx="{n(x + 12)}" cy="{n(cy)}" r="4" fill="{colour}"/>')
            else:
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(f'<line x1="{n(x)}" y1="{n(cy)}" x2="{n(x + 24)}" y2="{n(cy)}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
            parts.append(f'<text x="{n(x + 30)}" y="{n(cy + 4)}">{escape(label)}</text>')
        y += LEGEND_ROW
    parts.append("</svg>")
    return "".join(parts).replace("__FIG__", fig_id)


def _legend_layout(entries: list[tuple[str, int, str]], width: int) -> list[list[tuple[float, tuple[str, int, str]]]]:
    """Left-to-right legend items wrapped to the figure width (text width estimated from characters)."""
    rows: list[list[tuple[float, tuple[str, int, str]]]] = []
    x = float(MARGIN_LEFT)
    current: list[tuple[float, tuple[str, int, str]]] = []
    for entry in entries:
        item_w = 30 + _text_width(entry[0]) + 18
        if current and x + item_w > width:
            rows.append(current)
            current, x = [], float(MARGIN_LEFT)
        current.append((x, entry))
        x += item_w
    if current:
        rows.append(current)
    return rows


def _text_width(text: str) -> float:
    # Wide (CJK) characters take about a full em, Latin about 0.6 em at this font size.
    return sum(FONT_SIZE if ord(ch) > 0x2E80 else FONT_SIZE * 0.6 for ch in text)
