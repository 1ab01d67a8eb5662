"""Firing rates: the population rate over time and the distribution of per-neuron rates."""

from __future__ import annotations

import numpy as np

__all__ = ["population_rate", "neuron_rates", "raster_rates", "rate_histogram"]


def _scale(dt: float | None) -> float:
    """Factor from spikes per iteration to the reported unit (Hz with a time step, else per iteration)."""
    if dt is None or not dt:
        return 1.0
    if not dt > 0:
        raise ValueError(f"dt must be positive, got {dt}")
    return 1.0 / float(dt)


def population_rate(
    counts: np.ndarray, n_neurons: int, bin_width: int = 1, dt: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Mean rate per neuron in consecutive bins of ``bin_width`` samples.

    ``counts``: spikes of the whole group per sample (one sample per iteration). Returns
    ``(bin_starts, rates)``: the sample index each bin starts at and spikes / neuron / iteration
    (or Hz with ``dt`` in seconds). A last, partial bin is dropped. NaN counts stay NaN.
    """
    if n_neurons < 1:
        raise ValueError(f"n_neurons must be at least 1, got {n_neurons}")
    if bin_width < 1:
        raise ValueError(f"bin_width must be at least 1, got {bin_width}")
    c = np.asarray(counts, dtype=np.float64).ravel()
    nb = c.size // bin_width
    binned = c[: nb * bin_width].reshape(nb, bin_width).mean(axis=1) if nb else np.zeros(0)
    return np.arange(nb) * bin_width, binned / n_neurons * _scale(dt)


def neuron_rates(ids: np.ndarray, n_neurons: int, duration: float, dt: float | None = None) -> np.ndarray:
    """Rate of each neuron: its spike count over ``duration`` iterations (Hz with ``dt``)."""
    if not duration > 0:
        raise ValueError(f"duration must be positive, got {duration}")
    i = np.asarray(ids, dtype=np.int64).ravel()
    if i.size and (int(i.min()) < 0 or int(i.max()) >= n_neurons):
        raise ValueError(f"neuron ids must lie in 0..{n_neurons - 1}")
    return np.bincount(i, minlength=n_neurons) / float(duration) * _scale(dt)


def raster_rates(raster: np.ndarray, dt: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(counts, rates)`` of a boolean ``(samples, neurons)`` raster: spikes of the group per sample,
    and each neuron's rate over all the samples (per iteration, or Hz with ``dt``)."""
    r = np.asarray(raster)
    if r.ndim != 2:
        raise ValueError(f"raster must be (samples, neurons), got shape {r.shape}")
    counts = np.count_nonzero(r, axis=1).astype(np.int64)
    per_neuron = np.count_nonzero(r, axis=0) / float(max(1, r.shape[0]))
    return counts, per_neuron * _scale(dt)


def rate_histogram(rates: np.ndarray, bins: int = 30) -> tuple[np.ndarray, np.ndarray, int]:
    """``(edges, counts, n_nan)``: histogram of the finite rates from 0 to the largest one; NaN
    rates are counted, not binned."""
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    r = np.asarray(rates, dtype=np.float64).ravel()
    finite = r[np.isfinite(r)]
    top = float(finite.max()) if finite.size else 1.0
    counts, edges = np.histogram(finite, bins=bins, range=(0.0, top if top > 0 else 1.0))
    return edges, counts, int(r.size - finite.size)
