"""The kinds bound-weights and langevin (Foundations lessons 3 and 4): their numerics against closed forms, their
validation, and the numbers their alt text states."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures import gmm2d, langevin, vlb
from coursekit.figures import spec as S
from build_hooks.figures.schedules import make_schedule

from .test_kinds_extra import alt_text, render


@pytest.mark.parametrize("name", ["linear", "cosine"])
def test_posterior_variance_matches_its_formula_and_lies_below_beta(name: str) -> None:
    sch = make_schedule(name, 1000)
    pv = vlb.posterior_variance(sch)
    for t in (1, 2, 10, 500, 1000):
        ab, ab_prev, b = sch.alpha_bar[t], sch.alpha_bar[t - 1], sch.betas[t]
        assert pv[t] == pytest.approx((1 - ab_prev) / (1 - ab) * b, rel=1e-12)
    assert pv[1] == 0.0  # one step from the clean image leaves no doubt about x_0
    assert np.all(pv[1:] <= sch.betas[1:] + 1e-15)


@pytest.mark.parametrize("name", ["linear", "cosine"])
def test_bound_weight_is_half_the_snr_ratio_minus_one(name: str) -> None:
    # Ho et al.'s beta^2 / (2 sigma^2 alpha (1 - alpha_bar)) with sigma^2 = posterior variance is the discrete SNR form.
    sch = make_schedule(name, 1000)
    w = vlb.bound_weights(sch, "posterior")
    snr = sch.snr
    t = np.arange(2, 1001)
    np.testing.assert_allclose(w[t], 0.5 * (snr[t - 1] / snr[t] - 1), rtol=1e-9)
    assert np.isnan(w[0]) and np.isnan(w[1])


def test_bound_weight_with_beta_variance() -> None:
    sch = make_schedule("linear", 1000)
    w = vlb.bound_weights(sch, "beta")
    b, ab = sch.betas, sch.alpha_bar
    assert w[500] == pytest.approx(b[500] / (2 * (1 - b[500]) * (1 - ab[500])), rel=1e-12)
    with pytest.raises(ValueError, match="unknown variance"):
        vlb.bound_weights(sch, "learned")


def test_kl_between_gaussians_matches_monte_carlo() -> None:
    rng = np.random.default_rng(0)
    mu1, mu2, v1, v2 = np.array([0.3, -0.2]), np.array([0.0, 0.5]), 0.4, 0.9
    x = mu1 + np.sqrt(v1) * rng.standard_normal((400_000, 2))
    log_q = -0.5 * np.sum((x - mu1) ** 2, axis=1) / v1 - np.log(2 * np.pi * v1)
    log_p = -0.5 * np.sum((x - mu2) ** 2, axis=1) / v2 - np.log(2 * np.pi * v2)
    assert vlb.kl_gaussians(mu1, v1, mu2, v2) == pytest.approx(np.mean(log_q - log_p), abs=0.005)
    assert vlb.kl_gaussians(mu1, v1, mu1, v1) == 0.0


def test_mixture_score_matches_finite_differences_of_its_log_density() -> None:
    mix = gmm2d.default_mixture()
    x = np.random.default_rng(3).uniform(-2, 2, size=(50, 2))
    h = 1e-5
    fd = np.stack(
        [(gmm2d.log_density(mix, x + h * e) - gmm2d.log_density(mix, x - h * e)) / (2 * h) for e in np.eye(2)], axis=1
    )
    np.testing.assert_allclose(gmm2d.score(mix, x), fd, rtol=1e-5, atol=1e-6)


def test_langevin_on_a_gaussian_settles_at_the_predicted_biased_variance() -> None:
    v, tau = 0.5, 0.4
    rng = np.random.default_rng(0)
    final, _ = langevin.run_chains(lambda x: -x / v, np.zeros((40_000, 1)), tau, 200, rng)
    predicted = langevin.gaussian_stationary_variance(v, tau)
    assert predicted == pytest.approx(0.625)  # 25% too wide at this step size
    assert np.var(final) == pytest.approx(predicted, rel=0.03)
    with pytest.raises(ValueError):
        langevin.gaussian_stationary_variance(v, 2.0)


def test_langevin_keeps_the_first_paths_and_starts_them_at_x0() -> None:
    x0 = np.arange(10, dtype=float).reshape(5, 2)
    final, paths = langevin.run_chains(lambda x: -x, x0, 0.01, 7, np.random.default_rng(0), keep=2)
    assert paths.shape == (8, 2, 2)
    np.testing.assert_array_equal(paths[0], x0[:2])
    np.testing.assert_array_equal(paths[-1], final[:2])


BW = "kind: bound-weights\ncaption: Weights.\n"
LG = "kind: langevin\ncaption: Langevin.\nstep_sizes: [0.0005, 0.005, 0.2]\nchains: 400\nsteps: 150\n"


def test_bound_weights_alt_text_states_the_relative_weights() -> None:
    out = render(BW)
    w = vlb.bound_weights(make_schedule("linear", 1000))
    rel2 = w[2] / np.median(w[2:])
    text = alt_text(out.html["en"])
    assert f"t = 2: {rel2:.3g}" in text
    assert "cosine" in text and "t = 1000: " in text
    assert "중앙값" in alt_text(out.html["ko"])


def test_langevin_figure_small_step_lands_on_the_data_and_large_step_does_not() -> None:
    out = render(LG)
    panels = {q["tau"]: q for q in out.result.data["panels"]}
    exact = out.result.data["exact"]
    assert abs(panels[0.005]["inside"] - exact["inside"]) < 0.06
    assert panels[0.2]["inside"] < exact["inside"] - 0.3  # too large a step for the narrow components
    assert panels[0.0005]["log_density"] < panels[0.005]["log_density"]  # 150 tiny steps have not arrived
    text = alt_text(out.html["en"])
    assert f"τ = 0.005: {panels[0.005]['inside'] * 100:.0f}% near the data" in text
    assert text.count("τ = ") == 3
    assert render(LG).result.data == out.result.data  # same seed, same numbers


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: langevin\ncaption: x\nstep_sizes: [0.01, 0.01]\n", "repeats a step size"),
        ("kind: langevin\ncaption: x\nstep_sizes: [0.6]\n", "0.5"),
        ("kind: langevin\ncaption: x\nstep_sizes: [0.1, 0.2, 0.3, 0.4, 0.5]\n", "too many"),
        ("kind: bound-weights\ncaption: x\nvariance: learned\n", "variance"),
    ],
)
def test_bad_keys_fail_with_one_line(text: str, message: str) -> None:
    with pytest.raises(S.SpecError) as err:
        S.parse(text)
    assert message in str(err.value) and "\n" not in str(err.value).strip()
