"""β̃_t, the variance of q(x_{t−1} | x_t, x_0), and the schedule figure's posterior_ratio curve."""

from __future__ import annotations

import numpy as np
import pytest

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
