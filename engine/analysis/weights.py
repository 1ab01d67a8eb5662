"""Histogram of a synapse group's weights (dense arrays or scipy.sparse matrices)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["WeightStats", "weight_values", "weight_histogram"]


@dataclass(frozen=True)
class WeightStats:
    """``counts[k]`` weights in ``[edges[k], edges[k + 1])``; ``n_nan`` NaN/inf weights (not binned);
    ``mean`` of the binned weights, ``density`` the non-zero share of all entries; ``n`` entries in all."""

    edges: np.ndarray
    counts: np.ndarray
    mean: float
    density: float
    n_nan: int
    n: int


def weight_values(w: Any, nonzero: bool = False) -> np.ndarray:
    """All the weights of ``w`` as a flat float array (a sparse matrix gives its stored values;
    ``nonzero`` keeps only those that are not zero)."""
    if hasattr(w, "tocoo"):
        values = np.asarray(w.tocoo().data, dtype=np.float64)
    else:
        values = np.asarray(w, dtype=np.float64).ravel()
    return values[values != 0] if nonzero else values


def weight_histogram(
    w: Any, bins: int = 50, nonzero: bool = True, value_range: tuple[float, float] | None = None
) -> WeightStats:
    """Histogram of the weights of ``w`` (by default only the existing, non-zero synapses)."""
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    shape = getattr(w, "shape", np.shape(w))
    total = int(np.prod(shape)) if len(shape) else 1
    all_values = weight_values(w)
    finite_mask = np.isfinite(all_values)
    n_nan = int(all_values.size - finite_mask.sum())
    finite = all_values[finite_mask]
    nz = int(np.count_nonzero(finite))
    shown = finite[finite != 0] if nonzero else finite
    if value_range is None:
        lo, hi = (float(shown.min()), float(shown.max())) if shown.size else (0.0, 1.0)
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        value_range = (lo, hi)
    counts, edges = np.histogram(shown, bins=bins, range=value_range)
    mean = float(shown.mean()) if shown.size else float("nan")
    return WeightStats(edges, counts, mean, nz / total if total else 0.0, n_nan, total)
