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


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("name", "numbers"), [("09-latent-diffusion.md", lesson_9), ("10-fewer-steps.md", lesson_10)])
def test_qd_worked_answer_numbers(lang: str, name: str, numbers) -> None:
    answer = worked_answer(lang, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/lessons/{name}: worked answer lacks {missing}"
