"""kind: schedule — an SVG line plot of ᾱ_t, log-SNR, SNR, β_t or β̃_t/β_t against t for one or more schedules."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Guide, Panel, Point, Series, plot
from build_hooks.figures.schedules import SCHEDULE_NAMES, Schedule, crossings, make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

CURVES = ("alpha_bar", "log_snr", "snr", "beta", "posterior_ratio")
LOG_T_CURVES = ("posterior_ratio",)  # all of their change happens in the first steps: t on a log axis
PLOT_POINTS = 250  # per series: smooth at any width, a few KiB of SVG


def curve_values(schedule: Schedule, curve: str) -> np.ndarray:
    if curve == "posterior_ratio":
        ratio = np.full_like(schedule.betas, np.nan)  # undefined at t = 0, where no step was taken
        ratio[1:] = schedule.posterior_variance[1:] / schedule.betas[1:]
        return ratio
    return {"alpha_bar": schedule.alpha_bar, "log_snr": schedule.log_snr, "snr": schedule.snr, "beta": schedule.betas}[curve]


def sample_ts(T: int, curve: str = "alpha_bar") -> list[int]:
    if curve in LOG_T_CURVES:
        return sorted({int(t) for t in np.round(np.geomspace(1, T, PLOT_POINTS))})
    return sorted({int(t) for t in np.round(np.linspace(0, T, min(T, PLOT_POINTS) + 1))})


def _round(x: float) -> float | None:
    return float(f"{x:.6g}") if math.isfinite(x) else None  # JSON has no inf; None = not plottable


def compute(spec: Spec, env: Env) -> Result:
    T, curve, mark = spec["T"], spec["curve"], spec["mark"]
    ts = sample_ts(T, curve)
    series = []
    for name in spec["schedules"]:
        schedule = make_schedule(name, T)
        values = curve_values(schedule, curve)
        ys = [_round(float(values[t])) for t in ts]
        if curve == "beta":
            ys[0] = None  # β_0 = 0 is a convention, not a step of the process
        entry: dict[str, object] = {"schedule": name, "ys": ys}
        if mark is not None:
            finite = np.where(np.isfinite(values), values, np.nan)
            entry["crossings"] = crossings(finite, mark)
            if curve == "log_snr":
                entry["share_below"] = float(np.mean(values[1:] < mark))
        series.append(entry)
    return Result(data={"ts": ts, "series": series})


def _y_axis(label: str, curve: str, series: list[dict[str, Any]], mark: float | None) -> Axis:
    ys = [y for s in series for y in s["ys"] if y is not None] + ([mark] if mark is not None else [])
    if curve == "snr":
        lo, hi = min(y for y in ys if y > 0), max(ys)
        return Axis(label, 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi)), log=True)
    lo, hi = min(ys), max(ys)
    if curve in ("alpha_bar", "posterior_ratio"):
        lo, hi = 0.0, 1.0
    pad = (hi - lo) * 0.04 or 1.0
    return Axis(label, lo - (pad if curve == "log_snr" else 0), hi + pad)


def _merge_close_labels(points: list[Point], T: int, log_t: bool) -> list[Point]:
    """Crossings closer than a tenth of the axis share one label ("t ≈ 168, 186"), so labels never overprint."""
    where = (lambda x: math.log10(max(x, 1)) / math.log10(T)) if log_t else (lambda x: x / T)
    out: list[Point] = []
    anchor = -1
    for i, pt in enumerate(points):
        if anchor >= 0 and abs(where(pt.x) - where(out[anchor].x)) < 0.1:
            out[anchor] = Point(out[anchor].x, out[anchor].y, out[anchor].label + pt.label.replace("t ≈", ","), out[anchor].style)
            out.append(Point(pt.x, pt.y, "", pt.style))
        else:
            anchor = i
            out.append(pt)
    return out


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    curve, mark, T = spec["curve"], spec["mark"], spec["T"]
    curve_label = s(f"schedule.curves.{curve}")
    plotted = [
        Series(label=schedule_name(s, e["schedule"]), xs=d["ts"], ys=[math.nan if y is None else y for y in e["ys"]], style=i)
        for i, e in enumerate(d["series"])
    ]
    guides, points, facts = [], [], []
    if mark is not None:
        guides.append(Guide("y", mark, s("schedule.mark_label", mark=f"{mark:g}".replace("-", "−"))))
        for i, e in enumerate(d["series"]):
            for c in e["crossings"]:
                points.append(Point(c, mark, f"t ≈ {math.ceil(c - 1e-9)}", style=i))
                facts.append(s("schedule.mark_alt", schedule=schedule_name(s, e["schedule"]), mark=f"{mark:g}".replace("-", "−"), t=math.ceil(c - 1e-9)))
            if "share_below" in e:
                facts.append(s("schedule.below_alt", share=f"{e['share_below'] * 100:.1f}%", mark=f"{mark:g}".replace("-", "−")))
    log_t = curve in LOG_T_CURVES
    panel = Panel(
        x=Axis(s("schedule.x_axis_log"), 1, T, log=True) if log_t else Axis(s("schedule.x_axis"), 0, T),
        y=_y_axis(curve_label, curve, d["series"], mark),
        series=plotted,
        guides=guides,
        points=_merge_close_labels(points, T, log_t),
    )
    schedules = s.join(schedule_name(s, e["schedule"]) for e in d["series"])
    desc = " ".join([s("schedule.alt", curve=curve_label, start=1 if log_t else 0, T=T, schedules=schedules)] + [f + "." for f in facts])
    svg = plot([panel], fig_id=p.fig_id, title=s("schedule.title", curve=curve_label, T=T), desc=desc)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="schedule",
    fields={
        **shared("T"),
        "schedules": F.Field(F.choice_list(*SCHEDULE_NAMES), default=list(SCHEDULE_NAMES)),
        "curve": F.Field(F.choice(*CURVES), default="alpha_bar"),
        "mark": F.Field(F.optional(F.number(-1e6, 1e6)), default=None),
    },
    compute=compute,
    present=present,
    common=(),
)
