"""Noise schedules: β_t, ᾱ_t, SNR and log-SNR for t = 0..T.

Indexing: t runs over 0..T. t = 0 is the clean image (β_0 = 0, ᾱ_0 = 1) and
ᾱ_t = ∏_{s=1..t} (1 − β_s), so arrays have T + 1 entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

SCHEDULE_NAMES: tuple[str, ...] = ("linear", "cosine")
LINEAR_BETA_START = 1e-4
LINEAR_BETA_END = 0.02
COSINE_OFFSET = 0.008
COSINE_MAX_BETA = 0.999

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Schedule:
    name: str
    T: int
    betas: FloatArray  # shape (T + 1,), betas[0] == 0
    alpha_bar: FloatArray  # shape (T + 1,), alpha_bar[0] == 1

    @property
    def snr(self) -> FloatArray:
        """ᾱ_t / (1 − ᾱ_t); infinite at t = 0."""
        with np.errstate(divide="ignore"):
            return self.alpha_bar / (1.0 - self.alpha_bar)

    @property
    def log_snr(self) -> FloatArray:
        """Natural log of the SNR; +inf at t = 0."""
        with np.errstate(divide="ignore"):
            return np.log(self.alpha_bar) - np.log1p(-self.alpha_bar)

    @property
    def posterior_variance(self) -> FloatArray:
        """β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t, the variance of q(x_{t−1} | x_t, x_0); 0 at t = 0 by convention."""
        out = np.zeros_like(self.betas)
        out[1:] = (1.0 - self.alpha_bar[:-1]) / (1.0 - self.alpha_bar[1:]) * self.betas[1:]
        return out

    def crossings(self, curve: FloatArray, level: float) -> list[float]:
        """Fractional t where `curve` passes `level` (linear interpolation between steps)."""
        return crossings(curve, level)


def linear_betas(T: int) -> FloatArray:
    """DDPM (Ho et al. 2020): β linear from 1e-4 to 0.02 over t = 1..T, rescaled for T ≠ 1000."""
    scale = 1000.0 / T  # keeps ᾱ_T comparable when T differs from the paper's 1000
    betas = np.linspace(LINEAR_BETA_START * scale, LINEAR_BETA_END * scale, T, dtype=np.float64)
    return np.concatenate([[0.0], np.minimum(betas, COSINE_MAX_BETA)])


def cosine_betas(T: int) -> FloatArray:
    """Nichol & Dhariwal (2021): ᾱ(t) ∝ cos²(((t/T) + s)/(1 + s) · π/2), β capped at 0.999."""
    t = np.arange(T + 1, dtype=np.float64)
    f = np.cos((t / T + COSINE_OFFSET) / (1.0 + COSINE_OFFSET) * np.pi / 2.0) ** 2
    ratio = f[1:] / f[:-1]
    betas = np.minimum(1.0 - ratio, COSINE_MAX_BETA)
    return np.concatenate([[0.0], betas])


@lru_cache(maxsize=32)
def make_schedule(name: str, T: int = 1000) -> Schedule:
    """Build a schedule by name; ᾱ is the cumulative product of the (capped) betas."""
    if name == "linear":
        betas = linear_betas(T)
    elif name == "cosine":
        betas = cosine_betas(T)
    else:
        raise ValueError(f"unknown schedule {name!r}; use one of {', '.join(SCHEDULE_NAMES)}")
    alpha_bar: FloatArray = np.cumprod(1.0 - betas, dtype=np.float64)
    betas.setflags(write=False)
    alpha_bar.setflags(write=False)
    return Schedule(name=name, T=T, betas=betas, alpha_bar=alpha_bar)


def crossings(curve: FloatArray, level: float) -> list[float]:
    """Every fractional index where the finite part of `curve` crosses `level`."""
    out: list[float] = []
    for i in range(len(curve) - 1):
        a, b = float(curve[i]), float(curve[i + 1])
        if not (np.isfinite(a) and np.isfinite(b)):
            continue
        if a == level:
            out.append(float(i))
        elif (a - level) * (b - level) < 0:
            out.append(i + (level - a) / (b - a))
    return out
