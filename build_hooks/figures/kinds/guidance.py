"""Kind `guidance`: samples of a 2-D Gaussian mixture under classifier-free guidance, one panel per weight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import gmm2d
from build_hooks.figures.common import shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Point, Series, plot
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

SAMPLER = "ddim"  # deterministic: every panel starts from the same noise, so panels differ only by w
STEPS = 100
MAX_WEIGHT = 50.0
MAX_PANELS = 6
VIEW = 3.0  # plot window half-width in data units
COLUMNS, PANEL_W, PANEL_H = 4, 190, 220  # small multiples: up to four in a row, plotting areas near square


def weights_check(value: Any, ctx: F.Ctx) -> list[float]:
    """A non-empty list of distinct guidance weights in 0..MAX_WEIGHT."""
    allowed = f"guidance weights in 0..{MAX_WEIGHT:g}, e.g. [0, 1, 3, 7]"
    if not isinstance(value, list) or not value:
        raise ValueError(f"{value!r} is not a non-empty list; give {allowed}")
    if len(value) > MAX_PANELS:
        raise ValueError(f"{len(value)} weights is too many; give at most {MAX_PANELS}")
    out = [F.number(0.0, MAX_WEIGHT)(v, ctx) for v in value]
    if len(set(out)) != len(out):
        raise ValueError(f"{value} repeats a weight; list each weight once")
    return out


def compute(spec: Spec, env: Env) -> Result:
    mix = gmm2d.default_mixture()
    schedule = make_schedule(spec["schedule"], spec["T"])
    steps = min(STEPS, spec["T"])
    panels = []
    for w in spec["weights"]:
        x, labels = gmm2d.guided_samples(
            mix, schedule, w=w, n=spec["samples"], sampler=SAMPLER, steps=steps, seed=spec["seed"]
        )
        panels.append(
            {
                "w": w,
                "x": np.round(x[:, 0], 3).tolist(),
                "y": np.round(x[:, 1], 3).tolist(),
                "label": labels.tolist(),
                "spread": gmm2d.class_spread(x, labels),
                "separation": gmm2d.centroid_separation(x, labels),
            }
        )
    means = [gmm2d.class_moments(mix, c)[0].tolist() for c in mix.classes]
    return Result(
        data={
            "panels": panels,
            "classes": list(mix.classes),
            "class_means": means,
            "exact_spread": gmm2d.exact_spread(mix),
            "steps": steps,
        }
    )


def _weight(w: float) -> str:
    return f"{w:g}"


def present(p: Present) -> str:
    s, d = p.strings, p.data
    axis_x, axis_y = Axis(s("guidance.x_label"), -VIEW, VIEW), Axis(s("guidance.y_label"), -VIEW, VIEW)
    classes = d["classes"]
    panels = []
    for panel in d["panels"]:
        labels = np.asarray(panel["label"])
        xs, ys = np.asarray(panel["x"]), np.asarray(panel["y"])
        series = [
            Series(s("guidance.class", n=c + 1), xs[labels == c].tolist(), ys[labels == c].tolist(), "scatter", style=i)
            for i, c in enumerate(classes)
        ]
        centres = [Point(m[0], m[1], style=i) for i, m in enumerate(d["class_means"])]
        panels.append(Panel(axis_x, axis_y, series, points=centres, title=f"w = {_weight(panel['w'])}"))
    item = "guidance.item"
    alt = s(
        "guidance.alt",
        panels=len(panels),
        samples=len(d["panels"][0]["label"]),
        classes=len(classes),
        steps=d["steps"],
        exact=s.num(d["exact_spread"]),
        spreads=s.join(s(item, w=_weight(q["w"]), value=s.num(q["spread"])) for q in d["panels"]),
        separations=s.join(s(item, w=_weight(q["w"]), value=s.num(q["separation"])) for q in d["panels"]),
    )
    columns = min(len(panels), COLUMNS)
    svg = plot(panels, fig_id=p.fig_id, title=s("guidance.title"), desc=alt, width=PANEL_W * columns, height=PANEL_H, columns=columns)
    return html.svg_figure(svg=svg, caption=p.spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="guidance",
    fields={
        **shared("T", "schedule"),
        "weights": F.Field(weights_check, default=[0.0, 1.0, 3.0, 7.0], doc="weights: a list such as [0, 1, 3, 7]"),
        "samples": F.Field(F.integer(30, 3000), default=400),
    },
    compute=compute,
    present=present,
    common=("seed",),
)
