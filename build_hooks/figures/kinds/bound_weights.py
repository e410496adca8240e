"""Kind `bound-weights`: the per-step weight w_t of the variational bound in noise-prediction form, against t, next to
the uniform weight of the simple loss. Each curve is divided by its own median so the two losses share one scale:
only the relative weighting of the steps changes what a network learns first."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import vlb
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Series, plot
from build_hooks.figures.schedules import SCHEDULE_NAMES, make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

PLOT_POINTS = 250
REPORT_TS = (2, 10, 100, 500)  # plus T; steps whose relative weight the alt text states


def _ts(T: int) -> list[int]:
    # Dense near t = 2, where the weight falls fastest, then even: a log-spaced head and a linear tail.
    head = np.unique(np.round(np.geomspace(2, max(3, T // 10), 60)).astype(int))
    tail = np.round(np.linspace(max(3, T // 10), T, PLOT_POINTS - len(head) + 1)).astype(int)
    return sorted({int(t) for t in np.concatenate([head, tail]) if 2 <= t <= T})


def _relative(v: float) -> str:
    """Three significant digits, whole numbers from 100 up (the cosine schedule's last weight is ~10^5 times the median)."""
    return f"{v:,.0f}" if v >= 100 else f"{v:.3g}"


def compute(spec: Spec, env: Env) -> Result:
    T = spec["T"]
    ts = _ts(T)
    report = sorted({t for t in REPORT_TS if t <= T} | {T})
    series = []
    for name in spec["schedules"]:
        w = vlb.bound_weights(make_schedule(name, T), spec["variance"])
        median = float(np.median(w[2:]))
        series.append(
            {
                "schedule": name,
                "median": median,
                "ys": [float(f"{w[t] / median:.6g}") for t in ts],
                "report": [[t, float(w[t] / median)] for t in report],
            }
        )
    return Result(data={"ts": ts, "series": series})


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    T = spec["T"]
    variance = s(f"bound_weights.variance.{spec['variance']}")
    plotted = [
        Series(schedule_name(s, e["schedule"]), d["ts"], e["ys"], style=i) for i, e in enumerate(d["series"])
    ]
    plotted.append(Series(s("bound_weights.simple"), [2, T], [1.0, 1.0], style=len(plotted)))
    ys = [y for e in d["series"] for y in e["ys"]] + [1.0]
    y_axis = Axis(s("bound_weights.y_label"), 10 ** math.floor(math.log10(min(ys))), 10 ** math.ceil(math.log10(max(ys))), log=True)
    panel = Panel(Axis(s("bound_weights.x_label"), 0, T), y_axis, plotted)
    facts = [
        s(
            "bound_weights.curve",
            schedule=schedule_name(s, e["schedule"]),
            median=s.num(e["median"], 4),
            values=s.join(s("bound_weights.at", t=t, value=_relative(v)) for t, v in e["report"]),
        )
        for e in d["series"]
    ]
    desc = " ".join([s("bound_weights.alt", variance=variance, T=T)] + facts)
    svg = plot([panel], fig_id=p.fig_id, title=s("bound_weights.title", T=T), desc=desc)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="bound-weights",
    fields={
        **shared("T"),
        "schedules": F.Field(F.choice_list(*SCHEDULE_NAMES), default=list(SCHEDULE_NAMES)),
        "variance": F.Field(F.choice(*vlb.VARIANCES), default="posterior"),
    },
    compute=compute,
    present=present,
    common=(),
)
