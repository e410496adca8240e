"""The exact 2-D Gaussian mixture: scores, noising, Tweedie, classifier-free guidance and sampling."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures import gmm2d
from build_hooks.figures.schedules import make_schedule

MIX = gmm2d.default_mixture()
GRID = np.stack(np.meshgrid(np.linspace(-2.5, 2.5, 9), np.linspace(-2.5, 2.5, 9)), axis=-1).reshape(-1, 2)


@pytest.mark.parametrize("alpha_bar", [1.0, 0.7, 0.2, 0.01])
@pytest.mark.parametrize("cls", [None, 0, 1, 2])
def test_score_is_the_gradient_of_the_log_density(alpha_bar: float, cls: int | None) -> None:
    base = MIX if cls is None else gmm2d.restrict(MIX, cls)
    mix = gmm2d.noised(base, alpha_bar)
    h = 1e-5
    fd = np.stack(
        [
            (gmm2d.log_density(mix, GRID + h * e) - gmm2d.log_density(mix, GRID - h * e)) / (2 * h)
            for e in np.eye(2)
        ],
        axis=1,
    )
    np.testing.assert_allclose(gmm2d.noised_score(MIX, GRID, alpha_bar, cls), fd, rtol=1e-5, atol=1e-5)


def test_density_integrates_to_one() -> None:
    axis = np.linspace(-6, 6, 601)
    pts = np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2)
    cell = (axis[1] - axis[0]) ** 2
    assert np.exp(gmm2d.log_density(MIX, pts)).sum() * cell == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("alpha_bar", [0.9, 0.3])
def test_noised_mixture_is_the_law_of_noised_samples(alpha_bar: float) -> None:
    rng = np.random.default_rng(1)
    x0, labels = gmm2d.sample_data(MIX, 200_000, rng)
    x_t = np.sqrt(alpha_bar) * x0 + np.sqrt(1 - alpha_bar) * rng.standard_normal(x0.shape)
    for cls in MIX.classes:
        mean, cov = gmm2d.class_moments(gmm2d.noised(MIX, alpha_bar), cls)
        np.testing.assert_allclose(x_t[labels == cls].mean(axis=0), mean, atol=0.01)
        np.testing.assert_allclose(np.cov(x_t[labels == cls].T), cov, atol=0.01)


def _posterior_mean_by_components(alpha_bar: float, x: np.ndarray) -> np.ndarray:
    """E[x0 | x_t] worked out per component (Gaussian conditioning), then weighted by responsibilities."""
    a = alpha_bar
    noisy = gmm2d.noised(MIX, a)
    logs = np.stack(
        [
            np.log(w) - 0.5 * np.einsum("ni,ij,nj->n", x - m, np.linalg.inv(c), x - m) - 0.5 * np.log(np.linalg.det(c))
            for w, m, c in zip(noisy.weights, noisy.means, noisy.covs)
        ],
        axis=1,
    )
    resp = np.exp(logs - logs.max(axis=1, keepdims=True))
    resp /= resp.sum(axis=1, keepdims=True)
    means = np.stack(
        [
            mu + (np.sqrt(a) * cov @ np.linalg.inv(c) @ (x - m).T).T
            for mu, cov, m, c in zip(MIX.means, MIX.covs, noisy.means, noisy.covs)
        ],
        axis=1,
    )
    return np.einsum("nk,nki->ni", resp, means)


@pytest.mark.parametrize("alpha_bar", [0.95, 0.5, 0.05])
def test_tweedie_gives_the_exact_posterior_mean(alpha_bar: float) -> None:
    s = gmm2d.noised_score(MIX, GRID, alpha_bar)
    np.testing.assert_allclose(
        gmm2d.x0_from_score(GRID, s, alpha_bar), _posterior_mean_by_components(alpha_bar, GRID), atol=1e-9
    )


@pytest.mark.parametrize("w", [0.0, 1.0, 4.0])
def test_guided_noise_prediction_follows_the_stated_convention(w: float) -> None:
    a = 0.4
    guided = gmm2d.eps_from_score(gmm2d.guided_score(MIX, GRID, a, 1, w), a)
    cond = gmm2d.eps_from_score(gmm2d.noised_score(MIX, GRID, a, 1), a)
    uncond = gmm2d.eps_from_score(gmm2d.noised_score(MIX, GRID, a), a)
    np.testing.assert_allclose(guided, (1 + w) * cond - w * uncond, atol=1e-12)
    if w == 0:
        np.testing.assert_array_equal(guided, cond)


@pytest.mark.parametrize("sampler", ["ddpm", "ddim"])
def test_weight_zero_reproduces_each_class_distribution(sampler: str) -> None:
    x, labels = gmm2d.guided_samples(
        MIX, make_schedule("linear", 1000), w=0.0, n=4500, sampler=sampler, steps=500, seed=3
    )
    for cls in MIX.classes:
        mean, cov = gmm2d.class_moments(MIX, cls)
        got = x[labels == cls]
        np.testing.assert_allclose(got.mean(axis=0), mean, atol=0.05)
        np.testing.assert_allclose(np.diag(np.cov(got.T)), np.diag(cov), rtol=0.15)


def test_larger_weights_concentrate_classes_and_push_them_apart() -> None:
    schedule = make_schedule("linear", 1000)
    stats = []
    for w in [0.0, 1.0, 3.0, 7.0]:
        x, labels = gmm2d.guided_samples(MIX, schedule, w=w, n=600, sampler="ddim", steps=100, seed=0)
        stats.append((gmm2d.class_spread(x, labels), gmm2d.centroid_separation(x, labels)))
    spreads, separations = zip(*stats)
    assert all(b < a for a, b in zip(spreads, spreads[1:])), spreads
    assert all(b > a for a, b in zip(separations, separations[1:])), separations
    assert spreads[-1] < 0.85 * spreads[0]


def test_samples_are_class_major() -> None:
    schedule = make_schedule("cosine", 200)
    a = gmm2d.guided_samples(MIX, schedule, w=2.0, n=31, sampler="ddpm", steps=20, seed=5)
    assert list(a[1]) == [0] * 11 + [1] * 10 + [2] * 10


def test_paths_start_at_noise_and_end_near_the_data() -> None:
    schedule = make_schedule("linear", 1000)
    ts, paths = gmm2d.sample_paths(MIX, schedule, n=300, sampler="ddim", steps=100, seed=0)
    assert ts[0] == 1000 and ts[-1] == 0
    assert paths.shape == (101, 300, 2)
    assert np.std(paths[0]) == pytest.approx(1.0, abs=0.1)
    # The endpoints are as likely under the data as real data points are; the starting noise is far less so.
    data, _ = gmm2d.sample_data(MIX, 300, np.random.default_rng(0))
    data_ll = np.median(gmm2d.log_density(MIX, data))
    assert np.median(gmm2d.log_density(MIX, paths[-1])) == pytest.approx(data_ll, abs=0.3)
    assert np.median(gmm2d.log_density(MIX, paths[0])) < data_ll - 2.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"means": [[0, 0]], "covs": [[[1, 0], [0, 1]]], "weights": [1, 1], "labels": [0]}, r"means \(K,2\)"),
        ({"means": [[0, 0]], "covs": [[[1, 0], [0, -1]]], "weights": [1], "labels": [0]}, "positive definite"),
        ({"means": [[0, 0]], "covs": [[[1, 0], [0, 1]]], "weights": [0], "labels": [0]}, "positive"),
    ],
)
def test_bad_mixtures_are_rejected(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gmm2d.make_mixture(**kwargs)


def test_unknown_class_is_rejected() -> None:
    with pytest.raises(ValueError, match="class 9"):
        gmm2d.restrict(MIX, 9)


def test_exact_spread_is_what_exact_draws_show() -> None:
    x, labels = gmm2d.sample_data(MIX, 200_000, np.random.default_rng(2))
    assert gmm2d.class_spread(x, labels) == pytest.approx(gmm2d.exact_spread(MIX), rel=0.01)


def test_mahalanobis_counts_standard_deviations_to_the_closest_component() -> None:
    k = 2  # the elongated right-hand component
    mu, cov = MIX.means[k], MIX.covs[k]
    vals, vecs = np.linalg.eigh(cov)
    along = mu + 1.5 * np.sqrt(vals[0]) * vecs[:, 0]  # 1.5 standard deviations along the narrow axis
    np.testing.assert_allclose(gmm2d.min_mahalanobis(MIX, np.stack([mu, along])), [0.0, 1.5], atol=1e-12)
