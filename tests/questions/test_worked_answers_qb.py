"""Numbers quoted in the worked answers of lessons 6 to 8, recomputed here and looked for in every language version."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures.schedules import make_schedule
from course_site import site_languages
from questions.test_worked_answers import worked_answer


def lesson_6() -> dict[str, str]:
    alpha_bar = make_schedule("linear").alpha_bar
    rng = np.random.default_rng(0)
    x0 = rng.normal(0, 0.5, 100_000)
    eps = rng.standard_normal(100_000)
    found = {}
    for t in (100, 250, 500):
        a = alpha_bar[t]
        x_t = np.sqrt(a) * x0 + np.sqrt(1 - a) * eps
        v = np.sqrt(a) * eps - np.sqrt(1 - a) * x0
        guesses = {"ideal": np.sqrt(a) * 0.25 * x_t / (a * 0.25 + 1 - a), "zero": 0 * x_t}
        for name, x0_hat in guesses.items():
            eps_hat = (x_t - np.sqrt(a) * x0_hat) / np.sqrt(1 - a)
            v_hat = np.sqrt(a) * eps_hat - np.sqrt(1 - a) * x0_hat
            e_x, e_e, e_v = (np.mean((p - q) ** 2) for p, q in ((x0_hat, x0), (eps_hat, eps), (v_hat, v)))
            if name == "ideal" or t == 100:
                found[f"{name} t={t} x0 error"] = f"{e_x:.4f}"
                found[f"{name} t={t} eps error"] = f"{e_e:.4f}"
                found[f"{name} t={t} v error"] = f"{e_v:.4f}"
            snr = a / (1 - a)
            assert abs(e_e / e_x - snr) < 1e-9 * snr and abs(e_v / e_x - (1 + snr)) < 1e-9 * (1 + snr)
            found[f"{name} t={t} eps ratio"] = f"{e_e / e_x:.4f}"
            found[f"t={t} SNR"] = f"{snr:.4f}"
            found[f"{name} t={t} v ratio"] = f"{e_v / e_x:.4f}"
    found["rounded x0 error at 100"] = f"{found['ideal t=100 x0 error'][:5]}"
    return found


def lesson_7() -> dict[str, str]:
    points = np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]], float)
    abar = make_schedule("linear").alpha_bar  # abar[0] = 1

    def denoise(x: np.ndarray, a: float) -> np.ndarray:
        d = ((x[:, None, :] - np.sqrt(a) * points) ** 2).sum(-1) / (2 * (1 - a))
        w = np.exp(-(d - d.min(1, keepdims=True)))
        return (w / w.sum(1, keepdims=True)) @ points

    def ddim(x: np.ndarray, steps: int, eta: float, rng: np.random.Generator) -> np.ndarray:
        dt = 1000 // steps
        for t in range(1000, 0, -dt):
            a, a_prev = abar[t], abar[t - dt]
            x0 = denoise(x, a)
            eps = (x - np.sqrt(a) * x0) / np.sqrt(1 - a)
            sigma = eta * np.sqrt((1 - a_prev) / (1 - a) * (1 - a / a_prev))
            x = np.sqrt(a_prev) * x0 + np.sqrt(1 - a_prev - sigma**2) * eps + sigma * rng.standard_normal(x.shape)
        return x

    rng = np.random.default_rng(0)
    start = rng.standard_normal((1000, 2))
    runs = {(s, 0): ddim(start, s, 0.0, rng) for s in (50, 20, 10)}
    runs[(50, 1)] = ddim(start, 50, 1.0, rng)

    def nearest(x: np.ndarray) -> np.ndarray:
        return np.linalg.norm(x[:, None] - points, axis=-1).argmin(1)

    found = {}
    for (steps, eta), x in runs.items():
        dist = np.linalg.norm(x[:, None] - points, axis=-1).min(1)
        cells = (f"{dist.max():.3f}", f"{100 * np.mean(dist > 0.01):.1f}%",
                 f"{100 * np.mean(nearest(x) == nearest(runs[(50, 0)])):.1f}%")
        found[f"{steps} steps, eta {eta}: table row"] = f"$\\eta = {eta}$ | " + " | ".join(cells) + " |"
    return found


def lesson_8() -> dict[str, str]:
    from build_hooks.figures import gmm2d

    found = {}
    mix = gmm2d.default_mixture()
    means = np.array([gmm2d.class_moments(mix, c)[0] for c in mix.classes])
    for w in (0, 1, 3, 7):  # the guidance figure's own samples (ddim, 100 steps, 400 samples, seed 0)
        x, labels = gmm2d.guided_samples(mix, make_schedule("linear"), w=w, n=400, sampler="ddim", steps=100, seed=0)
        d = np.linalg.norm(x[:, None] - means, axis=-1)
        own = d[np.arange(len(x)), labels]
        d[np.arange(len(x)), labels] = np.inf
        assert not np.any(d.min(1) < own), "the worked answer says no sample is closer to another class's centre"
        found[f"w={w} closest margin"] = f"{(d.min(1) - own).min():.2f}"
        found[f"w={w} spread"] = f"{gmm2d.class_spread(x, labels):.2f}"
    grid = np.linspace(-6, 6, 120_001)

    def pdf(m: float) -> np.ndarray:
        return np.exp(-((grid - m) ** 2) / (2 * 0.8**2))

    for w in (0, 1, 3, 7):
        p = pdf(1) * (pdf(1) / (pdf(1) + pdf(-1))) ** w
        p /= p.sum()
        mean = (p * grid).sum()
        sd = np.sqrt((p * (grid - mean) ** 2).sum())
        share = 100 * p[grid < 0].sum()
        share_text = f"{share:.1f}%" if share >= 1 else f"{share:.2f}%"
        found[f"w={w} target row"] = f"| {w} | {mean:.2f} | {sd:.2f} | {share_text} |"
    found["s=7.5 as w"] = f"$w = {7.5 - 1:g}$"
    found["w=0.3 as s"] = f"$s = {0.3 + 1:g}$"
    return found


LESSONS = [
    ("06-training-objective.md", lesson_6),
    ("07-sampling-ddpm-ddim.md", lesson_7),
    ("08-guidance.md", lesson_8),
]


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("name", "numbers"), LESSONS)
def test_worked_answer_numbers_match_the_schedules(lang: str, name: str, numbers) -> None:
    answer = worked_answer(lang, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/lessons/{name}: worked answer lacks {missing}"
