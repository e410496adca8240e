"""Error of the exact posterior-mean denoiser against t."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures import denoiser_error as de
from build_hooks.figures.denoiser import ExactDenoiser
from build_hooks.figures.scenes import SCENES
from build_hooks.figures.schedules import make_schedule

REFS = np.stack([make(16) for make in SCENES.values()]).astype(np.float64)
EXACT = de.batched(ExactDenoiser(REFS))


@pytest.fixture(scope="module", params=["linear", "cosine"])
def curve(request: pytest.FixtureRequest) -> de.ErrorCurve:
    return de.error_curve(EXACT, REFS, make_schedule(request.param, 1000).alpha_bar, samples=48, seed=0)


def test_exact_denoiser_is_perfect_at_small_t(curve: de.ErrorCurve) -> None:
    small = curve.t <= 300
    assert np.all(curve.mse_x0[small] < 1e-6)
    assert np.all(curve.mse_eps[small] < 1e-6)


def test_x0_error_grows_with_t_towards_the_spread_of_the_references(curve: de.ErrorCurve) -> None:
    assert np.all(np.diff(curve.mse_x0) >= -1e-3)  # MMSE never falls as the noise grows (up to sampling noise)
    assert curve.mse_x0[-1] > 0.5 * de.reference_variance(REFS)
    assert curve.mse_x0[-1] < 1.5 * de.reference_variance(REFS)


@pytest.mark.parametrize("name", ["linear", "cosine"])
def test_eps_error_is_the_x0_error_scaled_by_the_snr(name: str) -> None:
    ab = make_schedule(name, 1000).alpha_bar
    c = de.error_curve(EXACT, REFS, ab, samples=8, seed=1)
    snr = ab[c.t] / (1 - ab[c.t])
    np.testing.assert_allclose(c.mse_eps, snr * c.mse_x0, rtol=1e-6, atol=1e-12)


def test_eps_error_peaks_in_between_and_vanishes_at_both_ends() -> None:
    c = de.error_curve(EXACT, REFS, make_schedule("linear", 1000).alpha_bar, samples=48, seed=0)
    t_peak, value = de.peak(c.mse_eps, c.t)
    assert 1 < t_peak < 1000 and value > 1e-3
    assert c.mse_eps[0] < 1e-6 and c.mse_eps[-1] < 0.1 * value


def test_a_useless_denoiser_scores_the_mean_square_of_the_images() -> None:
    zeros = de.batched(lambda x, a: np.zeros_like(x))
    c = de.error_curve(zeros, REFS, make_schedule("linear", 100).alpha_bar, samples=200, seed=0)
    picks, _ = de.draw_noise(REFS, 200, 0)
    np.testing.assert_allclose(c.mse_x0, np.mean(REFS[picks] ** 2))


def test_same_seed_same_curve_other_seed_other_draws() -> None:
    ab = make_schedule("linear", 1000).alpha_bar
    a = de.error_curve(EXACT, REFS, ab, samples=8, seed=4)
    b = de.error_curve(EXACT, REFS, ab, samples=8, seed=4)
    c = de.error_curve(EXACT, REFS, ab, samples=8, seed=5)
    np.testing.assert_array_equal(a.mse_x0, b.mse_x0)
    assert not np.array_equal(a.mse_x0, c.mse_x0)


@pytest.mark.parametrize(("T", "points"), [(1000, 100), (10, 100), (4000, 40)])
def test_grid_spans_1_to_T_without_t0(T: int, points: int) -> None:
    ts = de.t_grid(T, points)
    assert ts[0] == 1 and ts[-1] == T
    assert np.all(np.diff(ts) > 0)
    assert len(ts) == min(points, T)


def test_first_crossing() -> None:
    t = np.array([1, 2, 3, 4])
    assert de.first_crossing(np.array([0.0, 0.1, 0.5, 0.4]), t, 0.3) == 3
    assert de.first_crossing(np.array([0.0, 0.1, 0.2, 0.2]), t, 0.3) is None
