"""kind: reverse — a sampler run with the exact denoiser: x_t (top row) and x̂_0 (bottom row)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.denoiser import ExactDenoiser
from build_hooks.figures.common import ALL_SCENES, schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_raster import encode_webp, grid, t_label
from build_hooks.figures.samplers import SAMPLER_NAMES, sample, step_sequence
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

ROW_LABELS = ["x_t", "x̂_0"]  # math, not words: the same in every language


def steps_check(value: Any, ctx: F.Ctx) -> int:
    return int(F.integer(1, ctx.T, " (T)")(value, ctx))


def snapshot_indices(n_states: int, frames: int) -> list[int]:
    """`frames` evenly spaced indices into the trajectory, always including the start and the end."""
    return sorted({int(i) for i in np.round(np.linspace(0, n_states - 1, min(frames, n_states)))})


def compute(spec: Spec, env: Env) -> Result:
    refs = np.stack([env.load(ref, spec["size"]) for ref in spec["images"]])
    schedule = make_schedule(spec["schedule"], spec["T"])
    denoise = ExactDenoiser(refs)
    picks = snapshot_indices(len(step_sequence(spec["T"], spec["steps"])), spec["frames"])
    traj = sample(
        lambda x, t: denoise(x, float(schedule.alpha_bar[t])),
        schedule,
        refs.shape[1:],
        sampler=spec["sampler"],
        steps=spec["steps"],
        seed=spec["seed"],
        record=picks,
    )
    ts = traj.timesteps
    strip = grid(
        [traj.x_t, traj.x0_hat],
        col_labels=[t_label(t) for t in ts],
        row_labels=ROW_LABELS,
    ).image
    final = traj.x_t[-1]
    rms = np.sqrt(((refs - final[None]) ** 2).mean(axis=(1, 2, 3)))
    nearest = int(np.argmin(rms))
    data = {
        "width": strip.width,
        "height": strip.height,
        "timesteps": ts,
        "nearest": spec["images"][nearest],
        "distance": float(rms[nearest]),
    }
    return Result(data=data, assets={"webp": encode_webp(strip)})


def present(p: Present) -> str:
    s, d, spec = p.strings, p.data, p.spec
    alt = s(
        "reverse.alt",
        sampler=s(f"sampler_names.{spec['sampler']}"),
        steps=spec["steps"],
        schedule=schedule_name(s, spec["schedule"]),
        count=len(spec["images"]),
        images=s.join(s.image(ref) for ref in spec["images"]),
        timesteps=", ".join(str(t) for t in d["timesteps"]),
        nearest=s.image(d["nearest"]),
        distance=s.num(d["distance"], 3),
    )
    return html.image_figure(src=p.urls["webp"], width=d["width"], height=d["height"], alt=alt, caption=spec.caption)


KIND = KindDef(
    name="reverse",
    fields={
        **shared("T", "schedule"),
        "images": F.Field(F.image_refs(max_len=8), default=list(ALL_SCENES)),
        "sampler": F.Field(F.choice(*SAMPLER_NAMES), default="ddim"),
        "steps": F.Field(steps_check, default=50),
        "frames": F.Field(F.integer(2, 12), default=6),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("images",),
    uses_size=True,
)
