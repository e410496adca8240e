"""Radially averaged power spectra, and where the noise overtakes the signal.

Frequencies are in cycles per image side (1 .. N/2). Power is |FFT|² / (H·W), so white noise with
variance σ² has an expected flat spectrum of σ² — the scaled noise √(1−ᾱ_t) ε sits at 1 − ᾱ_t.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def radial_power_spectrum(image: npt.NDArray[np.floating]) -> tuple[FloatArray, FloatArray]:
    """(frequencies, mean power) over integer radius rings 1..min(H, W)//2 of a grey version of `image`."""
    grey = image.mean(axis=-1) if image.ndim == 3 else image
    grey = grey.astype(np.float64) - float(grey.mean())  # the DC term says nothing about structure
    h, w = grey.shape
    power = np.abs(np.fft.fft2(grey)) ** 2 / (h * w)
    fy = np.fft.fftfreq(h) * h
    fx = np.fft.fftfreq(w) * w
    radius = np.rint(np.hypot(fy[:, None], fx[None, :])).astype(int)
    n_bins = min(h, w) // 2
    sums = np.bincount(radius.ravel(), weights=power.ravel(), minlength=n_bins + 1)
    counts = np.bincount(radius.ravel(), minlength=n_bins + 1)
    freqs = np.arange(1, n_bins + 1, dtype=np.float64)
    return freqs, sums[1 : n_bins + 1] / counts[1 : n_bins + 1]


def crossover_frequency(freqs: FloatArray, signal: FloatArray, noise: FloatArray) -> float | None:
    """Lowest frequency whose noise power reaches the signal power (None: the signal wins everywhere).

    Natural images lose power with frequency while white noise is flat, so above this ring the noise
    mostly dominates (a strong fine texture can still poke through: that shows in the plot).
    """
    above = np.nonzero(noise >= signal)[0]
    return float(freqs[int(above[0])]) if len(above) else None
