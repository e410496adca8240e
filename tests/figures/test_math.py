"""The numerics: schedules, forward process, exact denoiser, samplers, spectra.

Indexing used throughout: t = 0..T with ᾱ_0 = 1 (the clean image) and ᾱ_t = ∏_{s=1..t}(1 − β_s).
With it, the linear schedule's ᾱ_t drops below 0.5 between t = 259 and 260, the cosine one between 496 and 497.
"""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures.denoiser import posterior_mean, posterior_weights
from build_hooks.figures.forward import forward_frames, noisy
from build_hooks.figures.samplers import sample, step_sequence
from build_hooks.figures.scenes import SCENES
from build_hooks.figures.schedules import crossings, make_schedule
from build_hooks.figures.spectrum import crossover_frequency, radial_power_spectrum


@pytest.mark.parametrize("name", ["linear", "cosine"])
@pytest.mark.parametrize("T", [10, 100, 1000, 4000])
def test_alpha_bar_starts_at_one_and_strictly_decreases(name: str, T: int) -> None:
    s = make_schedule(name, T)
    assert s.alpha_bar.shape == (T + 1,)
    assert s.alpha_bar[0] == 1.0
    assert np.all(np.diff(s.alpha_bar) < 0)
    assert np.all(s.betas[1:] <= 0.999)


def test_linear_schedule_matches_ddpm_endpoints() -> None:
    s = make_schedule("linear", 1000)
    assert s.betas[1] == pytest.approx(1e-4)
    assert s.betas[1000] == pytest.approx(0.02)
    assert s.alpha_bar[1000] < 1e-4


@pytest.mark.parametrize(("name", "expected"), [("linear", 259), ("cosine", 496)])
def test_alpha_bar_half_crossing(name: str, expected: int) -> None:
    s = make_schedule(name, 1000)
    (cross,) = crossings(s.alpha_bar, 0.5)
    assert abs(cross - expected) <= 2
    first_below = int(np.argmax(s.alpha_bar < 0.5))
    assert abs(first_below - expected) <= 2


def test_cosine_beta_capped_at_the_end() -> None:
    s = make_schedule("cosine", 1000)
    assert s.betas[-1] == pytest.approx(0.999)


def test_snr_and_log_snr_agree() -> None:
    s = make_schedule("cosine", 1000)
    assert np.isinf(s.log_snr[0])
    np.testing.assert_allclose(np.exp(s.log_snr[1:]), s.snr[1:], rtol=1e-9)
    assert np.all(np.diff(s.log_snr[1:]) < 0)


@pytest.mark.parametrize("t", [0, 100, 500, 1000])
def test_forward_mean_and_variance_match_theory(t: int) -> None:
    s = make_schedule("linear", 1000)
    ab = float(s.alpha_bar[t])
    x0 = np.full((200_000,), 0.6, dtype=np.float32)
    eps = np.random.default_rng(1).standard_normal(x0.shape).astype(np.float32)
    x_t = noisy(x0, eps, ab)
    assert x_t.mean() == pytest.approx(np.sqrt(ab) * 0.6, abs=0.01)
    assert x_t.var() == pytest.approx(1.0 - ab, abs=0.01)


def test_forward_frames_are_seeded() -> None:
    x0 = SCENES["blocks"](32)
    s = make_schedule("linear", 1000)
    a = forward_frames(x0, s, [0, 500, 1000], seed=3)
    b = forward_frames(x0, s, [0, 500, 1000], seed=3)
    c = forward_frames(x0, s, [0, 500, 1000], seed=4)
    assert all(np.array_equal(p, q) for p, q in zip(a, b))
    assert not np.array_equal(a[1], c[1])
    np.testing.assert_array_equal(a[0], x0)


def _refs(size: int = 16) -> np.ndarray:
    return np.stack([SCENES[name](size) for name in SCENES])


@pytest.mark.parametrize("index", range(5))
def test_exact_denoiser_returns_reference_as_t_goes_to_zero(index: int) -> None:
    refs = _refs()
    s = make_schedule("linear", 1000)
    ab = float(s.alpha_bar[1])
    eps = np.random.default_rng(index).standard_normal(refs[index].shape)
    x_t = noisy(refs[index], eps, ab)
    np.testing.assert_allclose(posterior_mean(x_t, ab, refs), refs[index], atol=1e-5)
    # and exactly at t = 0 (ᾱ = 1) it snaps to the nearest reference
    np.testing.assert_array_equal(posterior_mean(refs[index], 1.0, refs), refs[index])


def test_exact_denoiser_is_the_data_mean_at_pure_noise() -> None:
    refs = _refs()
    weights = posterior_weights(np.zeros_like(refs[0]), 1e-12, refs)
    np.testing.assert_allclose(weights, np.full(len(refs), 1 / len(refs)), atol=1e-6)


def test_denoiser_is_stable_for_huge_distances() -> None:
    refs = _refs() * 1000.0  # would overflow exp() without the log-space shift
    weights = posterior_weights(refs[2] + 1.0, 0.999, refs)
    assert np.all(np.isfinite(weights))
    assert weights[2] == pytest.approx(1.0)


@pytest.mark.parametrize("sampler", ["ddpm", "ddim"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sampled_trajectory_ends_on_a_reference_image(sampler: str, seed: int) -> None:
    refs = _refs()
    s = make_schedule("cosine", 1000)
    traj = sample(
        lambda x, t: posterior_mean(x, float(s.alpha_bar[t]), refs),
        s, refs.shape[1:], sampler=sampler, steps=50, seed=seed,
    )
    assert traj.timesteps[0] == 1000 and traj.timesteps[-1] == 0
    assert len(traj.x_t) == len(traj.x0_hat) == len(traj.timesteps)
    final = traj.x_t[-1]
    distances = np.sqrt(((refs - final[None]) ** 2).mean(axis=(1, 2, 3)))
    assert distances.min() < 1e-2


def test_ddim_is_deterministic_given_x_T() -> None:
    refs = _refs()
    s = make_schedule("linear", 1000)
    x_T = np.random.default_rng(9).standard_normal(refs.shape[1:]).astype(np.float32)
    predict = lambda x, t: posterior_mean(x, float(s.alpha_bar[t]), refs)  # noqa: E731
    a = sample(predict, s, refs.shape[1:], sampler="ddim", steps=20, seed=0, x_T=x_T)
    b = sample(predict, s, refs.shape[1:], sampler="ddim", steps=20, seed=99, x_T=x_T)
    np.testing.assert_array_equal(a.x_t[-1], b.x_t[-1])


def test_step_sequence_spans_T_to_zero() -> None:
    assert step_sequence(1000, 4) == [1000, 750, 500, 250, 0]
    assert step_sequence(10, 50) == list(range(10, -1, -1))


def test_white_noise_spectrum_is_flat_at_its_variance() -> None:
    noise = np.random.default_rng(0).standard_normal((128, 128, 3)) * np.sqrt(0.25)
    freqs, power = radial_power_spectrum(noise)
    assert freqs[0] == 1 and freqs[-1] == 64
    # the grey image averages 3 channels: variance 0.25 / 3
    assert power[10:].mean() == pytest.approx(0.25 / 3, rel=0.1)


def test_natural_scene_spectrum_falls_with_frequency_and_noise_overtakes_it() -> None:
    img = SCENES["blocks"](128)
    freqs, power = radial_power_spectrum(img)
    assert power[:4].mean() > 100 * power[-16:].mean()
    level = np.full_like(power, 0.01)
    f = crossover_frequency(freqs, power, level)
    assert f is not None and 1 < f <= 64
    assert np.all(level[freqs < f] < power[freqs < f])
    assert level[freqs == f][0] >= power[freqs == f][0]
    assert crossover_frequency(freqs, power, np.zeros_like(power)) is None


def test_recording_a_subset_keeps_those_steps_and_the_same_result() -> None:
    refs = _refs()
    s = make_schedule("linear", 1000)
    predict = lambda x, t: posterior_mean(x, float(s.alpha_bar[t]), refs)  # noqa: E731
    full = sample(predict, s, refs.shape[1:], sampler="ddpm", steps=20, seed=5)
    part = sample(predict, s, refs.shape[1:], sampler="ddpm", steps=20, seed=5, record=[0, 10, 20])
    assert part.timesteps == [1000, 500, 0]
    np.testing.assert_array_equal(part.x_t[-1], full.x_t[-1])
    np.testing.assert_array_equal(part.x0_hat[1], full.x0_hat[10])
