"""Unadjusted Langevin dynamics driven by an exact score. Pure numpy: no rendering here.

One step with step size tau (epsilon in Song & Ermon 2019; the course uses epsilon for the noise and tau for DDIM):
    x <- x + (tau / 2) * score(x) + sqrt(tau) * z,    z ~ N(0, I).
As tau -> 0 and the number of steps grows, the chain's distribution tends to the density whose score is used. A
finite tau leaves a bias (for a Gaussian of variance v the chain settles at variance v / (1 - tau / (4 v))), and too
few small steps leave the chains near where they started.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
ScoreFn = Callable[[FloatArray], FloatArray]


def run_chains(
    score: ScoreFn, x0: FloatArray, tau: float, steps: int, rng: np.random.Generator, keep: int = 0
) -> tuple[FloatArray, FloatArray]:
    """Run every row of x0 as an independent chain for `steps` steps.

    Returns the final states (N, D) and the full paths of the first `keep` chains, shape (steps + 1, keep, D).
    """
    if tau <= 0 or steps < 0:
        raise ValueError("Langevin needs tau > 0 and steps >= 0")
    x = np.array(x0, dtype=np.float64)
    paths = np.empty((steps + 1, keep, x.shape[1]))
    paths[0] = x[:keep]
    root = np.sqrt(tau)
    for i in range(steps):
        x = x + 0.5 * tau * score(x) + root * rng.standard_normal(x.shape)
        paths[i + 1] = x[:keep]
    return x, paths


def gaussian_stationary_variance(v: float, tau: float) -> float:
    """Where the chain settles on N(0, v): the linear recursion's fixed point v / (1 - tau / (4 v)); needs tau < 4 v."""
    if tau >= 4.0 * v:
        raise ValueError("tau >= 4 v: the chain diverges")
    return v / (1.0 - tau / (4.0 * v))
