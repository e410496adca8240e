"""Numbers the lessons' prose and question explanations quote, recomputed from the course's schedules; each must
appear, as written, in every language version of its lesson. (The worked answers have their own table in
test_worked_answers.py.)"""

from __future__ import annotations

import math

import numpy as np
import pytest

from build_hooks.figures.schedules import make_schedule
from course_site import REPO, site_languages

S = 0.008  # the cosine schedule's offset


def first_below(values: np.ndarray, level: float) -> int:
    """The first step t >= 1 with values[t] < level."""
    return int(np.argmax(values[1:] < level)) + 1


def cosine_crossing(alpha_bar: float) -> float:
    """The (fractional) t at which the cosine formula's ᾱ equals alpha_bar, T = 1000."""
    u = np.arccos(math.sqrt(alpha_bar) * math.cos(S / (1 + S) * math.pi / 2)) * 2 / math.pi * (1 + S) - S
    return 1000 * float(u)


def foundations_2() -> dict[str, str]:
    s = make_schedule("linear")
    ab, beta, t, v0 = s.alpha_bar, s.betas, 250, 0.25
    var_x0 = 1 / (1 / v0 + ab[t] / (1 - ab[t]))
    coefficient = math.sqrt(ab[t - 1]) * beta[t] / (1 - ab[t])
    exact = s.posterior_variance[t] + coefficient**2 * var_x0
    assert s.posterior_variance[t] < exact < beta[t]
    unit = s.posterior_variance[t] + coefficient**2 / (1 + ab[t] / (1 - ab[t]))
    assert unit == pytest.approx(beta[t], rel=1e-12), "unit-variance data give exactly β_t"
    return {"exact variance": f"{exact:.6f}", "β̃_250": f"{s.posterior_variance[t]:.6f}", "β_250": f"{beta[t]:.6f}"}


def foundations_3() -> dict[str, str]:
    cosine = make_schedule("cosine")
    ab = cosine.alpha_bar
    omega_T = 0.5 * ((ab[999] / (1 - ab[999])) / (ab[1000] / (1 - ab[1000])) - 1)
    assert cosine.betas[1000] == 0.999, "the cap is what holds β_T below 1"
    assert math.cos((1 + S) / (1 + S) * math.pi / 2) == pytest.approx(0, abs=1e-15)  # uncapped, ᾱ_T = 0: β_T = 1
    assert 0.5 * (4 / 3.2 - 1) == 0.5 * 0.8 / 3.2 == 0.125
    return {"ω_T": f"\\omega_T \\approx {omega_T:.1f}"}


def lesson_3() -> dict[str, str]:
    cosine, linear = make_schedule("cosine"), make_schedule("linear")
    amplitude = np.sqrt(cosine.alpha_bar)
    step = first_below(amplitude, 0.5)
    assert step == 665 and amplitude[664] >= 0.5
    return {"crossing": f"{cosine_crossing(0.25):.2f}", "amplitude at 664": f"{amplitude[664]:.5f}",
            "linear": f"t = {first_below(np.sqrt(linear.alpha_bar), 0.5)}"}


def lesson_4() -> dict[str, str]:
    cosine, linear = make_schedule("cosine"), make_schedule("linear")
    level = 1 / (1 + math.e**3)
    first = first_below(cosine.log_snr, -3)
    return {"ᾱ level": f"{level:.4f}", "crossing": f"{cosine_crossing(level):.1f}", "first step": f"{first}",
            "count": f"{1001 - first}", "linear count": f"{int(np.count_nonzero(linear.log_snr[1:] < -3))}"}


def lesson_5() -> dict[str, str]:
    threshold = math.log(139 / 16)
    return {"threshold": f"{threshold:.3f}", "ᾱ": f"{1 / (1 + 139 / 16):.4f}",
            "per octave": f"{2 * math.log(2):.2f}"}


def lesson_6() -> dict[str, str]:
    linear = make_schedule("linear")
    first = first_below(linear.log_snr, -math.log(10))
    assert 1000 - first + 1 > 500, "about half of the schedule lies beyond it"
    return {"ᾱ": f"{1 / 11:.4f}", "ln 10": f"{math.log(10):.2f}"}


def lesson_7() -> dict[str, str]:
    linear = make_schedule("linear")
    ratio = linear.posterior_variance[1:] / linear.betas[1:]
    step = int(np.argmax(ratio >= 0.99)) + 1
    assert np.all(ratio[step - 1:] >= 0.99)
    return {"ratio passes 0.99": f"$t = {step}$"}


def lesson_9() -> dict[str, str]:
    linear = make_schedule("linear")
    shifted, unit = first_below(linear.log_snr, -math.log(4)), first_below(linear.log_snr, 0)
    assert round((shifted - unit) / 10) * 10 == 140
    return {"ln 4": f"{math.log(4):.3f}"}


def lesson_10() -> dict[str, str]:
    cosine = make_schedule("cosine")
    sigma = np.sqrt((1 - cosine.alpha_bar) / cosine.alpha_bar)
    first = first_below(cosine.log_snr, -math.log(100))
    assert sigma[first] > 10 > sigma[first - 1]
    return {"crossing": f"{cosine_crossing(1 / 101):.2f}", "σ one step earlier": f"{sigma[first - 1]:.2f}",
            "steps above 10": f"{1000 - first + 1}"}


CASES = [
    ("foundations", "02-bayes-reverse-step.md", foundations_2),
    ("foundations", "03-variational-bound.md", foundations_3),
    ("lessons", "03-forward-process.md", lesson_3),
    ("lessons", "04-signal-to-noise.md", lesson_4),
    ("lessons", "05-spectral-view.md", lesson_5),
    ("lessons", "06-training-objective.md", lesson_6),
    ("lessons", "07-sampling-ddpm-ddim.md", lesson_7),
    ("lessons", "09-latent-diffusion.md", lesson_9),
    ("lessons", "10-fewer-steps.md", lesson_10),
]


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize(("folder", "name", "numbers"), CASES, ids=[f"{folder}/{name}" for folder, name, _ in CASES])
def test_quoted_numbers_match_the_course(lang: str, folder: str, name: str, numbers) -> None:
    text = " ".join((REPO / "docs" / lang / folder / name).read_text(encoding="utf-8").split())
    missing = {what: value for what, value in numbers().items() if value not in text}
    assert not missing, f"docs/{lang}/{folder}/{name}: lacks {missing}"
