"""The worked answers of Foundations 2, 3 and 4 quote numbers from simulations and from the linear schedule; each is
recomputed here and must appear in every language version of the lesson's worked answer."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures.schedules import make_schedule
from course_site import site_languages
from questions.test_worked_answers import worked_answer


def foundations_2() -> dict[str, str]:
    s = make_schedule("linear")
    ab, beta = s.alpha_bar, s.betas
    rng = np.random.default_rng(0)
    found = {}
    for t in (2, 10, 100, 500):
        prev = np.sqrt(ab[t - 1]) * 0.7 + np.sqrt(1 - ab[t - 1]) * rng.standard_normal(200_000)
        xt = np.sqrt(1 - beta[t]) * prev + np.sqrt(beta[t]) * rng.standard_normal(200_000)
        c1, c0 = np.polyfit(xt, prev, 1)
        slope = np.sqrt(1 - beta[t]) * (1 - ab[t - 1]) / (1 - ab[t])
        intercept = 0.7 * np.sqrt(ab[t - 1]) * beta[t] / (1 - ab[t])
        residual = np.var(prev - (c0 + c1 * xt))
        cells = [f"{c1:.4f}", f"{slope:.4f}", f"{c0:.4f}", f"{intercept:.4f}", f"{residual:.3e}",
                 f"{s.posterior_variance[t]:.3e}", f"{beta[t]:.3e}"]
        found[f"row t = {t}"] = f"| {t} | " + " | ".join(cells) + " |"
    return found


def foundations_3() -> dict[str, str]:
    s = make_schedule("linear")
    ab, beta = s.alpha_bar, s.betas
    rng = np.random.default_rng(0)
    x = 0.3 + np.sqrt(0.4) * rng.standard_normal(200_000)
    log_q = -0.5 * np.log(2 * np.pi * 0.4) - (x - 0.3) ** 2 / 0.8
    log_p = -0.5 * np.log(2 * np.pi * 0.9) - x**2 / 1.8
    closed = 0.5 * (0.4 / 0.9 - 1 + np.log(0.9 / 0.4) + 0.3**2 / 0.9)
    found = {"Monte Carlo KL": f"{np.mean(log_q - log_p):.4f}", "closed-form KL": f"{closed:.4f}"}
    t = np.arange(2, 1001)
    ho = beta[t] ** 2 / (2 * s.posterior_variance[t] * (1 - beta[t]) * (1 - ab[t]))
    snr = s.snr
    simple = 0.5 * (snr[t - 1] / snr[t] - 1)
    np.testing.assert_allclose(ho, simple, rtol=1e-9)
    for step in (2, 10, 100, 500):
        a, b = f"{ho[step - 2]:.4g}", f"{simple[step - 2]:.4g}"
        found[f"omega row t = {step}"] = f"| {step} | {a} | {b} |"
    w, steps = simple[:-1], t[:-1]
    found["share of t <= 100"] = f"{100 * w[steps <= 100].sum() / w.sum():.1f}%"
    found["simple loss share"] = f"{100 * np.mean(steps <= 100):.1f}%"
    return found


def langevin(tau: float, steps: int, record=()) -> tuple[float, dict[int, float]]:
    rng = np.random.default_rng(0)
    x, seen = np.zeros(40_000), {}
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            x = x + tau / 2 * (-x / 0.5) + np.sqrt(tau) * rng.standard_normal(x.size)
            if k in record:
                seen[k] = float(x.var())
    return float(x.var()), seen


def foundations_4() -> dict[str, str]:
    found = {}
    for tau in (0.01, 0.1, 0.4, 1.0):
        found[f"tau = {tau}"] = f"| {tau} | {langevin(tau, 300)[0]:.4f} | {0.5 / (1 - tau / 2):.4f} |"
    mantissa, exponent = f"{langevin(2.5, 300)[0]:.1e}".split("e+")
    found["tau = 2.5"] = f"${mantissa} \\times 10^{{{int(exponent)}}}$"
    found["growth per step"] = f"{(1 - 2.5) ** 2:.2f}"
    _, seen = langevin(0.01, 300, record=(10, 50, 300))
    stationary = 0.5 / (1 - 0.01 / 2)
    found["stationary"] = f"{stationary:.4f}"
    for k in (10, 50, 300):
        found[f"measured after {k}"] = f"{seen[k]:.4f}"
        found[f"exact after {k}"] = f"{stationary * (1 - 0.99 ** (2 * k)):.4f}"
    return found


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(
    ("name", "numbers"),
    [("02-bayes-reverse-step.md", foundations_2), ("03-variational-bound.md", foundations_3),
     ("04-scores-langevin.md", foundations_4)],
)
def test_foundations_worked_answer_numbers(lang: str, name: str, numbers) -> None:
    answer = " ".join(worked_answer(lang, f"../foundations/{name}").split())  # line breaks do not matter
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/foundations/{name}: worked answer lacks {missing}"
