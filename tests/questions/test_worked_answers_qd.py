"""Worked answers of lessons 9 and 10 and of Foundations 1: every number they quote is recomputed here (from the
course's schedules and built-in scenes) and must appear in every language version of the worked answer."""

from __future__ import annotations

import re

import numpy as np
import pytest

from build_hooks.figures.scenes import blocks
from build_hooks.figures.schedules import make_schedule
from course_site import REPO, site_languages
from questions.test_worked_answers import first_step, worked_answer


def lesson_9() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar
    img = np.asarray(blocks(128), dtype=np.float64)
    patches = img.reshape(16, 8, 16, 8, 3).transpose(4, 0, 2, 1, 3).reshape(-1, 64)
    _, s, vt = np.linalg.svd(patches, full_matrices=False)
    kept = np.cumsum(s**2) / np.sum(s**2)
    coords = patches @ vt[:4].T
    sd = coords.std(axis=0)
    scaled = sd / np.sqrt(np.mean(coords**2))
    found = {"first t with alpha_bar < 0.5": f"t = {first_step(a < 0.5)}"}
    for k, i in ((1, 0), (4, 3), (16, 15)):
        found[f"share kept by {k}"] = f"{kept[i]:.3f}"
        found[f"percent kept by {k}"] = f"{100 * kept[i]:.1f}%"
    found["first component's variance at k = 64"] = f" {64 * kept[0]:.0f}"
    found["0.795 x 64"] = f"{kept[0]:.3f} \\times 64"
    for j in range(4):
        found[f"sd {j + 1}"] = f"{sd[j]:.2f}"
        found[f"scaled sd {j + 1}"] = f"{scaled[j]:.2f}"
    found["first / fourth"] = f"{sd[0] / sd[3]:.1f}"
    return found


def lesson_10() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar

    def ddim(n: int) -> float:
        x, ts = 1.0, np.linspace(1000, 0, n + 1).round().astype(int)
        for t, s in zip(ts[:-1], ts[1:]):
            x0 = np.sqrt(a[t]) * 0.25 * x / (0.25 * a[t] + 1 - a[t])
            eps = (x - np.sqrt(a[t]) * x0) / np.sqrt(1 - a[t])
            x = np.sqrt(a[s]) * x0 + np.sqrt(1 - a[s]) * eps
        return float(x)

    exact = 0.5 / np.sqrt(0.25 * a[1000] + 1 - a[1000])
    found = {"exact end": f"{exact:.3f}"}
    errors = []
    for n in (5, 10, 20, 40):
        value = ddim(n)
        errors.append(exact - value)
        found[f"{n} steps end"] = f"| {value:.3f} "
        found[f"{n} steps error"] = f"| {exact - value:.3f} "
    for i in range(3):
        found[f"ratio {i}"] = f"| {errors[i] / errors[i + 1]:.2f} "
    found["spread at 5 steps"] = f"{ddim(5):.3f} / {exact:.3f}"
    return found


def foundations_1() -> dict[str, str]:
    rng = np.random.default_rng(1)
    betas = np.linspace(1e-4, 0.02, 1000)
    alpha_bar = make_schedule("linear").alpha_bar[1:]
    a = alpha_bar[299]
    x0 = rng.uniform(-1, 1, 100_000)
    x = x0.copy()
    for beta in betas[:300]:
        x = np.sqrt(1 - beta) * x + np.sqrt(beta) * rng.standard_normal(x.shape)
    xb = np.sqrt(a) * x0 + np.sqrt(1 - a) * rng.standard_normal(x0.shape)

    def share(ab, v0):
        return ab * v0 / (ab * v0 + 1 - ab)

    eps = rng.standard_normal(x0.shape)
    xd = x0.copy()
    coefficient = 0.0
    for beta in betas[:300]:
        xd = np.sqrt(1 - beta) * xd + np.sqrt(beta) * eps
        coefficient = np.sqrt(1 - beta) * coefficient + np.sqrt(beta)
    return {
        "alpha_bar at 300": f"{a:.3f}",
        "closed-form variance": f"= {a / 3 + 1 - a:.3f}",
        "chain mean": f"{x.mean():.3f}", "chain variance": f"{x.var():.3f}",
        "one-line mean": f"{xb.mean():.3f}", "one-line variance": f"{xb.var():.3f}",
        "share, v0 = 1/3": f"{100 * share(a, 1 / 3):.1f}%", "share, v0 = 1": f"{100 * share(a, 1.0):.1f}%",
        "first t below half, v0 = 1/3": f"t = {first_step(share(make_schedule('linear').alpha_bar, 1 / 3) < 0.5)}",
        "first t below half, v0 = 1": f"t = {first_step(share(make_schedule('linear').alpha_bar, 1.0) < 0.5)}",
        "reused-noise variance": f"{xd.var():.1f}",
        "noise coefficient": f"{coefficient:.1f}", "its square": f"{coefficient**2:.1f}",
        "1 - alpha_bar": f"= {1 - a:.3f}",
    }


def foundations_answer(lang: str, name: str) -> str:
    text = (REPO / "docs" / lang / "foundations" / name).read_text(encoding="utf-8")
    match = re.search(r'^    \?\?\? answer "[^"]+"\n(.*)', text, re.MULTILINE | re.DOTALL)
    assert match, f"docs/{lang}/foundations/{name}: no worked answer ('??? answer' inside the exercise block)"
    return match.group(1)


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("name", "numbers"), [("09-latent-diffusion.md", lesson_9), ("10-fewer-steps.md", lesson_10)])
def test_qd_worked_answer_numbers(lang: str, name: str, numbers) -> None:
    answer = worked_answer(lang, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/lessons/{name}: worked answer lacks {missing}"


@pytest.mark.parametrize("lang", site_languages())
def test_qd_foundations_1_worked_answer_numbers(lang: str) -> None:
    answer = foundations_answer(lang, "01-gaussians.md")
    missing = {what: value for what, value in foundations_1().items() if value not in answer}
    assert not missing, f"docs/{lang}/foundations/01-gaussians.md: worked answer lacks {missing}"
