"""The forward (noising) process q(x_t | x_0) on images in [−1, 1]."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from build_hooks.figures.schedules import Schedule

Array = npt.NDArray[np.floating]


def noise_like(x0: Array, seed: int) -> Array:
    """Standard normal noise shaped like x0, from a seeded Generator (same seed, same noise)."""
    return np.random.default_rng(seed).standard_normal(x0.shape).astype(np.float32)


def noisy(x0: Array, eps: Array, alpha_bar_t: float) -> Array:
    """x_t = √ᾱ_t · x_0 + √(1 − ᾱ_t) · ε."""
    return (np.sqrt(alpha_bar_t) * x0 + np.sqrt(1.0 - alpha_bar_t) * eps).astype(np.float32)


def forward_frames(x0: Array, schedule: Schedule, timesteps: list[int], seed: int) -> list[Array]:
    """x_t for each t using ONE noise draw, so a strip shows the same picture drowning in the same noise."""
    eps = noise_like(x0, seed)
    return [noisy(x0, eps, float(schedule.alpha_bar[t])) for t in timesteps]
