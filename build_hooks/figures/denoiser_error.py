"""How wrong is the best possible denoiser? Mean squared error of the exact posterior-mean x0_hat (and the noise
prediction eps_hat it implies) against the timestep, averaged over seeded noise draws.

The same reference picks and noise draws are reused at every t and for every schedule (common random numbers), so
the curves differ only because t or the schedule does, not because the draws do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
# (batch of noisy images x_t, alpha_bar) -> batch of x0 estimates, same shape.
Denoiser = Callable[[FloatArray, float], FloatArray]
# (one noisy image x_t, alpha_bar) -> its x0 estimate, e.g. denoiser.ExactDenoiser(refs).
OneImageDenoiser = Callable[[FloatArray, float], FloatArray]

DEFAULT_POINTS = 100


@dataclass(frozen=True)
class ErrorCurve:
    """Per timestep: mean squared error per pixel of x0_hat and of eps_hat."""

    t: IntArray
    mse_x0: FloatArray
    mse_eps: FloatArray


def batched(denoise_one: OneImageDenoiser) -> Denoiser:
    """Lift a one-image denoiser (x_t, alpha_bar) -> x0_hat to a batch of images."""

    def denoise(x_t: FloatArray, alpha_bar: float) -> FloatArray:
        return np.stack([np.asarray(denoise_one(x, alpha_bar), dtype=np.float64) for x in x_t])

    return denoise


def t_grid(T: int, points: int = DEFAULT_POINTS) -> IntArray:
    """Evenly spaced timesteps in 1..T (t = 0 has no noise to predict), always including 1 and T."""
    return np.unique(np.round(np.linspace(1, T, min(points, T))).astype(np.int64))


def draw_noise(
    references: FloatArray, samples: int, seed: int
) -> tuple[IntArray, FloatArray]:
    """Which reference each draw noises (uniform, like the data distribution) and its Gaussian noise."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(references), size=samples)
    eps = rng.standard_normal((samples, *references.shape[1:]))
    return picks.astype(np.int64), eps


def error_at(
    denoiser: Denoiser, x0: FloatArray, eps: FloatArray, alpha_bar: float
) -> tuple[float, float]:
    """MSE of x0_hat and eps_hat for one noise level, over a batch of clean images and their noise draws."""
    a = float(alpha_bar)
    x_t = np.sqrt(a) * x0 + np.sqrt(1.0 - a) * eps
    x0_hat = np.asarray(denoiser(x_t, a), dtype=np.float64)
    eps_hat = (x_t - np.sqrt(a) * x0_hat) / np.sqrt(1.0 - a)
    return float(np.mean((x0_hat - x0) ** 2)), float(np.mean((eps_hat - eps) ** 2))


def error_curve(
    denoiser: Denoiser,
    references: FloatArray,
    alpha_bar: FloatArray,
    samples: int,
    seed: int,
    points: int = DEFAULT_POINTS,
) -> ErrorCurve:
    """The error curve over t_grid(T) for a schedule given as alpha_bar[0..T] (alpha_bar[0] = 1)."""
    refs = np.asarray(references, dtype=np.float64)
    T = len(alpha_bar) - 1
    ts = t_grid(T, points)
    picks, eps = draw_noise(refs, samples, seed)
    x0 = refs[picks]
    errs = np.array([error_at(denoiser, x0, eps, float(alpha_bar[t])) for t in ts])
    return ErrorCurve(t=ts, mse_x0=errs[:, 0], mse_eps=errs[:, 1])


def reference_variance(references: FloatArray) -> float:
    """Per-pixel variance of the reference set: the x0 error of predicting its mean, the large-t limit."""
    refs = np.asarray(references, dtype=np.float64)
    return float(np.mean((refs - refs.mean(axis=0)) ** 2))


def peak(curve: FloatArray, t: IntArray) -> tuple[int, float]:
    """Where a curve is largest and its value there."""
    i = int(np.argmax(curve))
    return int(t[i]), float(curve[i])


def first_crossing(curve: FloatArray, t: IntArray, level: float) -> int | None:
    """First grid timestep at which the curve reaches the level, or None if it never does."""
    hits = np.nonzero(curve >= level)[0]
    return int(t[hits[0]]) if hits.size else None
