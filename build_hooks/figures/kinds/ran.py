"""Kind `ran`: plots numbers that the page's own ```python {run} blocks computed (names from the page's namespace).

The figure draws no second version of the lesson's model: every plotted number is a value the page's code left
(coursekit.runs), passed in through Env.run, and the figure's cache key includes the run's key.

    plot: curve | points | arrows
    panels: [[name, ...], ...]   one list of value names per panel
    labels: {name: text, ...}    the legend: each name's label (a name keeps its colour in every panel)
    titles: [text, ...]          optional, one per panel
    x: name                      curve only: the shared x values (default 1, 2, …)
    marks: name                  points only: an (N, 2) array drawn as outlined dots on top of every panel

curve: each name a list of numbers; points: each an (N, 2) array; arrows: each an (N, 4) array of rows
x, y, dx, dy (drawn from (x, y) to (x + dx, y + dy)).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from coursekit.figures.kind import Env, FigureInputError, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Point, Series, plot

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

PLOTS = ("curve", "points", "arrows")
SHAPES = {"curve": "a list of numbers", "points": "an (N, 2) array", "arrows": "an (N, 4) array of x, y, dx, dy"}


def _name(value: Any, ctx: F.Ctx | None = None) -> str:
    if not isinstance(value, str) or not value.isidentifier():
        raise ValueError(f"{value!r} is not a Python name; give the names the page's run blocks assign")
    return value


def _panels(value: Any, ctx: F.Ctx) -> list[list[str]]:
    if not isinstance(value, list) or not value or not all(isinstance(p, list) and p for p in value):
        raise ValueError("must be a list of panels, each a list of names: [[losses]] or [[data, samples], [data, more]]")
    if len(value) > 6:
        raise ValueError(f"has {len(value)} panels; use at most 6")
    return [[_name(v) for v in panel] for panel in value]


def _labels(value: Any, ctx: F.Ctx) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise ValueError("must map value names to legend texts: {losses: training loss}")
    return {_name(k): F.text(80)(v, ctx) for k, v in value.items()}


def _texts(value: Any, ctx: F.Ctx) -> list[str]:
    if not isinstance(value, list) or not value:
        raise ValueError("must be a list of texts")
    return [F.text(80)(v, ctx) for v in value]


def _flag(value: Any, ctx: F.Ctx) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r}: use true or false")
    return value


def _array(run: Mapping[str, Any], name: str, plot_kind: str) -> np.ndarray:
    if name not in run:
        known = ", ".join(sorted(run)) or "none"
        raise FigureInputError(f"figure key 'panels': {name!r} is not a number or array the page's run blocks left "
                               f"(they left: {known})")
    array = np.asarray(run[name], dtype=np.float64)
    ok = {"curve": array.ndim == 1, "points": array.ndim == 2 and array.shape[1:] == (2,),
          "arrows": array.ndim == 2 and array.shape[1:] == (4,)}[plot_kind]
    if not ok:
        raise FigureInputError(f"figure key 'panels': {name!r} has shape {array.shape}; plot {plot_kind} needs "
                               f"{SHAPES[plot_kind]}")
    return array


def _r(values: np.ndarray) -> list[Any]:
    return np.round(values, 4).tolist()  # four decimals: far below a pixel, small SVG


def compute(spec: Spec, env: Env) -> Result:
    kind = spec["plot"]
    panels = [[_r(_array(env.run, name, kind)) for name in panel] for panel in spec["panels"]]
    x = _r(_array(env.run, spec["x"], "curve")) if spec["x"] else None
    marks = _r(_array(env.run, spec["marks"], "points")) if spec["marks"] else None
    return Result(data={"panels": panels, "x": x, "marks": marks})


def _bounds(arrays: list[np.ndarray], pad: float = 0.05) -> tuple[float, float]:
    lo = min(float(np.nanmin(a)) for a in arrays)
    hi = max(float(np.nanmax(a)) for a in arrays)
    span = (hi - lo) or 1.0
    return lo - pad * span, hi + pad * span


def _styles(spec: Spec) -> dict[str, int]:
    """Each value name's colour and dash: the place of its label among the figure's labels, so names that share a
    label (the same model at several t) look alike in every panel."""
    labels = spec["labels"] or {}
    order: dict[str, int] = {}
    styles: dict[str, int] = {}
    for panel in spec["panels"]:
        for name in panel:
            styles[name] = order.setdefault(labels.get(name, name), len(order))
    return styles


def _curve_panel(p: Present, series: list[list[float]], x: list[float] | None, names: list[str],
                 labels: dict[str, str]) -> Panel:
    spec = p.spec
    ys = [np.asarray(s, dtype=np.float64) for s in series]
    xs = np.asarray(x, dtype=np.float64) if x is not None else np.arange(1, len(ys[0]) + 1, dtype=np.float64)
    if spec["log_y"]:
        lo = min(float(y[y > 0].min()) for y in ys)
        hi = max(float(y.max()) for y in ys)
        y_axis = Axis(spec["y_label"], 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi)), log=True)
    else:
        y_axis = Axis(spec["y_label"], *_bounds(ys))
    x_axis = Axis(spec["x_label"], float(xs.min()), float(xs.max()), log=spec["log_x"])
    styles = _styles(spec)
    plotted = [Series(label=labels.get(name, name), xs=xs.tolist(), ys=y.tolist(), style=styles[name])
               for name, y in zip(names, ys)]
    return Panel(x=x_axis, y=y_axis, series=plotted)


def _plane_panels(p: Present, labels: dict[str, str], titles: list[str]) -> list[Panel]:
    spec, kind = p.spec, p.spec["plot"]
    arrays = [[np.asarray(a, dtype=np.float64) for a in panel] for panel in p.data["panels"]]
    coords = [a[:, :2] if kind == "points" else np.concatenate([a[:, :2], a[:, :2] + a[:, 2:]]) for pa in arrays
              for a in pa]
    lo, hi = _bounds([c for c in coords])
    out, styles = [], _styles(spec)
    for k, (panel, names) in enumerate(zip(arrays, spec["panels"])):
        series = []
        for a, name in zip(panel, names):
            label, i = labels.get(name, name), styles[name]
            if kind == "points":
                series.append(Series(label=label, xs=a[:, 0].tolist(), ys=a[:, 1].tolist(), mode="scatter", style=i))
            else:  # each arrow a two-point polyline, separated by a gap (NaN) from the next
                xs = np.stack([a[:, 0], a[:, 0] + a[:, 2], np.full(len(a), np.nan)], axis=1).ravel()
                ys = np.stack([a[:, 1], a[:, 1] + a[:, 3], np.full(len(a), np.nan)], axis=1).ravel()
                series.append(Series(label=label, xs=xs.tolist(), ys=ys.tolist(), style=i))
        title = titles[k] if k < len(titles) else ""
        marks = [Point(x, y, style=len(styles)) for x, y in p.data.get("marks") or []]
        out.append(Panel(x=Axis(spec["x_label"], lo, hi), y=Axis(spec["y_label"], lo, hi), series=series, title=title,
                         points=marks))
    return out


def present(p: Present) -> str:
    s, spec, d = p.strings, p.spec, p.data
    labels, titles = spec["labels"] or {}, spec["titles"] or []
    if spec["plot"] == "curve":
        panels = [_curve_panel(p, panel, d["x"], names, labels) for panel, names in zip(d["panels"], spec["panels"])]
    else:
        panels = _plane_panels(p, labels, titles)
    names = s.join(name for panel in spec["panels"] for name in panel)
    desc = s("ran.alt", names=names, panels=len(panels))
    if spec["plot"] == "curve":  # the numbers, for readers who cannot see the plot
        ends = [s("ran.curve_item", name=labels.get(name, name), first=f"{series[0]:.4g}", last=f"{series[-1]:.4g}")
                for panel, names_ in zip(d["panels"], spec["panels"]) for series, name in zip(panel, names_)]
        desc += " " + s.join(ends) + "."
    columns = min(len(panels), 3)
    width = 640 if len(panels) == 1 else 300 * columns
    height = 360 if spec["plot"] == "curve" else 300
    svg = plot(panels, fig_id=p.fig_id, title=s("ran.title", names=names), desc=desc, columns=columns, width=width,
               height=height)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="ran",
    fields={
        "plot": F.Field(F.choice(*PLOTS)),
        "panels": F.Field(_panels, doc="a list of panels, each a list of names the page's run blocks assign"),
        "x": F.Field(F.optional(_name), default=None),
        "marks": F.Field(F.optional(_name), default=None),
        "labels": F.Field(F.optional(_labels), default=None),
        "titles": F.Field(F.optional(_texts), default=None),
        "x_label": F.Field(F.text(80), default="x"),
        "y_label": F.Field(F.text(80), default="y"),
        "log_y": F.Field(_flag, default=False),
        "log_x": F.Field(_flag, default=False),
    },
    compute=compute,
    present=present,
    common=(),
    reads_run=True,
)
