"""The spectrum figure marks where noise overtakes the image *in x_t*, where the signal is scaled by √ᾱ_t."""

from __future__ import annotations

import numpy as np
import pytest

from build_hooks.figures.forward import noise_like
from coursekit.figures.images import load
from coursekit.figures.pipeline import compute
from build_hooks.figures.schedules import make_schedule
from coursekit.figures.spec import parse
from build_hooks.figures.spectrum import radial_power_spectrum

SPEC = "kind: spectrum\nimage: scene:blocks\ntimesteps: [50, 250, 500, 750]\nsize: 64\nseed: 3\ncaption: CAP\n"


def test_each_marked_crossover_is_the_first_frequency_where_noise_beats_the_scaled_signal() -> None:
    spec = parse(SPEC)
    data = compute(spec, ()).data
    schedule = make_schedule("linear", 1000)
    # Recompute from scratch: the two components of x_t = √ᾱ x_0 + √(1−ᾱ) ε, each with its own scale.
    x0 = load("scene:blocks", (), 64)
    freqs, image_power = radial_power_spectrum(x0)
    _, noise_power = radial_power_spectrum(noise_like(x0, 3))
    for row in data["noise"]:
        alpha_bar = float(schedule.alpha_bar[row["t"]])
        beats = (1 - alpha_bar) * noise_power >= alpha_bar * image_power
        assert beats.any()
        assert row["crossover"] == pytest.approx(float(freqs[np.argmax(beats)]), rel=1e-3), row["t"]
    crossings = [row["crossover"] for row in data["noise"]]
    assert crossings == sorted(crossings, reverse=True) and crossings[0] > crossings[-1]


def test_the_plotted_noise_level_is_one_over_snr() -> None:
    data = compute(parse(SPEC), ()).data
    schedule = make_schedule("linear", 1000)
    levels = [np.mean(row["power"]) / (1 / float(schedule.snr[row["t"]])) for row in data["noise"]]
    assert max(levels) / min(levels) == pytest.approx(1.0, rel=0.05)  # same white noise, only its scale changes
