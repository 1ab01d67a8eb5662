"""Power spectrum of a signal (e.g. a group's mean activity per iteration), with numpy's FFT."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Spectrum", "power_spectrum"]


@dataclass(frozen=True)
class Spectrum:
    """One-sided power spectrum: ``power[k]`` at ``freqs[k]`` (per iteration, or Hz with ``dt``).

    ``n_nan``: samples that were NaN in the signal (they are replaced by the mean before the FFT,
    so one bad sample does not blank the spectrum).
    """

    freqs: np.ndarray
    power: np.ndarray
    n_nan: int

    @property
    def peak(self) -> float:
        """Frequency of the largest power above zero frequency (NaN for fewer than 4 samples)."""
        if self.power.size < 3:
            return float("nan")
        k = 1 + int(np.argmax(self.power[1:]))
        return float(self.freqs[k])


def power_spectrum(signal: np.ndarray, dt: float | None = None, detrend: bool = True) -> Spectrum:
    """Power spectrum of a 1-D signal sampled once per iteration (every ``dt`` seconds if given).

    The mean (and with ``detrend`` a linear trend) is removed and a Hann window applied before
    ``numpy.fft.rfft``; the power is ``|X|^2`` normalised by the window's energy.
    """
    x = np.asarray(signal, dtype=np.float64)
    if x.ndim != 1:
        raise ValueError(f"signal must be 1-D, got shape {x.shape}")
    step = 1.0 if dt is None or not dt else float(dt)
    if not step > 0:
        raise ValueError(f"dt must be positive, got {dt}")
    bad = ~np.isfinite(x)
    n_nan = int(bad.sum())
    if x.size < 4:
        return Spectrum(np.zeros(0), np.zeros(0), n_nan)
    if n_nan:
        x = x.copy()
        x[bad] = x[~bad].mean() if n_nan < x.size else 0.0
    t = np.arange(x.size, dtype=np.float64)
    if detrend:
        slope, icept = np.polyfit(t, x, 1)
        x = x - (slope * t + icept)
    else:
        x = x - x.mean()
    window = np.hanning(x.size)
    spec = np.fft.rfft(x * window)
    power = (spec.real**2 + spec.imag**2) / float(np.sum(window**2))
    return Spectrum(np.fft.rfftfreq(x.size, d=step), power, n_nan)
