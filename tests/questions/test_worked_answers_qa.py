"""Worked answers of lessons 1, 3 and 5: every number they quote is recomputed here and must appear in every
language version, as test_worked_answers.py does for lessons 2 and 4."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures.schedules import make_schedule
from course_site import site_languages
from questions.test_worked_answers import first_step, worked_answer


def minus(value: float) -> str:
    """Tables in the answers print a negative number with a true minus sign."""
    return f"{value:.2f}".replace("-", "\u2212")


def lesson_1() -> dict[str, str]:
    # The exercise's toy data, drawn in the same order as the answer's code.
    rng = np.random.default_rng(0)

    def draw(n: int) -> np.ndarray:
        centres = rng.choice([-2.0, 2.0], size=n)
        return np.stack([centres, np.zeros(n)], axis=1) + 0.5 * rng.standard_normal((n, 2))

    train, test = draw(20), draw(1000)

    def mean_log_p(x: np.ndarray, centres: np.ndarray, sigma: float, weights: float) -> float:
        d2 = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
        logs = -d2 / (2 * sigma**2) - np.log(2 * np.pi * sigma**2)
        return float(np.mean(np.log(np.exp(logs - logs.max(1, keepdims=True)).sum(1) * weights) + logs.max(1)))

    found = {}
    sigmas = (0.01, 0.1, 0.3, 0.5, 1, 2)
    train_scores = [mean_log_p(train, train, s, 1 / 20) for s in sigmas]
    test_scores = [mean_log_p(test, train, s, 1 / 20) for s in sigmas]
    for sigma, on_train, on_test in zip(sigmas, train_scores, test_scores):
        found[f"sigma {sigma}"] = f"| {sigma} | {minus(on_train)} | {minus(on_test)} |"
    assert sigmas[int(np.argmax(train_scores))] == 0.01, "the answer says the smallest sigma wins on training points"
    assert sigmas[int(np.argmax(test_scores))] == 0.5, "the answer says 0.5 wins on test points"
    assert sorted(test_scores)[-2] == test_scores[sigmas.index(0.3)], "the answer says 0.3 comes second"
    found["own-bump score at 0.01"] = minus(-np.log(20 * 2 * np.pi * 0.01**2))
    found["true mixture on test"] = minus(mean_log_p(test, np.array([[-2.0, 0.0], [2.0, 0.0]]), 0.5, 1 / 2))
    return found


def lesson_3() -> dict[str, str]:
    linear = make_schedule("linear")
    a = linear.alpha_bar
    # The exercise's Monte Carlo run, drawn in the same order as the answer's code so the digits match.
    rng = np.random.default_rng(0)
    x = np.full(100_000, 0.8)
    for beta in linear.betas[1:501]:
        x = np.sqrt(1 - beta) * x + np.sqrt(beta) * rng.standard_normal(x.size)
    found = {
        "alpha_bar at 500": f"{a[500]:.4f}",
        "closed-form mean": f"{np.sqrt(a[500]) * 0.8:.3f}", "closed-form variance": f"{1 - a[500]:.3f}",
        "sample mean": f"{x.mean():.3f}", "sample variance": f"{x.var():.3f}",
        "standard error of the mean": f"{np.sqrt(x.var() / x.size):.3f}",
        "standard error of the variance": f"{x.var() * np.sqrt(2 / (x.size - 1)):.3f}",
    }
    for name in ("linear", "cosine"):
        alpha_bar = make_schedule(name).alpha_bar
        tenth = first_step(alpha_bar < 0.1)
        found[f"{name} first below 0.5"] = f"{first_step(alpha_bar < 0.5)}"
        found[f"{name} first below 0.1"] = f"{tenth}"
        found[f"{name} steps below 0.1"] = f"{1000 - tenth + 1}"
    assert abs(x.mean() - np.sqrt(a[500]) * 0.8) < 2 * np.sqrt(x.var() / x.size), "the answer says: within two standard errors"
    assert abs(x.var() - (1 - a[500])) < 2 * x.var() * np.sqrt(2 / (x.size - 1)), "the answer says: within two standard errors"
    return found


def lesson_5() -> dict[str, str]:
    snr = make_schedule("linear").snr
    k = np.fft.fftfreq(128) * 128
    mag = np.hypot(*np.meshgrid(k, k))
    mag = mag[mag > 0]
    found = {}
    for a in (1, 2, 3, 0.8):
        C = 128**2 * 0.25 / np.sum(mag ** -a)
        fc = np.full_like(snr, np.inf)
        fc[1:] = (C * snr[1:]) ** (1 / a)
        t32, t2 = first_step(fc < 32), first_step(fc < 2)
        found[f"alpha {a}: drop in log-SNR"] = f"{a * np.log(16):.2f}"
        if a == 0.8:
            found["alpha 0.8: steps"] = f"{t2 - t32}"
            found["alpha 0.8: first below 32"] = f"t = {t32}"
            found["alpha 0.8: first below 2"] = f" {t2}"
        else:
            found[f"alpha {a}: row"] = f"| {a} | {C:.2f} | t = {t32} | t = {t2} | {t2 - t32} |"
    return found


LESSONS = [("01-what-a-generative-model-learns.md", lesson_1), ("03-forward-process.md", lesson_3),
           ("05-spectral-view.md", lesson_5)]


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("name", "numbers"), LESSONS)
def test_worked_answer_numbers_match_the_course(lang: str, name: str, numbers) -> None:
    answer = worked_answer(lang, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/lessons/{name}: worked answer lacks {missing}"
