"""Kind `langevin`: Langevin dynamics on the course's 2-D Gaussian mixture with its exact score, one panel per step
size. Every panel starts from the same points and draws the same noise, so the panels differ only in the step size."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import gmm2d, langevin
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Series, plot

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

MAX_PANELS = 4
MAX_TAU = 0.5  # beyond this every chain leaves the plot within a few steps
DRAWN_ENDS = 300  # endpoints drawn per panel; the statistics use every chain
REFERENCE_SAMPLES = 20000  # exact draws for the reference statistics
INSIDE = 2.0  # "near the data": within this Mahalanobis distance of some component
VIEW = 3.2
PANEL_W, PANEL_H, COLUMNS = 300, 300, 2
DATA_STYLE, PATH_STYLE, END_STYLE = 6, 0, 1


def step_sizes_check(value: Any, ctx: F.Ctx) -> list[float]:
    allowed = f"1..{MAX_PANELS} distinct step sizes in (0, {MAX_TAU:g}], e.g. [0.0005, 0.005, 0.05, 0.2]"
    if not isinstance(value, list) or not value:
        raise ValueError(f"{value!r} is not a non-empty list; give {allowed}")
    if len(value) > MAX_PANELS:
        raise ValueError(f"{len(value)} step sizes is too many; give {allowed}")
    out = [F.number(1e-6, MAX_TAU)(v, ctx) for v in value]
    if len(set(out)) != len(out):
        raise ValueError(f"{value} repeats a step size; give {allowed}")
    return out


def _stats(mix: gmm2d.Mixture2D, x: np.ndarray) -> dict[str, float]:
    """What the alt text reports: share near the data, mean log-density, and how far the share of points nearest each
    component is from that component's weight (total variation)."""
    d = np.einsum("nki,kij,nkj->nk", x[:, None] - mix.means, np.linalg.inv(mix.covs), x[:, None] - mix.means)
    occupancy = np.bincount(np.argmin(d, axis=1), minlength=len(mix.weights)) / len(x)
    return {
        "inside": float(np.mean(np.sqrt(d.min(axis=1)) <= INSIDE)),
        "log_density": float(np.mean(gmm2d.log_density(mix, x))),
        "occupancy_error": float(0.5 * np.abs(occupancy - mix.weights).sum()),
    }


def compute(spec: Spec, env: Env) -> Result:
    mix = gmm2d.default_mixture()
    n, steps, keep = spec["chains"], spec["steps"], spec["paths"]
    start = np.random.default_rng([spec["seed"], 0]).standard_normal((n, 2))
    panels = []
    for tau in spec["step_sizes"]:
        rng = np.random.default_rng([spec["seed"], 1])  # the same noise in every panel
        final, paths = langevin.run_chains(lambda x: gmm2d.score(mix, x), start, tau, steps, rng, keep=keep)
        finite = bool(np.all(np.isfinite(final)))
        stats = _stats(mix, final) if finite else {"inside": 0.0, "log_density": None, "occupancy_error": None}
        panels.append(
            {
                "tau": tau,
                "paths": np.round(np.clip(paths.transpose(1, 0, 2), -99, 99), 3).tolist(),
                "ends": np.round(np.clip(final[:DRAWN_ENDS], -99, 99), 3).tolist(),
                **stats,
            }
        )
    data, _ = gmm2d.sample_data(mix, REFERENCE_SAMPLES, np.random.default_rng([spec["seed"], 2]))
    return Result(
        data={
            "panels": panels,
            "data": np.round(data[:DRAWN_ENDS], 3).tolist(),
            "exact": _stats(mix, data),
            "chains": n,
        }
    )


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    axis_x, axis_y = Axis(s("langevin.x_label"), -VIEW, VIEW), Axis(s("langevin.y_label"), -VIEW, VIEW)
    data = np.asarray(d["data"])
    panels, items = [], []
    for q in d["panels"]:
        ends = np.asarray(q["ends"])
        series = [Series(s("langevin.legend_data"), data[:, 0].tolist(), data[:, 1].tolist(), "scatter", style=DATA_STYLE)]
        series += [
            Series(s("langevin.legend_path"), [v[0] for v in path], [v[1] for v in path], style=PATH_STYLE)
            for path in q["paths"]
        ]
        series.append(Series(s("langevin.legend_end"), ends[:, 0].tolist(), ends[:, 1].tolist(), "scatter", style=END_STYLE))
        tau = f"{q['tau']:g}"
        panels.append(Panel(axis_x, axis_y, series, title=f"τ = {tau}"))
        if q["log_density"] is None:
            items.append(s("langevin.diverged", tau=tau))
        else:
            items.append(
                s(
                    "langevin.item",
                    tau=tau,
                    inside=f"{q['inside'] * 100:.0f}%",
                    log_density=s.num(q["log_density"]),
                    occupancy=s.num(q["occupancy_error"]),
                )
            )
    e = d["exact"]
    alt = s(
        "langevin.alt",
        panels=len(panels),
        chains=d["chains"],
        steps=spec["steps"],
        paths=spec["paths"],
        items="; ".join(items),  # items hold commas themselves
        inside=f"{e['inside'] * 100:.0f}%",
        log_density=s.num(e["log_density"]),
        occupancy=s.num(e["occupancy_error"]),
    )
    columns = min(len(panels), COLUMNS)
    svg = plot(panels, fig_id=p.fig_id, title=s("langevin.title"), desc=alt, width=PANEL_W * columns, height=PANEL_H, columns=columns)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="langevin",
    fields={
        "step_sizes": F.Field(step_sizes_check, default=[0.0005, 0.005, 0.05, 0.2]),
        "steps": F.Field(F.integer(1, 2000), default=200),
        "chains": F.Field(F.integer(10, 5000), default=1000),
        "paths": F.Field(F.integer(0, 8), default=3),
    },
    compute=compute,
    present=present,
    common=("seed",),
)
