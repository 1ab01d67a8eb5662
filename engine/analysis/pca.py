"""Principal components of population activity (samples x neurons)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["PcaResult", "pca"]


@dataclass(frozen=True)
class PcaResult:
    """``scores`` (samples x k): the activity projected on the first ``k`` components
    (``components``, k x neurons); ``explained`` the share of the total variance of each;
    ``dropped_rows`` samples left out because they held NaN/inf."""

    scores: np.ndarray
    components: np.ndarray
    explained: np.ndarray
    dropped_rows: int


def pca(activity: np.ndarray, k: int = 2) -> PcaResult:
    """The first ``k`` principal components of ``activity`` (samples x neurons).

    Samples (rows) with a NaN or inf are left out and counted. Fewer than two usable samples, or
    no variance at all, give empty scores (shape ``(m, 0)``) rather than an error. Computed from
    the eigenvectors of the smaller of ``x.T @ x`` and ``x @ x.T`` (several times cheaper than an
    SVD), so 2000 samples of 500 neurons take a few milliseconds.
    """
    x = np.asarray(activity, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"activity must be (samples, neurons), got shape {x.shape}")
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    good = np.isfinite(x).all(axis=1)
    dropped = int(x.shape[0] - good.sum())
    x = x[good]
    m, n = x.shape
    if m < 2 or n < 1:
        return PcaResult(np.zeros((m, 0)), np.zeros((0, n)), np.zeros(0), dropped)
    x = x - x.mean(axis=0)
    if n <= m:  # eigenvectors of the (neurons x neurons) scatter matrix
        var, vecs = np.linalg.eigh(x.T @ x)
        var, vecs = var[::-1], vecs[:, ::-1]
        total = float(var.clip(min=0).sum())
        if total <= 0:
            return PcaResult(np.zeros((m, 0)), np.zeros((0, n)), np.zeros(0), dropped)
        k = min(k, n)
        components = vecs[:, :k].T
        scores = x @ vecs[:, :k]
    else:  # fewer samples than neurons: the (samples x samples) Gram matrix is the smaller one
        var, vecs = np.linalg.eigh(x @ x.T)
        var, vecs = var[::-1], vecs[:, ::-1]
        total = float(var.clip(min=0).sum())
        if total <= 0:
            return PcaResult(np.zeros((m, 0)), np.zeros((0, n)), np.zeros(0), dropped)
        k = min(k, m)
        s = np.sqrt(var[:k].clip(min=0))
        scores = vecs[:, :k] * s
        components = (x.T @ vecs[:, :k] / np.where(s > 0, s, 1.0)).T
    return PcaResult(scores, components, var[:k].clip(min=0) / total, dropped)
