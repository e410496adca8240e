"""Exact numerics of a 2-D Gaussian mixture under the diffusion forward process.

Noising a mixture keeps it a mixture: component N(mu_k, S_k) becomes N(sqrt(ab) mu_k, ab S_k + (1 - ab) I),
so densities, scores and posterior means are exact at every noise level. That lets the guidance and path figures
show what a perfectly trained model would do, with no network in the way.

Guidance convention (classifier-free, as in Ho & Salimans 2022):
    eps_guided = (1 + w) * eps_cond - w * eps_uncond,
equivalently score_guided = (1 + w) * score_cond - w * score_uncond. So w = 0 is the plain conditional model and
larger w pushes samples away from what the unconditional model finds likely.

Sampling reuses samplers.py (DDPM / DDIM over a sub-sequence of 0..T): this module only supplies the exact
x0_hat(x_t, t) of the mixture, via Tweedie's formula x0_hat = (x_t + (1 - ab) score) / sqrt(ab).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from build_hooks.figures.samplers import Array, Predictor, sample
from build_hooks.figures.schedules import Schedule

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

_LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True)
class Mixture2D:
    """A weighted set of 2-D Gaussians, each belonging to one class."""

    means: FloatArray  # (K, 2)
    covs: FloatArray  # (K, 2, 2), symmetric positive definite
    weights: FloatArray  # (K,), sums to 1
    labels: IntArray  # (K,), class id of each component

    @property
    def classes(self) -> tuple[int, ...]:
        return tuple(int(c) for c in np.unique(self.labels))


def make_mixture(
    means: list[list[float]] | FloatArray,
    covs: list[list[list[float]]] | FloatArray,
    weights: list[float] | FloatArray,
    labels: list[int] | IntArray,
) -> Mixture2D:
    """Build a mixture, checking shapes and normalising the weights."""
    m = np.asarray(means, dtype=np.float64)
    c = np.asarray(covs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    lab = np.asarray(labels, dtype=np.int64)
    k = m.shape[0]
    if m.shape != (k, 2) or c.shape != (k, 2, 2) or w.shape != (k,) or lab.shape != (k,):
        raise ValueError("mixture needs means (K,2), covs (K,2,2), weights (K,), labels (K,)")
    if np.any(w <= 0):
        raise ValueError("mixture weights must be positive")
    if np.any(np.linalg.eigvalsh(c) <= 0):
        raise ValueError("mixture covariances must be positive definite")
    return Mixture2D(means=m, covs=c, weights=w / w.sum(), labels=lab)


def default_mixture() -> Mixture2D:
    """Three classes placed so that they overlap once noised: guidance then has something to push against.

    Class 0 (left) and class 2 (bottom) have two components each, class 1 (right) one elongated component.
    """
    return make_mixture(
        means=[[-1.3, 0.5], [-0.7, 1.3], [1.2, 0.7], [-0.6, -1.2], [0.6, -1.3]],
        covs=[
            [[0.06, 0.02], [0.02, 0.05]],
            [[0.05, 0.0], [0.0, 0.04]],
            [[0.10, -0.05], [-0.05, 0.12]],
            [[0.05, 0.0], [0.0, 0.03]],
            [[0.04, 0.01], [0.01, 0.05]],
        ],
        weights=[0.18, 0.15, 0.34, 0.17, 0.16],
        labels=[0, 0, 1, 2, 2],
    )


def noised(mix: Mixture2D, alpha_bar: float) -> Mixture2D:
    """The mixture's marginal at noise level alpha_bar: x_t = sqrt(ab) x_0 + sqrt(1 - ab) eps."""
    ab = float(alpha_bar)
    covs = ab * mix.covs + (1.0 - ab) * np.eye(2)[None, :, :]
    return Mixture2D(means=np.sqrt(ab) * mix.means, covs=covs, weights=mix.weights, labels=mix.labels)


def restrict(mix: Mixture2D, cls: int) -> Mixture2D:
    """The class-conditional mixture p(x | class): that class's components, weights renormalised."""
    keep = mix.labels == cls
    if not np.any(keep):
        raise ValueError(f"class {cls} has no component; classes are {mix.classes}")
    w = mix.weights[keep]
    return Mixture2D(means=mix.means[keep], covs=mix.covs[keep], weights=w / w.sum(), labels=mix.labels[keep])


def _component_terms(mix: Mixture2D, x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per point and component: log(w_k N(x; mu_k, S_k)) (N, K) and the component score -S_k^-1 (x - mu_k) (N, K, 2)."""
    prec = np.linalg.inv(mix.covs)
    diff = x[:, None, :] - mix.means[None, :, :]
    prec_diff = np.einsum("kij,nkj->nki", prec, diff)
    maha = np.einsum("nki,nki->nk", diff, prec_diff)
    _, logdet = np.linalg.slogdet(mix.covs)
    log_terms = np.log(mix.weights)[None, :] - 0.5 * (maha + logdet[None, :]) - _LOG_2PI
    return log_terms, -prec_diff


def _logsumexp(a: FloatArray) -> FloatArray:
    top = a.max(axis=1, keepdims=True)
    return (top + np.log(np.exp(a - top).sum(axis=1, keepdims=True)))[:, 0]


def log_density(mix: Mixture2D, x: FloatArray) -> FloatArray:
    """log p(x) for points x of shape (N, 2)."""
    log_terms, _ = _component_terms(mix, np.asarray(x, dtype=np.float64))
    return _logsumexp(log_terms)


def score(mix: Mixture2D, x: FloatArray) -> FloatArray:
    """Exact grad_x log p(x): the responsibility-weighted sum of the component scores."""
    log_terms, comp_scores = _component_terms(mix, np.asarray(x, dtype=np.float64))
    resp = np.exp(log_terms - _logsumexp(log_terms)[:, None])
    return np.einsum("nk,nki->ni", resp, comp_scores)


def noised_score(mix: Mixture2D, x: FloatArray, alpha_bar: float, cls: int | None = None) -> FloatArray:
    """Score of the noised marginal p_t(x), or of p_t(x | cls) when a class is given."""
    base = mix if cls is None else restrict(mix, cls)
    return score(noised(base, alpha_bar), x)


def guided_score(mix: Mixture2D, x: FloatArray, alpha_bar: float, cls: int, w: float) -> FloatArray:
    """Classifier-free guidance in score form: (1 + w) score(x | cls) - w score(x). w = 0 is conditional."""
    cond = noised_score(mix, x, alpha_bar, cls)
    if w == 0:
        return cond
    return (1.0 + w) * cond - w * noised_score(mix, x, alpha_bar)


def eps_from_score(s: FloatArray, alpha_bar: float) -> FloatArray:
    """The noise prediction that a score corresponds to: eps = -sqrt(1 - ab) * score."""
    return -np.sqrt(1.0 - alpha_bar) * s


def x0_from_score(x: FloatArray, s: FloatArray, alpha_bar: float) -> FloatArray:
    """Tweedie's formula: E[x_0 | x_t] = (x_t + (1 - ab) score) / sqrt(ab)."""
    return (x + (1.0 - alpha_bar) * s) / np.sqrt(alpha_bar)


def sample_data(mix: Mixture2D, n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
    """n exact draws from the clean mixture and each draw's class."""
    comp = rng.choice(len(mix.weights), size=n, p=mix.weights)
    chol = np.linalg.cholesky(mix.covs)
    z = rng.standard_normal((n, 2))
    x = mix.means[comp] + np.einsum("nij,nj->ni", chol[comp], z)
    return x, mix.labels[comp]


def predictor(mix: Mixture2D, schedule: Schedule, cls: int | None = None, w: float = 0.0) -> Predictor:
    """An x0_hat(x_t, t) function for the samplers: Tweedie's formula on the exact (guided) score.

    With no class it is the unconditional posterior mean; with a class, classifier-free guidance at weight w.
    """

    def predict(x: Array, t: int) -> Array:
        ab = float(schedule.alpha_bar[t])
        xf = np.asarray(x, dtype=np.float64)
        s = noised_score(mix, xf, ab) if cls is None else guided_score(mix, xf, ab, cls, w)
        return x0_from_score(xf, s, ab)

    return predict


def sample_paths(
    mix: Mixture2D,
    schedule: Schedule,
    *,
    n: int,
    sampler: str,
    steps: int,
    seed: int,
    cls: int | None = None,
    w: float = 0.0,
) -> tuple[list[int], FloatArray]:
    """n trajectories from N(0, I) to the data; returns the visited t and the states, shape (visited, n, 2)."""
    traj = sample(predictor(mix, schedule, cls, w), schedule, (n, 2), sampler=sampler, steps=steps, seed=seed)
    return traj.timesteps, np.stack([np.asarray(x, dtype=np.float64) for x in traj.x_t])


def _class_seed(seed: int, cls: int) -> int:
    """An independent seed per class, so one class's draws never depend on another's."""
    return int(np.random.SeedSequence([seed, cls]).generate_state(1)[0])


def guided_samples(
    mix: Mixture2D,
    schedule: Schedule,
    *,
    w: float,
    n: int,
    sampler: str,
    steps: int,
    seed: int,
) -> tuple[FloatArray, IntArray]:
    """n guided samples split evenly over the classes (class-major order) and their classes.

    The noise depends only on (seed, class), so every weight starts from the same noise: panels are comparable.
    """
    classes = mix.classes
    counts = [n // len(classes) + (1 if i < n % len(classes) else 0) for i in range(len(classes))]
    xs = [
        sample_paths(mix, schedule, n=c, sampler=sampler, steps=steps, seed=_class_seed(seed, cls), cls=cls, w=w)[1][-1]
        for cls, c in zip(classes, counts, strict=True)
    ]
    labels = np.concatenate([np.full(c, cls, dtype=np.int64) for cls, c in zip(classes, counts, strict=True)])
    return np.concatenate(xs), labels


def class_spread(x: FloatArray, labels: IntArray) -> float:
    """Mean over classes of the RMS distance of a class's samples to their own centroid."""
    spreads = [
        float(np.sqrt(np.mean(np.sum((x[labels == c] - x[labels == c].mean(axis=0)) ** 2, axis=1))))
        for c in np.unique(labels)
    ]
    return float(np.mean(spreads))


def min_mahalanobis(mix: Mixture2D, x: FloatArray) -> FloatArray:
    """Distance of each point to its closest component, in that component's standard deviations."""
    diff = x[:, None, :] - mix.means[None, :, :]
    maha2 = np.einsum("nki,kij,nkj->nk", diff, np.linalg.inv(mix.covs), diff)
    return np.sqrt(maha2.min(axis=1))


def exact_spread(mix: Mixture2D) -> float:
    """What class_spread converges to for exact samples: mean over classes of sqrt(trace of the class covariance)."""
    return float(np.mean([np.sqrt(np.trace(class_moments(mix, c)[1])) for c in mix.classes]))


def centroid_separation(x: FloatArray, labels: IntArray) -> float:
    """Smallest distance between two class centroids: how far apart the classes ended up."""
    cents = np.stack([x[labels == c].mean(axis=0) for c in np.unique(labels)])
    d = np.linalg.norm(cents[:, None, :] - cents[None, :, :], axis=2)
    return float(d[np.triu_indices(len(cents), k=1)].min())


def class_moments(mix: Mixture2D, cls: int) -> tuple[FloatArray, FloatArray]:
    """Exact mean and covariance of p(x | cls) (law of total covariance over its components)."""
    sub = restrict(mix, cls)
    mean = sub.weights @ sub.means
    centred = sub.means - mean
    cov = np.einsum("k,kij->ij", sub.weights, sub.covs) + np.einsum("k,ki,kj->ij", sub.weights, centred, centred)
    return mean, cov
