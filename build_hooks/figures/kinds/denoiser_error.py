"""Kind `denoiser-error`: mean squared error of the exact denoiser's x0_hat and eps_hat against t, per schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from build_hooks.figures import denoiser_error as de
from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.denoiser import ExactDenoiser
from build_hooks.figures.common import ALL_SCENES, schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Guide, Panel, Series, plot
from build_hooks.figures.schedules import SCHEDULE_NAMES, make_schedule
from coursekit.figures.strings import two_digits

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec
    from coursekit.figures.strings import Strings

# Error curves depend on the pixel count (more pixels identify the reference sooner), so one fixed working size
# keeps figures comparable across lessons; 32 px also keeps the figure fast. Stated in the alt text.
WORK_SIZE = 32
SMALL = 1e-3  # "the denoiser is still essentially exact" threshold on the x0 error
MIN_TOP = 1e-4  # smallest y-axis range: below this, rounding noise would be drawn as a curve


def _sig(values: np.ndarray) -> list[float]:
    """Six significant digits: plenty for a plot, and a compact cache file."""
    return [float(f"{v:.6g}") for v in values]


def summarize(curve: de.ErrorCurve) -> dict[str, float | int | None]:
    """The numbers the alt text states: how long x0_hat stays exact, where eps_hat error peaks, the end value."""
    first = de.first_crossing(curve.mse_x0, curve.t, SMALL)
    exact_until = None
    if first is not None:
        i = int(np.searchsorted(curve.t, first))
        exact_until = int(curve.t[i - 1]) if i > 0 else 0  # the last grid t still below the threshold
    t_peak, eps_peak = de.peak(curve.mse_eps, curve.t)
    return {"exact_until": exact_until, "x0_end": float(curve.mse_x0[-1]), "eps_peak_t": t_peak, "eps_peak": eps_peak}


def compute(spec: Spec, env: Env) -> Result:
    refs = np.stack([env.load(ref, WORK_SIZE) for ref in spec["images"]]).astype(np.float64)
    exact = de.batched(ExactDenoiser(refs))
    curves = []
    for name in spec["schedules"]:
        c = de.error_curve(exact, refs, make_schedule(name, spec["T"]).alpha_bar, spec["samples"], spec["seed"])
        curves.append({"schedule": name, "mse_x0": _sig(c.mse_x0), "mse_eps": _sig(c.mse_eps), **summarize(c)})
    return Result(
        data={
            "t": de.t_grid(spec["T"]).tolist(),
            "curves": curves,
            "reference_variance": de.reference_variance(refs),
            "size": WORK_SIZE,
        }
    )


def _series(s: Strings, curves: list[dict[str, Any]], key: str, t: list[int]) -> list[Series]:
    """One line per schedule; the style follows the schedule so both panels and the legend agree."""
    return [Series(schedule_name(s, c["schedule"]), t, c[key], style=SCHEDULE_NAMES.index(c["schedule"])) for c in curves]


def _top(*values: float) -> float:
    """Upper end of a y axis starting at 0, with headroom; never below MIN_TOP, so an all-zero curve (one
    reference image: nothing to confuse it with) still gets readable ticks."""
    return max(1.1 * max(values), MIN_TOP)


def _curve_sentence(s: Strings, c: dict[str, Any], T: int, variance: float) -> str:
    common = {
        "schedule": schedule_name(s, c["schedule"]),
        "small": two_digits(SMALL),
        "end": two_digits(c["x0_end"]),
        "T": T,
        "variance": two_digits(variance),
        "peak": two_digits(c["eps_peak"]),
        "t_peak": c["eps_peak_t"],
    }
    if c["exact_until"] is None:
        return s("denoiser_error.curve_always_exact", **common)
    return s("denoiser_error.curve", until=c["exact_until"], **common)


def present(p: Present) -> str:
    s, d = p.strings, p.data
    T = p.spec["T"]
    t = d["t"]
    variance = d["reference_variance"]
    curves = d["curves"]
    x_axis = Axis(s("denoiser_error.x_label"), 0, T)
    x0_axis = Axis(s("denoiser_error.y_x0"), 0, _top(variance, *(max(c["mse_x0"]) for c in curves)))
    eps_axis = Axis(s("denoiser_error.y_eps"), 0, _top(*(max(c["mse_eps"]) for c in curves)))
    variance_guide = Guide("y", variance, s("denoiser_error.guide_variance"))
    panels = [
        Panel(x_axis, x0_axis, _series(s, curves, "mse_x0", t), guides=[variance_guide], title=s("denoiser_error.panel_x0")),
        Panel(x_axis, eps_axis, _series(s, curves, "mse_eps", t), title=s("denoiser_error.panel_eps")),
    ]
    alt = s(
        "denoiser_error.alt",
        images=len(p.spec["images"]),
        size=d["size"],
        samples=p.spec["samples"],
        T=T,
        curves=" ".join(_curve_sentence(s, c, T, variance) for c in curves),
    )
    svg = plot(panels, fig_id=p.fig_id, title=s("denoiser_error.title"), desc=alt, width=720, height=320, columns=2)
    return html.svg_figure(svg=svg, caption=p.spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="denoiser-error",
    fields={
        **shared("T"),
        "images": F.Field(F.image_refs(), default=list(ALL_SCENES)),
        "schedules": F.Field(F.choice_list(*SCHEDULE_NAMES), default=list(SCHEDULE_NAMES)),
        "samples": F.Field(F.integer(1, 64), default=8),
    },
    compute=compute,
    present=present,
    image_keys=("images",),
    common=("seed",),
)
