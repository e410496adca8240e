"""kind: spectrum — log-log SVG of the image's radial power spectrum and the scaled noise's at each t."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.forward import noise_like
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_svg import Axis, Panel, Point, Series, plot
from build_hooks.figures.schedules import make_schedule
from build_hooks.figures.spectrum import crossover_frequency, radial_power_spectrum

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec


def _r(x: float) -> float:
    return float(f"{x:.5g}")


def compute(spec: Spec, env: Env) -> Result:
    x0 = env.load(spec["image"], spec["size"])
    eps = noise_like(x0, spec["seed"])
    schedule = make_schedule(spec["schedule"], spec["T"])
    freqs, signal = radial_power_spectrum(x0)
    noise_rows = []
    for t in spec["timesteps"]:
        # x_t = √ᾱ x_0 + √(1−ᾱ) ε: dividing by √ᾱ keeps the image's own spectrum fixed and lifts the noise to
        # (1−ᾱ)/ᾱ = 1/SNR(t), so where a noise curve meets the image curve is where noise overtakes signal in x_t.
        alpha_bar = max(float(schedule.alpha_bar[t]), 1e-12)
        scale = math.sqrt((1.0 - alpha_bar) / alpha_bar)
        _, power = radial_power_spectrum(scale * eps)
        noise_rows.append({"t": t, "power": [_r(v) for v in power], "crossover": crossover_frequency(freqs, signal, power)})
    data = {"freqs": [float(f) for f in freqs], "signal": [_r(v) for v in signal], "noise": noise_rows}
    return Result(data=data)


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    freqs = d["freqs"]
    series = [Series(s("spectrum.image_series"), freqs, d["signal"], style=0)]
    points, crossings = [], []
    for i, row in enumerate(d["noise"], start=1):
        series.append(Series(s("spectrum.noise_series", t=row["t"]), freqs, row["power"], style=i))
        f = row["crossover"]
        if f is not None:
            points.append(Point(f, row["power"][freqs.index(f)], style=i))
        crossings.append(s("spectrum.crossover", t=row["t"], f=s("never") if f is None else f"{f:g}"))
    values = [v for v in d["signal"] + [v for r in d["noise"] for v in r["power"]] if v > 0]
    y = Axis(s("spectrum.y_axis"), 10 ** math.floor(math.log10(min(values))), 10 ** math.ceil(math.log10(max(values))), log=True)
    x = Axis(s("spectrum.x_axis"), 1, max(freqs), log=True)
    image = s.image(spec["image"])
    desc = s(
        "spectrum.alt",
        image=image,
        timesteps=", ".join(str(r["t"]) for r in d["noise"]),
        schedule=schedule_name(s, spec["schedule"]),
        crossovers=s.join(crossings),
    )
    svg = plot([Panel(x=x, y=y, series=series, points=points)], fig_id=p.fig_id, title=s("spectrum.title", image=image), desc=desc, height=380)
    return html.svg_figure(svg=svg, caption=spec.caption, fig_id=p.fig_id)


KIND = KindDef(
    name="spectrum",
    fields={
        **shared("T", "schedule"),
        "image": F.Field(F.image_ref(), doc="image: scene:blocks or a path under docs/"),
        "timesteps": F.Field(F.timesteps(max_len=8), default=[50, 100, 250, 500, 750], check_default=True),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("image",),
    uses_size=True,
)
