"""kind: scrubber — many forward-process frames in one contact sheet, plus a slider (scrubber.js).

Without JavaScript the whole sheet shows. With it, the sheet becomes a sprite: one frame is shown at a time
and the sheet is fetched only when the figure nears the viewport. One file serves both, so no byte is
downloaded twice.
"""

from __future__ import annotations

import json
import math
from html import escape
from typing import TYPE_CHECKING

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.forward import forward_frames
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_raster import encode_webp, grid, t_label
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec


def frame_timesteps(spec: Spec) -> list[int]:
    if spec["timesteps"] is not None:
        return list(spec["timesteps"])
    return [int(t) for t in np.round(np.linspace(0, spec["T"], spec["count"])).astype(int)]


def compute(spec: Spec, env: Env) -> Result:
    x0 = env.load(spec["image"], spec["size"])
    ts = frame_timesteps(spec)
    schedule = make_schedule(spec["schedule"], spec["T"])
    frames = forward_frames(x0, schedule, ts, spec["seed"])
    columns = min(len(ts), max(3, math.ceil(math.sqrt(len(ts) * 2))))  # wide sheet: fits the text column
    sheet = grid([frames], col_labels=[t_label(t) for t in ts], columns=columns)
    data = {
        "width": sheet.image.width,
        "height": sheet.image.height,
        "boxes": [list(b) for b in sheet.boxes],
        "timesteps": ts,
        "alpha_bar": [float(schedule.alpha_bar[t]) for t in ts],
    }
    return Result(data=data, assets={"webp": encode_webp(sheet.image)})


def present(p: Present) -> str:
    s, d = p.strings, p.data
    ts, abar = d["timesteps"], d["alpha_bar"]
    alt = s(
        "scrubber.alt",
        image=s.image(p.spec["image"]),
        schedule=schedule_name(s, p.spec["schedule"]),
        count=len(ts),
        first=ts[0],
        last=ts[-1],
        ab_first=s.num(abar[0]),
        ab_last=s.num(abar[-1]),
    )
    texts = [s("scrubber.valuetext", t=t, alpha_bar=s.num(a)) for t, a in zip(ts, abar)]
    rid = f"{p.fig_id}-range"
    ui = (
        f'<div class="course-scrubber__ui" data-search-exclude hidden>'
        f'<div class="course-scrubber__view" role="img" aria-labelledby="{rid}-out"></div>'
        f'<div class="course-scrubber__controls">'
        f'<label for="{rid}">{escape(s("scrubber.slider"))}</label>'
        f'<input type="range" id="{rid}" min="0" max="{len(ts) - 1}" step="1" value="0" aria-valuetext="{escape(texts[0])}">'
        f'<output id="{rid}-out" for="{rid}" aria-live="polite">{escape(texts[0])}</output>'
        f"</div>"
        f'<p class="course-scrubber__hint">{escape(s("scrubber.hint"))}</p>'
        f"</div>"
    )
    attrs = (
        f'id="{p.fig_id}" data-scrubber data-src="{escape(p.urls["webp"])}" data-sheet="{d["width"]} {d["height"]}" '
        f'data-boxes="{escape(json.dumps(d["boxes"], separators=(",", ":")))}" '
        f'data-texts="{escape(json.dumps(texts, ensure_ascii=False, separators=(",", ":")))}"'
    )
    return html.image_figure(
        src=p.urls["webp"],
        width=d["width"],
        height=d["height"],
        alt=alt,
        caption=p.spec.caption,
        css_class="course-scrubber",
        figure_attrs=attrs,
        img_class="course-scrubber__sheet",
        after_img=ui,
    )


KIND = KindDef(
    name="scrubber",
    fields={
        **shared("T", "schedule"),
        "image": F.Field(F.image_ref(), doc="image: scene:blocks or a path under docs/"),
        "count": F.Field(F.integer(2, 101), default=21),
        "timesteps": F.Field(F.optional(F.timesteps(max_len=101)), default=None),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("image",),
    uses_size=True,
    exclusive=(("count", "timesteps"),),
    browser_assets=("assets/course/scrubber.css", "assets/course/scrubber.js"),
)
