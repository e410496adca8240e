"""A linear autoencoder: PCA on 8x8 patches, the simplest stand-in for a latent diffusion model's encoder.

Every channel of every non-overlapping 8x8 patch is one 64-dimensional sample, so one basis serves all channels and
a latent of k numbers per patch and channel compresses by 64 / k. Keeping all 64 components reconstructs exactly.

By default the autoencoder has no bias (the patches are not mean-centred): the optimal linear encoder/decoder pair
is then the eigenbasis of the patches' second-moment matrix, whose first component is close to the constant patch,
so k = 1 keeps each patch's average and the picture becomes a mosaic. Centring (classic PCA) would instead add the
mean patch, texture included, to every patch, even flat sky. Everything is deterministic: the basis comes from a
symmetric eigendecomposition with a fixed sign rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

PATCH = 8
PATCH_DIM = PATCH * PATCH


@dataclass(frozen=True)
class PcaBasis:
    """Mean patch and orthonormal components (columns), sorted by decreasing variance."""

    mean: FloatArray  # (64,), zeros unless fitted with center=True
    components: FloatArray  # (64, 64), column j is component j
    variances: FloatArray  # (64,), non-increasing: mean square of the data along each component


def _as_hwc(image: FloatArray) -> FloatArray:
    img = np.asarray(image, dtype=np.float64)
    if img.ndim == 2:
        img = img[:, :, None]
    if img.ndim != 3:
        raise ValueError("image must be (H, W) or (H, W, C)")
    return img


def _pad_to_patches(img: FloatArray) -> FloatArray:
    """Extend the right and bottom edges so both sides are multiples of 8 (edge pixels repeated)."""
    h, w, _ = img.shape
    return np.pad(img, ((0, -h % PATCH), (0, -w % PATCH), (0, 0)), mode="edge")


def to_patches(image: FloatArray) -> FloatArray:
    """(H, W[, C]) image -> (N, 64) rows, one per 8x8 patch and channel (edges padded to whole patches)."""
    img = _pad_to_patches(_as_hwc(image))
    h, w, c = img.shape
    blocks = img.reshape(h // PATCH, PATCH, w // PATCH, PATCH, c).transpose(4, 0, 2, 1, 3)
    return blocks.reshape(-1, PATCH_DIM)


def from_patches(patches: FloatArray, shape: tuple[int, ...]) -> FloatArray:
    """Inverse of to_patches for an image of the given (H, W[, C]) shape."""
    h, w = shape[0], shape[1]
    c = shape[2] if len(shape) == 3 else 1
    hp, wp = h + (-h % PATCH), w + (-w % PATCH)
    blocks = patches.reshape(c, hp // PATCH, wp // PATCH, PATCH, PATCH).transpose(1, 3, 2, 4, 0)
    img = blocks.reshape(hp, wp, c)[:h, :w, :]
    return img if len(shape) == 3 else img[:, :, 0]


def fit(images: list[FloatArray], center: bool = False) -> PcaBasis:
    """Fit the patch basis to the patches of one or more images (see the module note on centring)."""
    if not images:
        raise ValueError("fit needs at least one image")
    data = np.concatenate([to_patches(im) for im in images])
    mean = data.mean(axis=0) if center else np.zeros(PATCH_DIM)
    cov = (data - mean).T @ (data - mean) / len(data)
    variances, vectors = np.linalg.eigh(cov)
    order = np.argsort(variances, kind="stable")[::-1]
    variances, vectors = np.clip(variances[order], 0.0, None), vectors[:, order]
    # Eigenvectors are defined up to sign: make each one's largest-magnitude entry positive so output is stable.
    pivot = vectors[np.argmax(np.abs(vectors), axis=0), np.arange(PATCH_DIM)]
    vectors = vectors * np.where(pivot < 0, -1.0, 1.0)[None, :]
    return PcaBasis(mean=mean, components=vectors, variances=variances)


def _check_k(k: int) -> None:
    if not 1 <= k <= PATCH_DIM:
        raise ValueError(f"latent size must be 1..{PATCH_DIM}, got {k}")


def encode(basis: PcaBasis, patches: FloatArray, k: int) -> FloatArray:
    """Project patches onto the first k components: (N, 64) -> (N, k)."""
    _check_k(k)
    return (patches - basis.mean) @ basis.components[:, :k]


def decode(basis: PcaBasis, latents: FloatArray) -> FloatArray:
    """Map (N, k) latents back to (N, 64) patches."""
    k = latents.shape[1]
    _check_k(k)
    return latents @ basis.components[:, :k].T + basis.mean


def reconstruct(basis: PcaBasis, image: FloatArray, k: int) -> FloatArray:
    """Encode an image to k numbers per patch and channel and decode it again (same shape, unclipped)."""
    img = np.asarray(image, dtype=np.float64)
    return from_patches(decode(basis, encode(basis, to_patches(img), k)), img.shape)


def compression_ratio(k: int) -> float:
    """How many pixel values each latent number stands for."""
    _check_k(k)
    return PATCH_DIM / k


def mse(a: FloatArray, b: FloatArray) -> float:
    return float(np.mean((np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)) ** 2))


def psnr(a: FloatArray, b: FloatArray, peak: float = 1.0) -> float:
    """Peak signal-to-noise ratio in dB; infinite for identical images."""
    err = mse(a, b)
    return float("inf") if err == 0.0 else float(10.0 * np.log10(peak * peak / err))


def latent_scale(latents: FloatArray) -> float:
    """The latents' overall standard deviation: dividing by it gives unit variance, as Stable Diffusion's scale
    factor does before noise is added."""
    s = float(np.std(latents))
    return s if s > 0.0 else 1.0


def forward_in_latent(
    basis: PcaBasis,
    image: FloatArray,
    k: int,
    alpha_bars: list[float],
    rng: np.random.Generator,
) -> list[FloatArray]:
    """Noise the k-dim latent (divided by latent_scale) at each alpha-bar with one shared noise draw; decode each.

    The noise lives in the latent space, so decoded frames show noise shaped by the patch basis, not pixel noise.
    """
    img = np.asarray(image, dtype=np.float64)
    z = encode(basis, to_patches(img), k)
    scale = latent_scale(z)
    eps = rng.standard_normal(z.shape)
    frames = []
    for ab in alpha_bars:
        z_t = np.sqrt(ab) * (z / scale) + np.sqrt(1.0 - ab) * eps
        frames.append(from_patches(decode(basis, z_t * scale), img.shape))
    return frames
