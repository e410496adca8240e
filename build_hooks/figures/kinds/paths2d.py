"""Kind `paths2d`: sampling trajectories from noise to a 2-D Gaussian mixture, drawn over samples of the data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import gmm2d
from build_hooks.figures.common import shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Series, plot
from build_hooks.figures.samplers import SAMPLER_NAMES
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

DATA_POINTS = 300
MAX_STEPS = 1000  # every visited state becomes a polyline vertex: keep the SVG small
MAX_PATHS = 40
VIEW = 3.2  # plot window half-width in data units
INSIDE = 2.0  # an endpoint "lands on the data" within this Mahalanobis distance of some component
DATA_STYLE, PATH_STYLE, START_STYLE, END_STYLE = 6, 0, 4, 1  # render_svg palette indices


def steps_check(value: Any, ctx: F.Ctx) -> int:
    hi = min(ctx.T, MAX_STEPS)
    return F.integer(1, hi, " (T)" if hi == ctx.T else "")(value, ctx)


def compute(spec: Spec, env: Env) -> Result:
    mix = gmm2d.default_mixture()
    schedule = make_schedule(spec["schedule"], spec["T"])
    ts, paths = gmm2d.sample_paths(
        mix, schedule, n=spec["paths"], sampler=spec["sampler"], steps=spec["steps"], seed=spec["seed"]
    )
    data, _ = gmm2d.sample_data(mix, DATA_POINTS, np.random.default_rng([spec["seed"], 1]))
    lengths = np.linalg.norm(np.diff(paths, axis=0), axis=2).sum(axis=0)
    ends = paths[-1]
    return Result(
        data={
            "paths": np.round(paths.transpose(1, 0, 2), 3).tolist(),  # (path, visited step, xy)
            "data": np.round(data, 3).tolist(),
            "visited": ts,
            "components": len(mix.weights),
            "start_rms": float(np.sqrt(np.mean(np.sum(paths[0] ** 2, axis=1)))),
            "inside": int(np.sum(gmm2d.min_mahalanobis(mix, ends) <= INSIDE)),
            "mean_length": float(lengths.mean()),
        }
    )


def present(p: Present) -> str:
    s, d = p.strings, p.data
    paths = np.asarray(d["paths"])
    data = np.asarray(d["data"])
    path_label = s("paths2d.legend_path")
    series = [Series(s("paths2d.legend_data"), data[:, 0].tolist(), data[:, 1].tolist(), "scatter", style=DATA_STYLE)]
    series += [Series(path_label, path[:, 0].tolist(), path[:, 1].tolist(), "line", style=PATH_STYLE) for path in paths]
    series.append(Series(s("paths2d.legend_start"), paths[:, 0, 0].tolist(), paths[:, 0, 1].tolist(), "scatter", style=START_STYLE))
    series.append(Series(s("paths2d.legend_end"), paths[:, -1, 0].tolist(), paths[:, -1, 1].tolist(), "scatter", style=END_STYLE))
    panel = Panel(Axis(s("paths2d.x_label"), -VIEW, VIEW), Axis(s("paths2d.y_label"), -VIEW, VIEW), series)
    alt = s(
        "paths2d.alt",
        paths=len(paths),
        sampler=s(f"sampler_names.{p.spec['sampler']}"),
        steps=len(d["visited"]) - 1,
        T=p.spec["T"],
        components=d["components"],
        data=len(data),
        start=s.num(d["start_rms"]),
        inside=d["inside"],
        length=s.num(d["mean_length"]),
    )
    svg = plot([panel], fig_id=p.fig_id, title=s("paths2d.title"), desc=alt, width=520, height=480)
    return html.svg_figure(svg=svg, caption=p.spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="paths2d",
    fields={
        **shared("T", "schedule"),
        "sampler": F.Field(F.choice(*SAMPLER_NAMES), default="ddim"),
        "steps": F.Field(steps_check, default=50),
        "paths": F.Field(F.integer(1, MAX_PATHS), default=12),
    },
    compute=compute,
    present=present,
    common=("seed",),
)
