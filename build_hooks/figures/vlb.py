"""Per-step weights of the diffusion variational bound, written as a weighted noise-prediction loss.

For t = 2..T the bound's term L_{t-1} is the KL between the true posterior q(x_{t-1} | x_t, x_0) and the model's
step p(x_{t-1} | x_t) = N(mu_theta, sigma_t^2 I). With the mean parameterised through a noise prediction it is
    L_{t-1} = w_t * E||eps - eps_theta(x_t, t)||^2 + (terms without theta),
    w_t = beta_t^2 / (2 sigma_t^2 alpha_t (1 - alpha_bar_t))          (Ho et al. 2020, eq. 12).
With sigma_t^2 = the posterior variance beta~_t this is (SNR(t-1) / SNR(t) - 1) / 2, the discrete form of
Kingma et al. (2021); with sigma_t^2 = beta_t it is beta_t / (2 alpha_t (1 - alpha_bar_t)). The simple loss
replaces w_t by 1. Pure numpy: no rendering here.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from build_hooks.figures.schedules import Schedule

FloatArray = npt.NDArray[np.float64]
VARIANCES: tuple[str, ...] = ("posterior", "beta")


def posterior_variance(schedule: Schedule) -> FloatArray:
    """beta~_t = (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t) * beta_t for t = 1..T; entry 0 is 0 (no step)."""
    ab, b = schedule.alpha_bar, schedule.betas
    out = np.zeros_like(b)
    out[1:] = (1.0 - ab[:-1]) / (1.0 - ab[1:]) * b[1:]
    return out


def bound_weights(schedule: Schedule, variance: str = "posterior") -> FloatArray:
    """w_t for t = 0..T. Entries 0 and 1 are NaN: t = 1 is the decoder term, not a KL between Gaussians."""
    if variance not in VARIANCES:
        raise ValueError(f"unknown variance {variance!r}; use one of {', '.join(VARIANCES)}")
    b, ab = schedule.betas, schedule.alpha_bar
    alpha = 1.0 - b
    sigma2 = posterior_variance(schedule) if variance == "posterior" else b
    w = np.full_like(b, np.nan)
    t = np.arange(2, schedule.T + 1)
    w[t] = b[t] ** 2 / (2.0 * sigma2[t] * alpha[t] * (1.0 - ab[t]))
    return w


def weight_shares(weights: FloatArray, edges: list[int]) -> list[float]:
    """Share of the summed weight over t = 2..T that falls in t <= each edge (the simple loss gives (edge-1)/(T-1))."""
    w = np.nan_to_num(weights, nan=0.0)
    total = w.sum()
    return [float(w[: e + 1].sum() / total) for e in edges]


def kl_gaussians(mu1: FloatArray, var1: float, mu2: FloatArray, var2: float) -> float:
    """KL(N(mu1, var1 I) || N(mu2, var2 I)) in nats, summed over dimensions (closed form)."""
    mu1, mu2 = np.atleast_1d(np.asarray(mu1, float)), np.atleast_1d(np.asarray(mu2, float))
    d = mu1.size
    return float(0.5 * (d * (var1 / var2 - 1.0 + np.log(var2 / var1)) + np.sum((mu1 - mu2) ** 2) / var2))
