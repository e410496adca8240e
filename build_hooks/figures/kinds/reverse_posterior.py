"""Kind `reverse-posterior`: prior, likelihood and posterior of one reverse step, per t, in one dimension."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import reverse_posterior as R
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Series, plot
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

GRID = 4001  # brute-force grid for the check; the plotted curves are thinned
PLOT_POINTS = 161
MAX_PANELS = 4
DEFAULT_FRACTIONS = (0.002, 0.01, 0.1)  # of T: [2, 10, 100] at T = 1000, and valid at any T
PRIOR_STYLE, LIKELIHOOD_STYLE, POSTERIOR_STYLE, GRID_STYLE = 2, 0, 1, 6


def timesteps_check(value: Any, ctx: F.Ctx) -> list[int]:
    out = F.timesteps(MAX_PANELS)(value, ctx)
    if 1 in out or 0 in out:
        raise ValueError(f"{value} includes t = {min(out)}, where x_(t−1) is x_0 itself; use t in 2..{ctx.T}")
    return out


def timesteps_of(spec: Spec) -> list[int]:
    given = spec["timesteps"]
    return given if given is not None else sorted({max(2, round(f * spec["T"])) for f in DEFAULT_FRACTIONS})


def compute(spec: Spec, env: Env) -> Result:
    schedule = make_schedule(spec["schedule"], spec["T"])
    panels = []
    for t in timesteps_of(spec):
        s = R.step(schedule, t, spec["x0"], spec["noise"])
        lo, hi = R.window(s)
        xs = np.linspace(lo, hi, GRID)
        grid = R.grid_posterior(s, xs, 1.0 - float(schedule.betas[t]))
        exact = R.gaussian(xs, *s.posterior)
        grid_mean = float(np.trapezoid(xs * grid, xs))
        grid_var = float(np.trapezoid((xs - grid_mean) ** 2 * grid, xs))
        thin = slice(None, None, (GRID - 1) // (PLOT_POINTS - 1))
        curves = {
            "prior": R.gaussian(xs[thin], *s.prior),
            "likelihood": R.gaussian(xs[thin], *s.likelihood),
            "posterior": exact[thin],
            "grid": grid[thin],
        }
        panels.append(
            {
                "t": t,
                "xt": s.xt,
                "lo": lo,
                "hi": hi,
                "prior": list(s.prior),
                "likelihood": list(s.likelihood),
                "posterior": list(s.posterior),
                "grid_mean": grid_mean,
                "grid_var": grid_var,
                "max_gap": float(np.max(np.abs(grid - exact)) / np.max(exact)),  # relative to the peak
                "curves": {k: [float(f"{v:.5g}") for v in c] for k, c in curves.items()},
            }
        )
    return Result(data={"panels": panels})


def _fmt(s: Any, x: float) -> str:
    """Enough significant digits for variances that run from 10⁻⁵ to 1."""
    return f"{x:.4g}".replace("-", "−") if abs(x) < 0.01 and x != 0 else s.num(x, 4)


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    labels = {k: s(f"reverse_posterior.legend_{k}") for k in ("prior", "likelihood", "posterior", "grid")}
    styles = {"prior": PRIOR_STYLE, "likelihood": LIKELIHOOD_STYLE, "posterior": POSTERIOR_STYLE, "grid": GRID_STYLE}
    panels, items = [], []
    for e in d["panels"]:
        n = len(e["curves"]["prior"])
        xs = list(np.linspace(e["lo"], e["hi"], n))
        top = max(max(c) for c in e["curves"].values()) * 1.08
        series = [
            Series(labels[k], xs, e["curves"][k], style=styles[k])
            for k in ("prior", "likelihood", "posterior")
        ]
        # every 8th grid value as a dot over the closed-form curve: they must sit on it
        series.append(Series(labels["grid"], xs[::8], e["curves"]["grid"][::8], mode="scatter", style=styles["grid"]))
        panels.append(
            Panel(
                x=Axis(s("reverse_posterior.x_label"), e["lo"], e["hi"]),
                y=Axis(s("reverse_posterior.y_label"), 0.0, top),
                series=series,
                title=s("reverse_posterior.panel", t=e["t"], xt=s.num(e["xt"], 3)),
            )
        )
        items.append(
            s(
                "reverse_posterior.item",
                t=e["t"],
                xt=s.num(e["xt"], 3),
                prior_mean=s.num(e["prior"][0], 3),
                prior_var=_fmt(s, e["prior"][1]),
                lik_mean=s.num(e["likelihood"][0], 3),
                lik_var=_fmt(s, e["likelihood"][1]),
                mean=s.num(e["posterior"][0], 4),
                var=_fmt(s, e["posterior"][1]),
                grid_mean=s.num(e["grid_mean"], 4),
                grid_var=_fmt(s, e["grid_var"]),
                gap=f"{e['max_gap'] * 100:.2f}%",
            )
        )
    desc = s(
        "reverse_posterior.alt",
        x0=s.num(spec["x0"], 2),
        noise=s.num(spec["noise"], 2),
        schedule=schedule_name(s, spec["schedule"]),
        items=s("rows_sep").join(items),
    )
    columns = 2 if len(panels) == 4 else len(panels)
    svg = plot(panels, fig_id=p.fig_id, title=s("reverse_posterior.title"), desc=desc, width=240 * columns + 40, height=250, columns=columns)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="reverse-posterior",
    fields={
        **shared("T", "schedule"),
        "timesteps": F.Field(F.optional(timesteps_check), default=None),
        "x0": F.Field(F.number(-3.0, 3.0), default=0.5),
        "noise": F.Field(F.number(-4.0, 4.0), default=1.0),
    },
    compute=compute,
    present=present,
    common=(),
)
