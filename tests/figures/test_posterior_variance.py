"""β̃_t, the variance of q(x_{t−1} | x_t, x_0): the schedule figure's posterior_ratio curve and the kind reverse-posterior."""

from __future__ import annotations

import re

import numpy as np
import pytest

from build_hooks.figures import reverse_posterior as R
from build_hooks.figures.schedules import make_schedule

from .test_kinds_extra import alt_text, render


@pytest.mark.parametrize("name", ["linear", "cosine"])
def test_posterior_variance_is_prior_times_likelihood_on_a_grid(name: str) -> None:
    """Multiply q(x_{t−1} | x_0) by q(x_t | x_{t−1}) numerically; the product's variance is β̃_t."""
    s = make_schedule(name, 1000)
    x0 = 0.7
    for t in (2, 10, 100, 600):
        ab_prev, beta = float(s.alpha_bar[t - 1]), float(s.betas[t])
        xt = np.sqrt(s.alpha_bar[t]) * x0 + np.sqrt(1 - s.alpha_bar[t]) * 0.5  # a typical x_t for this x_0
        sd = np.sqrt(1 - ab_prev)
        grid = np.linspace(np.sqrt(ab_prev) * x0 - 8 * sd, np.sqrt(ab_prev) * x0 + 8 * sd, 200_001)
        log_post = -0.5 * (grid - np.sqrt(ab_prev) * x0) ** 2 / (1 - ab_prev) - 0.5 * (xt - np.sqrt(1 - beta) * grid) ** 2 / beta
        w = np.exp(log_post - log_post.max())
        w /= w.sum()
        mean = (w * grid).sum()
        var = (w * (grid - mean) ** 2).sum()
        assert var == pytest.approx(float(s.posterior_variance[t]), rel=1e-4)
        ab = float(s.alpha_bar[t])
        mu = np.sqrt(ab_prev) * beta / (1 - ab) * x0 + np.sqrt(1 - beta) * (1 - ab_prev) / (1 - ab) * xt
        assert mean == pytest.approx(mu, abs=1e-6)


def test_posterior_variance_ends() -> None:
    s = make_schedule("linear", 1000)
    assert s.posterior_variance[1] == 0.0  # x_0 is known, so x_0 = x_{t−1} is certain at t = 1
    assert s.posterior_variance[1000] == pytest.approx(s.betas[1000], rel=1e-4)


def test_ratio_figure_marks_where_the_ratio_reaches_the_level() -> None:
    out = render("kind: schedule\ncurve: posterior_ratio\nmark: 0.99\ncaption: c\n")
    alt = alt_text(out.html["en"])
    for name, where in (("linear", "168"), ("cosine", "186")):
        s = make_schedule(name, 1000)
        ratio = s.posterior_variance[1:] / s.betas[1:]
        first = int(np.argmax(ratio >= 0.99)) + 1
        assert str(first) == where
        assert f"{name} crosses 0.99 at t ≈ {where}" in alt
    assert "from 1 to 1000" in alt
    # both crossings sit close together on the log axis: one shared label, no overprinting
    assert "t ≈ 168, 186" in out.html["en"]
    assert "로그 눈금" in out.html["ko"]


def _panel_numbers(alt: str, t: int) -> dict[str, float]:
    part = alt.split(f"t = {t}, x_t = ", 1)[1].split(";  ")[0]
    keys = ("prior_mean", "prior_var", "lik", "lik_var", "mean", "var", "grid_mean", "grid_var")
    values = re.findall(r"(?:mean|centre|variance) (−?[0-9.]+(?:e−\d+)?)", part)[: len(keys)]
    return {k: float(v.replace("−", "-")) for k, v in zip(keys, values)}


def test_reverse_posterior_alt_gives_closed_form_and_grid_numbers_that_agree() -> None:
    out = render("kind: reverse-posterior\ntimesteps: [2, 10, 100]\nx0: 0.5\nnoise: 1.0\ncaption: c\n")
    alt = alt_text(out.html["en"])
    s = make_schedule("linear", 1000)
    for t in (2, 10, 100):
        got = _panel_numbers(alt, t)
        assert got["var"] == pytest.approx(float(s.posterior_variance[t]), rel=1e-3)
        assert got["grid_var"] == pytest.approx(got["var"], rel=1e-3)
        assert got["grid_mean"] == pytest.approx(got["mean"], abs=1e-4)
        assert got["prior_var"] == pytest.approx(1 - float(s.alpha_bar[t - 1]), rel=1e-3)
    assert alt.count("largest gap 0.00% of the peak") == 3
    assert "사후 분포" in alt_text(out.html["ko"])
    # three panels, each with prior, likelihood and posterior curves, and the grid product as dots
    assert out.html["en"].count('stroke-width="2"') >= 9 and out.html["en"].count("h0") > 30


def test_reverse_posterior_grid_check_can_fail() -> None:
    """The grid product is independent of the closed form: a wrong β̃ would show as a gap."""
    s = make_schedule("linear", 1000)
    step = R.step(s, 10, 0.5, 1.0)
    xs = np.linspace(*R.window(step), 4001)
    grid = R.grid_posterior(step, xs, 1.0 - float(s.betas[10]))
    wrong = R.gaussian(xs, step.posterior[0], float(s.betas[10]))  # β_t instead of β̃_t
    assert np.max(np.abs(grid - wrong)) / grid.max() > 0.05
    assert np.max(np.abs(grid - R.gaussian(xs, *step.posterior))) / grid.max() < 1e-6




def test_reverse_posterior_default_timesteps_follow_T() -> None:
    alt = alt_text(render("kind: reverse-posterior\nT: 50\ncaption: c\n").html["en"])
    assert [int(t) for t in re.findall(r"t = (\d+), x_t", alt)] == [2, 5]
