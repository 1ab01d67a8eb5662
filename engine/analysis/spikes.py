"""Spike-train statistics: inter-spike intervals, their histogram and coefficient of variation.

Spikes come as two parallel arrays, ``times`` (iterations, or seconds) and ``ids`` (neuron index in
the group), the shape of an EventRecorder's ``spike.t`` / ``spike.i`` and of a spike watch's
``read()``; a boolean raster ``(samples, neurons)`` converts with :func:`raster_events`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "IsiResult",
    "raster_events",
    "intervals",
    "isi_cv",
    "isi_histogram",
    "interval_cv",
    "interval_histogram",
]


def raster_events(
    times: np.ndarray, raster: np.ndarray, by_neuron: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """``(times, ids)`` of the True cells of a ``(samples, neurons)`` raster sampled at ``times``;
    in time order, or with ``by_neuron`` ordered by neuron then time (the order :func:`intervals`
    needs, so it skips its sort)."""
    raster = np.asarray(raster)
    if raster.ndim != 2 or raster.shape[0] != np.shape(times)[0]:
        raise ValueError(
            f"raster must be (samples, neurons) with one time per sample; got {raster.shape} "
            f"and {np.shape(times)[0]} times"
        )
    if by_neuron:
        cols, rows = np.nonzero(np.ascontiguousarray(raster.T))
    else:
        rows, cols = np.nonzero(raster)
    return np.asarray(times)[rows], cols.astype(np.int64, copy=False)


def _check(times: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(times, dtype=np.float64).ravel()
    i = np.asarray(ids).ravel()
    if t.shape != i.shape:
        raise ValueError(f"times and ids must have the same length; got {t.size} and {i.size}")
    if i.size and (i.dtype.kind not in "iu" or int(i.min()) < 0):
        raise ValueError("ids must be non-negative integer neuron indices")
    return t, i.astype(np.int64, copy=False)


def intervals(times: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(isi, neuron)``: every interval between two consecutive spikes of one neuron and the
    neuron it belongs to (vectorised: one stable sort by neuron, one difference)."""
    t, i = _check(times, ids)
    di = np.diff(i)
    if not np.all((di > 0) | ((di == 0) & (np.diff(t) >= 0))):  # not yet by neuron, then time
        order = np.lexsort((t, i))
        t, i = t[order], i[order]
    same = i[1:] == i[:-1]
    return np.diff(t)[same], i[1:][same]


def isi_cv(times: np.ndarray, ids: np.ndarray, n_neurons: int) -> np.ndarray:
    """Coefficient of variation (std / mean) of each neuron's intervals, shape ``(n_neurons,)``;
    NaN for a neuron with fewer than two intervals (no CV can be told)."""
    return interval_cv(*intervals(times, ids), n_neurons)


def interval_cv(isi: np.ndarray, owner: np.ndarray, n_neurons: int) -> np.ndarray:
    """:func:`isi_cv` from intervals already computed by :func:`intervals`."""
    if owner.size and int(owner.max()) >= n_neurons:
        raise ValueError(f"neuron index {int(owner.max())} is outside a group of {n_neurons}")
    count = np.bincount(owner, minlength=n_neurons).astype(np.float64)
    total = np.bincount(owner, weights=isi, minlength=n_neurons)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
        sq = np.bincount(owner, weights=(isi - mean[owner]) ** 2, minlength=n_neurons)
        cv = np.sqrt(sq / count) / mean
    cv[count < 2] = np.nan
    return cv


@dataclass(frozen=True)
class IsiResult:
    """An ISI histogram: ``counts[k]`` intervals in ``[edges[k], edges[k + 1])``; ``cv`` of all the
    intervals pooled (NaN with fewer than two); ``n_intervals`` and ``n_spikes`` counted."""

    edges: np.ndarray
    counts: np.ndarray
    cv: float
    n_intervals: int
    n_spikes: int

    @property
    def peak(self) -> float:
        """Centre of the fullest bin (NaN when there are no intervals)."""
        if not self.n_intervals:
            return float("nan")
        k = int(np.argmax(self.counts))
        return float(0.5 * (self.edges[k] + self.edges[k + 1]))


def isi_histogram(
    times: np.ndarray, ids: np.ndarray, bins: int | np.ndarray = 50, max_isi: float | None = None
) -> IsiResult:
    """Histogram of the inter-spike intervals of all neurons (pass one neuron's spikes for one).

    With an integer ``bins`` the range is 0 .. ``max_isi`` (default: the largest interval); integer
    spike times get bins one time unit wide when the largest interval is at most ``bins``, so a
    regular train of period T fills exactly the bin around T.
    """
    isi, _ = intervals(times, ids)
    return interval_histogram(isi, int(np.size(times)), bins, max_isi)


def interval_histogram(
    isi: np.ndarray, n_spikes: int, bins: int | np.ndarray = 50, max_isi: float | None = None
) -> IsiResult:
    """:func:`isi_histogram` from intervals already computed by :func:`intervals`."""
    isi = np.asarray(isi, dtype=np.float64)
    if isinstance(bins, (int, np.integer)):
        if int(bins) < 1:
            raise ValueError(f"bins must be at least 1, got {bins}")
        top = float(max_isi) if max_isi is not None else (float(isi.max()) if isi.size else 1.0)
        if isi.size and np.all(isi == np.round(isi)) and top <= bins:
            edges = np.arange(0.0, np.floor(top) + 2.0) - 0.5  # one bin per integer interval
            edges[0] = 0.0
        else:
            edges = np.linspace(0.0, max(top, 1e-12), int(bins) + 1)
    else:
        edges = np.asarray(bins, dtype=np.float64)
    counts, edges = np.histogram(isi, bins=edges)
    if isi.size >= 2 and isi.mean() > 0:
        cv = float(isi.std() / isi.mean())
    else:
        cv = float("nan")
    return IsiResult(edges, counts, cv, int(isi.size), n_spikes)
