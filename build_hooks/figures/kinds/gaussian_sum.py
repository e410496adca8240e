"""Kind `gaussian-sum`: samples pushed through the forward chain one step at a time, against the closed-form density."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from build_hooks.figures import gaussian_sums as G
from coursekit.figures import html
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Series, plot
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

BINS = 48
CURVE_POINTS = 161
MAX_PANELS = 6
DEFAULT_FRACTIONS = (0.0, 0.05, 0.25, 1.0)  # of T: [0, 50, 250, 1000] at T = 1000, and valid at any T
HIST_STYLE, EXACT_STYLE = 0, 1  # render_svg palette indices


def centres_check(value: Any, ctx: F.Ctx) -> list[float]:
    if not isinstance(value, list) or not 1 <= len(value) <= 5:
        raise ValueError(f"{value!r} is not a list of 1 to 5 numbers; give component centres such as [-0.8, 0.8]")
    return [F.number(-3.0, 3.0)(v, ctx) for v in value]


def timesteps_of(spec: Spec) -> list[int]:
    given = spec["timesteps"]
    return given if given is not None else sorted({round(f * spec["T"]) for f in DEFAULT_FRACTIONS})


def window(mix: G.Mixture1D) -> float:
    """Half-width of the x range: the unit-variance end state and every data component fit inside."""
    return math.ceil(max(3.5, max(abs(c) for c in mix.centres) + 4.0 * mix.spread) * 2.0) / 2.0


def compute(spec: Spec, env: Env) -> Result:
    mix = G.Mixture1D(tuple(spec["centres"]), spec["spread"])
    schedule = make_schedule(spec["schedule"], spec["T"])
    rng = np.random.default_rng(spec["seed"])
    x0 = G.sample_data(mix, spec["samples"], rng)
    timesteps = timesteps_of(spec)
    states = G.iterate_forward(x0, schedule, timesteps, rng)
    half = window(mix)
    xs = np.linspace(-half, half, CURVE_POINTS)
    panels = []
    for t in timesteps:
        ab = float(schedule.alpha_bar[t])
        edges, dens = G.histogram_density(states[t], -half, half, BINS)
        exact_p = G.bin_probabilities(edges, mix, ab)
        seen_p = dens * (edges[1] - edges[0])
        mean, var = G.marginal_moments(mix, ab)
        panels.append(
            {
                "t": t,
                "alpha_bar": ab,
                "hist": np.round(dens, 4).tolist(),
                "exact": np.round(G.marginal_density(xs, mix, ab), 4).tolist(),
                "mean": mean,
                "var": var,
                "sample_mean": float(states[t].mean()),
                "sample_var": float(states[t].var()),
                # half the L1 gap over the window, plus what falls outside it (exact and seen)
                "tv": float(0.5 * (np.abs(seen_p - exact_p).sum() + abs(exact_p.sum() - seen_p.sum()))),
            }
        )
    return Result(
        data={"half": half, "xs": np.round(xs, 4).tolist(), "data_var": mix.variance, "panels": panels}
    )


def _steps(edges: list[float], heights: list[float]) -> tuple[list[float], list[float]]:
    """A histogram as one polyline: up, across and down each bar."""
    xs, ys = [edges[0]], [0.0]
    for lo, hi, h in zip(edges, edges[1:], heights):
        xs += [lo, hi]
        ys += [h, h]
    return xs + [edges[-1]], ys + [0.0]


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    half = d["half"]
    edges = np.linspace(-half, half, BINS + 1).tolist()
    y_hi = max(max(max(e["hist"]), max(e["exact"])) for e in d["panels"]) * 1.08
    hist_label, exact_label = s("gaussian_sum.legend_samples"), s("gaussian_sum.legend_exact")
    panels, items = [], []
    for e in d["panels"]:
        hx, hy = _steps(edges, e["hist"])
        panels.append(
            Panel(
                x=Axis(s("gaussian_sum.x_label"), -half, half),
                y=Axis(s("gaussian_sum.y_label"), 0.0, y_hi),
                series=[
                    Series(hist_label, hx, hy, style=HIST_STYLE),
                    Series(exact_label, d["xs"], e["exact"], style=EXACT_STYLE),
                ],
                title=s("gaussian_sum.panel", t=e["t"], alpha_bar=s.num(e["alpha_bar"], 3)),
            )
        )
        items.append(
            s(
                "gaussian_sum.item",
                t=e["t"],
                alpha_bar=s.num(e["alpha_bar"], 3),
                mean=s.num(e["mean"], 3),
                var=s.num(e["var"], 3),
                sample_mean=s.num(e["sample_mean"], 3),
                sample_var=s.num(e["sample_var"], 3),
                tv=s.num(e["tv"], 3),
            )
        )
    centres = s.join(s.num(c, 2) for c in spec["centres"])
    desc = s(
        "gaussian_sum.alt",
        samples=spec["samples"],
        centres=centres,
        spread=s.num(spec["spread"], 2),
        data_var=s.num(d["data_var"], 3),
        schedule=schedule_name(s, spec["schedule"]),
        items=s("rows_sep").join(items),
    )
    columns = 2 if len(panels) == 4 else min(len(panels), 3)
    svg = plot(panels, fig_id=p.fig_id, title=s("gaussian_sum.title"), desc=desc, width=640, height=230, columns=columns)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="gaussian-sum",
    fields={
        **shared("T", "schedule"),
        "timesteps": F.Field(F.optional(F.timesteps(MAX_PANELS)), default=None),
        "centres": F.Field(centres_check, default=[-0.8, 0.8]),
        "spread": F.Field(F.number(0.01, 2.0), default=0.2),
        "samples": F.Field(F.integer(1000, 100_000), default=20_000),
    },
    compute=compute,
    present=present,
    common=("seed",),
)
