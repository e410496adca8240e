"""The worked answers to the exercises quote numbers; each one is recomputed here from the course's schedules and
must appear in every language version of the lesson, so a number in an answer cannot drift from the mathematics."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from build_hooks.figures.schedules import make_schedule
from course_site import REPO, site_languages


def first_step(values: np.ndarray) -> int:
    """The first step t >= 1 at which the condition holds (values[t] is step t)."""
    return int(np.argmax(values[1:])) + 1


def lesson_2() -> dict[str, str]:
    a = make_schedule("linear").alpha_bar
    half = first_step(a < 0.5)
    tenth = first_step(np.sqrt(a) < 0.1)
    return {
        "first t with alpha_bar < 0.5": f"{half}", "alpha_bar there": f"{a[half]:.3f}",
        "alpha_bar at 1000": f"{a[1000]:.2e}".replace("e-05", "e-05"),
        "first t with signal weight < 0.1": f"{tenth}", "alpha_bar at that step": f"{a[tenth]:.5f}",
        "alpha_bar at 250": f"{a[250]:.3f}", "alpha_bar at 300": f"{a[300]:.3f}",
        "alpha_bar at 600": f"{a[600]:.3f}", "alpha_bar at 650": f"{a[650]:.3f}",
        "signal weight at 600": f"{np.sqrt(a[600]):.2f}", "signal weight at 650": f"{np.sqrt(a[650]):.2f}",
    }


def lesson_4() -> dict[str, str]:
    found = {}
    for name in ("linear", "cosine"):
        lam = make_schedule(name).log_snr
        found[f"{name} % below -5"] = f"{100 * np.mean(lam[1:] < -5):.1f}"
        found[f"{name} % above +5"] = f"{100 * np.mean(lam[1:] > 5):.1f}"
        found[f"{name} first step below -2"] = f"t = {first_step(lam < -2)}"
    for level in (5, 8, 6):
        side = math.ceil(math.exp(level / 2))
        assert 2 * math.log(side) >= level > 2 * math.log(side - 1)
        found[f"k at -{level}"] = f"k = {side}"
    found["2 log 13"] = f"{2 * math.log(13):.2f}"
    found["2 log 12"] = f"{2 * math.log(12):.2f}"
    found["e^2.5"] = f"{math.exp(2.5):.1f}"
    found["e^4"] = f"{math.exp(4):.1f}"
    found["e^3"] = f"{math.exp(3):.1f}"
    return found


def worked_answer(lang: str, name: str) -> str:
    text = (REPO / "docs" / lang / "lessons" / name).read_text(encoding="utf-8")
    match = re.search(r'^    \?\?\? answer "[^"]+"\n(.*)', text, re.MULTILINE | re.DOTALL)
    assert match, f"docs/{lang}/lessons/{name}: no worked answer ('??? answer' inside the exercise block)"
    return match.group(1)


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("name", "numbers"), [("02-diffusion-intuition.md", lesson_2), ("04-signal-to-noise.md", lesson_4)])
def test_worked_answer_numbers_match_the_schedules(lang: str, name: str, numbers) -> None:
    answer = worked_answer(lang, name)
    missing = {what: value for what, value in numbers().items() if value not in answer}
    assert not missing, f"docs/{lang}/lessons/{name}: worked answer lacks {missing}"
