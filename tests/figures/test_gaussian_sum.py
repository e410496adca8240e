"""Kind gaussian-sum and its numerics: samples run through the chain step by step match the closed form of x_t."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from build_hooks.figures import gaussian_sums as G
from coursekit.figures.registry import kinds
from build_hooks.figures.schedules import make_schedule

from .test_kinds_extra import alt_text, render

MIX = G.Mixture1D((-0.8, 0.8), 0.2)


def test_marginal_density_is_a_density_with_the_closed_form_moments() -> None:
    xs = np.linspace(-12, 12, 24001)
    for ab in (1.0, 0.7, 0.2, 1e-4):
        f = G.marginal_density(xs, MIX, ab)
        mass = np.trapezoid(f, xs)
        mean = np.trapezoid(xs * f, xs)
        var = np.trapezoid((xs - mean) ** 2 * f, xs)
        assert mass == pytest.approx(1.0, abs=1e-9)
        assert (mean, var) == pytest.approx(G.marginal_moments(MIX, ab), abs=1e-9)
    # the data variance is the centres' spread plus the components' own: 0.64 + 0.04
    assert MIX.variance == pytest.approx(0.68)


def test_bin_probabilities_match_the_normal_cdf_for_one_component() -> None:
    one = G.Mixture1D((0.5,), 0.3)
    ab = 0.6
    sd = math.sqrt(ab * 0.09 + 1 - ab)
    edges = np.linspace(-3, 3, 25)
    cdf = [0.5 * (1 + math.erf((e - math.sqrt(ab) * 0.5) / (sd * math.sqrt(2)))) for e in edges]
    assert G.bin_probabilities(edges, one, ab) == pytest.approx(np.diff(cdf), abs=1e-10)


def test_a_thousand_single_steps_land_on_the_closed_form() -> None:
    schedule = make_schedule("linear", 1000)
    rng = np.random.default_rng(3)
    x0 = G.sample_data(MIX, 200_000, rng)
    states = G.iterate_forward(x0, schedule, [0, 300, 1000], rng)
    assert sorted(states) == [0, 300, 1000]
    for t, x in states.items():
        mean, var = G.marginal_moments(MIX, float(schedule.alpha_bar[t]))
        # 200k samples: the standard error of the variance is about 0.003
        assert x.mean() == pytest.approx(mean, abs=0.01)
        assert x.var() == pytest.approx(var, abs=0.012)


def _tv(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"closed form (\d\.\d+)", text)]


def test_alt_text_gives_alpha_bar_variances_and_a_small_histogram_gap() -> None:
    out = render("kind: gaussian-sum\ntimesteps: [0, 250, 1000]\nsamples: 20000\ncaption: c\n")
    alt = alt_text(out.html["en"])
    assert "ᾱ_t = 0.524" in alt and "ᾱ_t = 0.00004" in alt
    assert "variance 0.680" in alt and "closed form mean 0.000, variance 0.832" in alt
    gaps = _tv(alt)
    assert len(gaps) == 3 and max(gaps) < 0.03
    assert "총변동 거리" in alt_text(out.html["ko"])
    # three panels, each a histogram polyline and a density curve
    assert out.html["en"].count('stroke-width="2"') >= 6
    assert render("kind: gaussian-sum\ntimesteps: [0, 250, 1000]\nsamples: 20000\ncaption: c\n").html == out.html


def test_the_gap_statistic_catches_a_wrong_closed_form() -> None:
    # Forgetting that the data variance is scaled by ᾱ (using Var(x_0) + 1 − ᾱ) must show as a large gap.
    schedule = make_schedule("linear", 1000)
    rng = np.random.default_rng(0)
    x = G.iterate_forward(G.sample_data(MIX, 20_000, rng), schedule, [250], rng)[250]
    edges, dens = G.histogram_density(x, -3.5, 3.5, 48)
    seen = dens * (edges[1] - edges[0])
    ab = float(schedule.alpha_bar[250])
    right = 0.5 * np.abs(seen - G.bin_probabilities(edges, MIX, ab)).sum()
    wrong_mix = G.Mixture1D(MIX.centres, math.sqrt(MIX.spread**2 + (1 - ab) * (1 / ab - 1)))
    wrong = 0.5 * np.abs(seen - G.bin_probabilities(edges, wrong_mix, ab)).sum()
    assert right < 0.03 < wrong




def test_registered() -> None:
    assert "gaussian-sum" in kinds()


def test_default_timesteps_follow_T() -> None:
    """Defaults are fractions of T, so a short chain with no timesteps key still renders."""
    alt = alt_text(render("kind: gaussian-sum\nT: 40\nsamples: 1000\ncaption: c\n").html["en"])
    assert [int(t) for t in re.findall(r"t = (\d+) \(", alt)] == [0, 2, 10, 40]
