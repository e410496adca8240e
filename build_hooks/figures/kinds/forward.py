"""kind: forward — a WebP strip of x_t at chosen timesteps, one row per schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.forward import forward_frames
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_raster import encode_webp, grid, t_label
from build_hooks.figures.schedules import SCHEDULE_NAMES, make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec


def compute(spec: Spec, env: Env) -> Result:
    x0 = env.load(spec["image"], spec["size"])
    ts: list[int] = spec["timesteps"]
    rows, row_data = [], []
    for name in spec["schedule"]:
        schedule = make_schedule(name, spec["T"])
        rows.append(forward_frames(x0, schedule, ts, spec["seed"]))
        row_data.append({"schedule": name, "alpha_bar": [float(schedule.alpha_bar[t]) for t in ts]})
    strip = grid(rows, col_labels=[t_label(t) for t in ts]).image
    data = {"width": strip.width, "height": strip.height, "timesteps": ts, "rows": row_data}
    return Result(data=data, assets={"webp": encode_webp(strip)})


def alt_text(p: Present) -> str:
    s = p.strings
    ts = ", ".join(str(t) for t in p.data["timesteps"])
    rows = [
        s("forward.row", schedule=schedule_name(s, r["schedule"]), timesteps=ts, alpha_bars=s.join(s.num(a) for a in r["alpha_bar"]))
        for r in p.data["rows"]
    ]
    return s("forward.alt", image=s.image(p.spec["image"]), rows=str(s.raw("rows_sep")).join(rows))


def present(p: Present) -> str:
    d = p.data
    return html.image_figure(src=p.urls["webp"], width=d["width"], height=d["height"], alt=alt_text(p), caption=p.spec.caption)


KIND = KindDef(
    name="forward",
    fields={
        **shared("T", "schedule"),
        "image": F.Field(F.image_ref(), doc="image: scene:blocks or a path under docs/"),
        "timesteps": F.Field(F.timesteps(max_len=12), default=[0, 250, 500, 750, 1000], check_default=True),
        "schedule": F.Field(F.choice_or_list(*SCHEDULE_NAMES), default=["linear"]),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("image",),
    uses_size=True,
)
