"""Sums of independent Gaussians in the forward process, in one dimension (numbers only, no rendering).

The data are an equal-weight mixture of Gaussians with common standard deviation `spread`, so every marginal of the
forward process has a closed form: q(x_t) = (1/K) Σ_k N(√ᾱ_t c_k, ᾱ_t spread² + 1 − ᾱ_t). The samples are pushed
through the chain one step at a time, never through the closed form, so agreement between the two is a check of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import numpy.typing as npt

from build_hooks.figures.schedules import Schedule

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Mixture1D:
    centres: tuple[float, ...]
    spread: float  # standard deviation of every component

    @property
    def mean(self) -> float:
        return float(np.mean(self.centres))

    @property
    def variance(self) -> float:
        """Within-component variance plus the spread of the centres (law of total variance)."""
        c = np.asarray(self.centres, dtype=np.float64)
        return float(self.spread**2 + np.mean((c - c.mean()) ** 2))


def sample_data(mix: Mixture1D, n: int, rng: np.random.Generator) -> FloatArray:
    which = rng.integers(0, len(mix.centres), size=n)
    return np.asarray(mix.centres, dtype=np.float64)[which] + mix.spread * rng.standard_normal(n)


def iterate_forward(x0: FloatArray, schedule: Schedule, record: Sequence[int], rng: np.random.Generator) -> dict[int, FloatArray]:
    """Run x_t = √(1−β_t) x_{t−1} + √β_t ε_t for t = 1..max(record) with fresh ε each step; keep the listed t."""
    keep = set(record)
    out: dict[int, FloatArray] = {0: x0.copy()} if 0 in keep else {}
    x = x0.copy()
    for t in range(1, max(record) + 1):
        beta = float(schedule.betas[t])
        x = np.sqrt(1.0 - beta) * x + np.sqrt(beta) * rng.standard_normal(x.shape)
        if t in keep:
            out[t] = x.copy()
    return out


def marginal_moments(mix: Mixture1D, alpha_bar: float) -> tuple[float, float]:
    """Mean and variance of x_t: √ᾱ·E[x_0] and ᾱ·Var(x_0) + (1 − ᾱ)."""
    return float(np.sqrt(alpha_bar) * mix.mean), float(alpha_bar * mix.variance + 1.0 - alpha_bar)


def marginal_density(xs: FloatArray, mix: Mixture1D, alpha_bar: float) -> FloatArray:
    """The closed-form density of x_t: each component is scaled by √ᾱ and widened by the noise variance 1 − ᾱ."""
    var = alpha_bar * mix.spread**2 + (1.0 - alpha_bar)
    means = np.sqrt(alpha_bar) * np.asarray(mix.centres, dtype=np.float64)
    z = (xs[:, None] - means[None, :]) ** 2 / var
    return np.exp(-0.5 * z).mean(axis=1) / np.sqrt(2.0 * np.pi * var)


def histogram_density(samples: FloatArray, lo: float, hi: float, bins: int) -> tuple[FloatArray, FloatArray]:
    """Bin edges and a density histogram (samples outside [lo, hi] still count in the normalisation)."""
    counts, edges = np.histogram(samples, bins=bins, range=(lo, hi))
    return edges, counts / (len(samples) * (edges[1] - edges[0]))


def bin_probabilities(edges: FloatArray, mix: Mixture1D, alpha_bar: float) -> FloatArray:
    """Exact probability of each bin under the closed form, by Simpson's rule on 2·16 sub-intervals per bin."""
    sub = 32
    fine = np.linspace(edges[0], edges[-1], (len(edges) - 1) * sub + 1)
    f = marginal_density(fine, mix, alpha_bar)
    h = fine[1] - fine[0]
    per = f[:-1].reshape(-1, sub)
    ends = np.append(per[1:, 0], f[-1])
    weights = np.tile(np.r_[1.0, np.tile([4.0, 2.0], sub // 2 - 1), 4.0], (len(edges) - 1, 1))
    return (h / 3.0) * ((per * weights).sum(axis=1) + ends)
