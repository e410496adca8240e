"""The reverse-step posterior q(x_{t−1} | x_t, x_0) in one dimension, in closed form and by brute force on a grid.

Numbers only, no rendering. The grid product of prior and likelihood never uses the closed form, so agreement
between the two checks the derivation (Foundations lesson 2).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from build_hooks.figures.schedules import Schedule

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Step:
    """The three Gaussians of one reverse step, as (mean, variance) in the variable x_{t−1}."""

    t: int
    x0: float
    xt: float
    prior: tuple[float, float]  # q(x_{t−1} | x_0)
    likelihood: tuple[float, float]  # q(x_t | x_{t−1}) read as a function of x_{t−1}, normalised
    posterior: tuple[float, float]  # (μ̃_t, β̃_t)


def step(schedule: Schedule, t: int, x0: float, noise: float) -> Step:
    """x_t is made from x_0 with the closed form and the given standard-normal value `noise`."""
    if not 1 <= t <= schedule.T:
        raise ValueError(f"t = {t} is outside 1..{schedule.T}")
    ab, ab_prev, beta = float(schedule.alpha_bar[t]), float(schedule.alpha_bar[t - 1]), float(schedule.betas[t])
    alpha = 1.0 - beta
    xt = float(np.sqrt(ab) * x0 + np.sqrt(1.0 - ab) * noise)
    mean = np.sqrt(ab_prev) * beta / (1.0 - ab) * x0 + np.sqrt(alpha) * (1.0 - ab_prev) / (1.0 - ab) * xt
    return Step(
        t=t,
        x0=x0,
        xt=xt,
        prior=(float(np.sqrt(ab_prev) * x0), 1.0 - ab_prev),
        likelihood=(xt / float(np.sqrt(alpha)), beta / alpha),
        posterior=(float(mean), float(schedule.posterior_variance[t])),
    )


def gaussian(xs: FloatArray, mean: float, var: float) -> FloatArray:
    return np.exp(-0.5 * (xs - mean) ** 2 / var) / np.sqrt(2.0 * np.pi * var)


def grid_posterior(s: Step, xs: FloatArray, alpha: float) -> FloatArray:
    """Prior density times the one-step density q(x_t | x_{t−1}) at the observed x_t, normalised on the grid.

    At t = 1 the prior is a point mass (variance 0); the grid cannot hold it, so callers skip t = 1.
    """
    prior_mean, prior_var = s.prior
    beta = 1.0 - alpha
    log_p = -0.5 * (xs - prior_mean) ** 2 / prior_var - 0.5 * (s.xt - np.sqrt(alpha) * xs) ** 2 / beta
    w = np.exp(log_p - log_p.max())
    return w / np.trapezoid(w, xs)


def window(s: Step, width: float = 4.0) -> tuple[float, float]:
    """An x_{t−1} range that shows the posterior and the likelihood whole, and the prior near them."""
    parts = [s.posterior, s.likelihood, s.prior]
    lo = min(m - width * np.sqrt(v) for m, v in parts[:2])
    hi = max(m + width * np.sqrt(v) for m, v in parts[:2])
    m, v = s.prior
    span = hi - lo
    # a wide prior would squash the other two into a spike: show at most one extra span on each side
    return float(max(min(lo, m - width * np.sqrt(v)), lo - span)), float(min(max(hi, m + width * np.sqrt(v)), hi + span))
