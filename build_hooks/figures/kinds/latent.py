"""Kind `latent`: an image through a linear autoencoder (patch PCA) at several latent sizes, and optionally the
forward process run in each latent space and decoded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from coursekit.figures import fields as F
from coursekit.figures import html
from build_hooks.figures import pca
from build_hooks.figures.common import schedule_name, shared
from coursekit.figures.kind import Env, KindDef, Present, Result
from coursekit.figures.render_raster import encode_webp, grid
from build_hooks.figures.schedules import make_schedule

if TYPE_CHECKING:
    from coursekit.figures.spec import Spec
    from coursekit.figures.strings import Strings

MAX_DIMS = 6
MAX_TIMESTEPS = 8
PSNR_PEAK = 2.0  # pixels live in [-1, 1]: this equals the usual PSNR of [0, 1] images
LOSSLESS_MSE = 1e-12  # below this the reconstruction is exact up to rounding; PSNR is reported as lossless


def dims_check(value: Any, ctx: F.Ctx) -> list[int]:
    """A non-empty list of distinct latent sizes in 1..64 (numbers kept per 8x8 patch and channel)."""
    out = F.int_list(1, pca.PATCH_DIM, max_len=MAX_DIMS)(value, ctx)
    if len(set(out)) != len(out):
        raise ValueError(f"{value} repeats a size; list each latent size once")
    return out


def _signed(img: np.ndarray) -> np.ndarray:
    """Clip to the displayable range (decoded noisy latents overshoot it)."""
    return np.clip(img, -1.0, 1.0)


def forward_rows(
    basis: pca.PcaBasis, img: np.ndarray, dims: list[int], alpha_bars: list[float], seed: int
) -> list[list[np.ndarray]]:
    """For each latent size, the decoded frames of the forward process run in that latent space."""
    # Every row restarts the generator, so rows differ by latent size, not by luck of the draw.
    return [
        [_signed(f) for f in pca.forward_in_latent(basis, img, k, alpha_bars, np.random.default_rng(seed))]
        for k in dims
    ]


def psnr_or_none(recon: np.ndarray, img: np.ndarray) -> float | None:
    """PSNR in dB, or None when the reconstruction is exact (keeps the JSON free of infinities)."""
    return None if pca.mse(recon, img) < LOSSLESS_MSE else pca.psnr(recon, img, peak=PSNR_PEAK)


def compute(spec: Spec, env: Env) -> Result:
    img = env.load(spec["image"], spec["size"]).astype(np.float64)
    basis = pca.fit([img])
    recons = [_signed(pca.reconstruct(basis, img, k)) for k in spec["dims"]]
    timesteps: list[int] = spec["timesteps"] or []
    schedule = make_schedule(spec["schedule"], spec["T"])
    alpha_bars = [float(schedule.alpha_bar[t]) for t in timesteps]
    latent_rows = forward_rows(basis, img, spec["dims"], alpha_bars, spec["seed"]) if timesteps else []
    rows = [[img, *recons], *latent_rows]
    cell_labels = [["x₀", *(f"k = {k}" for k in spec["dims"])]] + [[f"t = {t}" for t in timesteps]] * len(latent_rows)
    row_labels = ["", *(f"k = {k}" for k in spec["dims"])] if timesteps else None
    picture = grid(rows, cell_labels=cell_labels, row_labels=row_labels).image
    return Result(
        data={
            "width": picture.width,
            "height": picture.height,
            "dims": spec["dims"],
            "ratio": [pca.compression_ratio(k) for k in spec["dims"]],
            "psnr": [psnr_or_none(r, img) for r in recons],
            "timesteps": timesteps,
            "alpha_bar": alpha_bars,
        },
        assets={"webp": encode_webp(picture)},
    )


def _psnr(s: Strings, value: float | None) -> str:
    return s("latent.lossless") if value is None else s("latent.db", value=s.num(value, 1))


def present(p: Present) -> str:
    s, d = p.strings, p.data
    items = s.join(
        s("latent.item", k=k, ratio=f"{ratio:g}", psnr=_psnr(s, q))
        for k, ratio, q in zip(d["dims"], d["ratio"], d["psnr"], strict=True)
    )
    alt = s("latent.alt", image=s.image(p.spec["image"]), items=items)
    if d["timesteps"]:
        alt += " " + s(
            "latent.alt_forward",
            schedule=schedule_name(s, p.spec["schedule"]),
            timesteps=s.join(str(t) for t in d["timesteps"]),
            dims=s.join(str(k) for k in d["dims"]),
        )
    return html.image_figure(src=p.urls["webp"], width=d["width"], height=d["height"], alt=alt, caption=p.spec.caption)


KIND = KindDef(
    name="latent",
    fields={
        **shared("T", "schedule"),
        "image": F.Field(F.image_ref(), doc="image: scene:<name> or a path under docs/"),
        "dims": F.Field(dims_check, default=[4, 16, 64]),
        "timesteps": F.Field(F.optional(F.timesteps(MAX_TIMESTEPS)), default=None),
    },
    compute=compute,
    present=present,
    common=("seed",),
    image_keys=("image",),
    uses_size=True,
)
