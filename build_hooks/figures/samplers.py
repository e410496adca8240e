"""Reverse-process samplers (DDPM ancestral, DDIM deterministic) driven by an x̂_0 predictor.

Both walk a decreasing sub-sequence τ_K = T > … > τ_0 = 0 of the schedule's timesteps. Between two
visited steps t > s, DDPM samples q(x_s | x_t, x̂_0) (the posterior with β_{t|s} = 1 − ᾱ_t/ᾱ_s,
i.e. DDIM with η = 1); DDIM takes the deterministic update x_s = √ᾱ_s x̂_0 + √(1−ᾱ_s) ε̂.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Collection

import numpy as np
import numpy.typing as npt

from build_hooks.figures.denoiser import eps_from_x0
from build_hooks.figures.schedules import Schedule

Array = npt.NDArray[np.floating]
Predictor = Callable[[Array, int], Array]  # (x_t, t) -> x̂_0
SAMPLER_NAMES: tuple[str, ...] = ("ddpm", "ddim")


@dataclass(frozen=True)
class Trajectory:
    timesteps: list[int]  # t of each recorded state, decreasing (ends at 0 when the last step is recorded)
    x_t: list[Array]  # state at each recorded t (with the last step recorded, x_t[-1] is the sample x_0)
    x0_hat: list[Array]  # the predictor's x̂_0 at each recorded t


def step_sequence(T: int, steps: int) -> list[int]:
    """`steps` + 1 evenly spaced integer timesteps from T down to 0 (duplicates removed)."""
    raw = np.round(np.linspace(T, 0, steps + 1)).astype(int)
    return sorted({int(t) for t in raw}, reverse=True)


def sample(
    predict: Predictor,
    schedule: Schedule,
    shape: tuple[int, ...],
    *,
    sampler: str,
    steps: int,
    seed: int,
    x_T: Array | None = None,
    record: Collection[int] | None = None,
) -> Trajectory:
    """Run the sampler from x_T ~ N(0, I) (or the given x_T).

    `record` picks which visited steps to keep (indices into step_sequence(T, steps); None keeps all).
    Keeping only what a figure shows matters: 1000 steps of 128 × 128 RGB are ~400 MB of states.
    """
    if sampler not in SAMPLER_NAMES:
        raise ValueError(f"unknown sampler {sampler!r}; use one of {', '.join(SAMPLER_NAMES)}")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape, dtype=np.float32) if x_T is None else x_T.astype(np.float32)
    ts = step_sequence(schedule.T, steps)
    keep = set(range(len(ts))) if record is None else set(record)
    ab = schedule.alpha_bar
    kept: list[int] = []
    xs: list[Array] = []
    x0s: list[Array] = []
    for i, (t, s) in enumerate(zip(ts[:-1], ts[1:])):
        x0_hat = predict(x, t)
        if i in keep:
            kept.append(t)
            xs.append(x)
            x0s.append(x0_hat)
        a_t, a_s = float(ab[t]), float(ab[s])
        if sampler == "ddim":
            eps_hat = eps_from_x0(x, x0_hat, a_t)
            x = math.sqrt(a_s) * x0_hat + math.sqrt(1.0 - a_s) * eps_hat
        else:
            x = _ddpm_step(x, x0_hat, a_t, a_s, rng)
    if len(ts) - 1 in keep:
        kept.append(ts[-1])
        xs.append(x)
        x0s.append(predict(x, ts[-1]))
    return Trajectory(timesteps=kept, x_t=xs, x0_hat=x0s)


def _ddpm_step(x: Array, x0_hat: Array, a_t: float, a_s: float, rng: np.random.Generator) -> Array:
    """One ancestral step t → s using the Gaussian posterior q(x_s | x_t, x_0 = x̂_0).

    Python floats (math.sqrt) keep the float32 arrays float32: numpy scalars would upcast to float64.
    """
    alpha_ts = a_t / a_s
    beta_ts = 1.0 - alpha_ts
    denom = 1.0 - a_t
    mean = (math.sqrt(a_s) * beta_ts / denom) * x0_hat + (math.sqrt(alpha_ts) * (1.0 - a_s) / denom) * x
    variance = (1.0 - a_s) / denom * beta_ts
    if variance <= 0.0:
        return mean
    noise = rng.standard_normal(x.shape, dtype=np.float32)
    noise *= math.sqrt(variance)
    noise += mean
    return noise
