"""Kind `steps`: the final sample of a sampler driven by the exact denoiser, at several step counts, all from the
same starting noise, with each result's distance to the nearest reference image."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures.denoiser import ExactDenoiser
from build_hooks.figures.common import ALL_SCENES, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_raster import encode_webp, grid
from build_hooks.figures.samplers import SAMPLER_NAMES, Array, sample, step_sequence
from build_hooks.figures.schedules import make_schedule
from coursekit.figures.strings import two_digits

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec

MAX_COUNTS = 8


def steps_check(value: Any, ctx: F.Ctx) -> list[int]:
    """A non-empty list of distinct step counts in 1..T."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"{value!r} is not a non-empty list; give step counts in 1..{ctx.T}, e.g. [5, 10, 25, 100]")
    if len(value) > MAX_COUNTS:
        raise ValueError(f"{len(value)} step counts is too many; give at most {MAX_COUNTS}")
    out = [F.integer(1, ctx.T, " (T)")(v, ctx) for v in value]
    if len(set(out)) != len(out):
        raise ValueError(f"{value} repeats a step count; list each count once")
    return out


def nearest(x: np.ndarray, refs: np.ndarray) -> tuple[int, float]:
    """Index of the closest reference and the RMS pixel difference to it (pixels in [-1, 1], as in `reverse`)."""
    rms = np.sqrt(np.mean((refs.astype(np.float64) - x.astype(np.float64)) ** 2, axis=tuple(range(1, refs.ndim))))
    i = int(np.argmin(rms))
    return i, float(rms[i])


def compute(spec: Spec, env: Env) -> Result:
    refs = np.stack([env.load(ref, spec["size"]) for ref in spec["images"]])
    schedule = make_schedule(spec["schedule"], spec["T"])
    x_T = np.random.default_rng(spec["seed"]).standard_normal(refs.shape[1:]).astype(np.float32)

    exact = ExactDenoiser(refs)

    def predict(x: Array, t: int) -> Array:
        return exact(x, float(schedule.alpha_bar[t]))

    # A default count above a small T runs T steps: label what actually ran.
    counts = [len(step_sequence(spec["T"], n)) - 1 for n in spec["steps"]]
    finals = [
        sample(predict, schedule, refs.shape[1:], sampler=spec["sampler"], steps=n, seed=spec["seed"], x_T=x_T).x_t[-1]
        for n in counts
    ]
    matches = [nearest(x, refs) for x in finals]
    picture = grid([[np.clip(x, -1.0, 1.0) for x in finals]], col_labels=[f"N = {n}" for n in counts]).image
    return Result(
        data={
            "width": picture.width,
            "height": picture.height,
            "steps": counts,
            "nearest": [spec["images"][i] for i, _ in matches],
            "distance": [dist for _, dist in matches],
        },
        assets={"webp": encode_webp(picture)},
    )


def present(p: Present) -> str:
    s, d = p.strings, p.data
    items = s.join(
        s("steps.item", steps=n, distance=two_digits(dist), image=s.image(ref))
        for n, dist, ref in zip(d["steps"], d["distance"], d["nearest"], strict=True)
    )
    alt = s(
        "steps.alt",
        sampler=s(f"sampler_names.{p.spec['sampler']}"),
        images=len(p.spec["images"]),
        counts=s.join(str(n) for n in d["steps"]),
        items=items,
    )
    return html.image_figure(src=p.urls["webp"], width=d["width"], height=d["height"], alt=alt, caption=p.spec.caption)


KIND = KindDef(
    name="steps",
    fields={
        **shared("T", "schedule"),
        "images": F.Field(F.image_refs(), default=list(ALL_SCENES)),
        "steps": F.Field(steps_check, default=[5, 10, 25, 100]),
        "sampler": F.Field(F.choice(*SAMPLER_NAMES), default="ddim"),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("images",),
    uses_size=True,
)
