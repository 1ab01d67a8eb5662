"""Weight histograms (dense, sparse, NaN) and PCA on a known low-rank activity."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from engine.analysis import pca, weight_histogram


def test_weight_histogram_moves_when_w_is_scaled():
    rng = np.random.default_rng(0)
    w = rng.uniform(0.1, 0.2, size=(50, 40)) * (rng.random((50, 40)) < 0.25)
    a = weight_histogram(w, bins=10)
    b = weight_histogram(2 * w, bins=10)
    assert a.counts.sum() == b.counts.sum() == np.count_nonzero(w)
    assert b.mean == pytest.approx(2 * a.mean)
    np.testing.assert_allclose(b.edges, 2 * a.edges)
    assert a.density == pytest.approx(np.count_nonzero(w) / w.size)


def test_sparse_and_nan_weights():
    w = sp.random(100, 80, density=0.05, random_state=1, format="csr")
    stats = weight_histogram(w, bins=5)
    assert stats.counts.sum() == w.nnz and stats.density == pytest.approx(w.nnz / (100 * 80))
    dense = np.ones((3, 3))
    dense[0, 0] = np.nan
    stats = weight_histogram(dense, bins=4)
    assert stats.n_nan == 1 and stats.counts.sum() == 8 and stats.mean == 1.0


def test_pca_of_a_rank_one_activity_has_one_component():
    rng = np.random.default_rng(2)
    t = np.arange(400)
    latent = np.sin(2 * np.pi * t / 50)
    loading = rng.normal(size=30)
    x = np.outer(latent, loading) + 1e-6 * rng.normal(size=(400, 30))
    res = pca(x, k=2)
    assert res.scores.shape == (400, 2)
    assert res.explained[0] > 0.999
    assert abs(np.corrcoef(res.scores[:, 0], latent)[0, 1]) > 0.999


def test_pca_of_a_circle_is_a_two_dimensional_trajectory():
    t = np.linspace(0, 2 * np.pi, 200, endpoint=False)
    mix = np.random.default_rng(3).normal(size=(2, 10))
    x = np.column_stack([np.cos(t), np.sin(t)]) @ mix
    res = pca(x, k=2)
    assert res.explained.sum() == pytest.approx(1.0)
    radius = np.hypot(res.scores[:, 0] / res.scores[:, 0].std(), res.scores[:, 1] / res.scores[:, 1].std())
    assert radius.std() / radius.mean() < 0.35


def test_pca_drops_nan_rows_and_handles_constant_activity():
    x = np.random.default_rng(4).normal(size=(50, 5))
    x[7, 2] = np.nan
    assert pca(x).dropped_rows == 1 and pca(x).scores.shape == (49, 2)
    assert pca(np.ones((10, 4))).scores.shape == (10, 0)
    with pytest.raises(ValueError, match="samples, neurons"):
        pca(np.ones(5))


@pytest.mark.parametrize("shape", [(300, 20), (20, 300)])
def test_pca_agrees_with_an_svd_on_both_sides(shape):
    x = np.random.default_rng(8).normal(size=shape) @ np.diag(np.linspace(3, 0.1, shape[1]))
    res = pca(x, k=3)
    c = x - x.mean(axis=0)
    u, s, vt = np.linalg.svd(c, full_matrices=False)
    np.testing.assert_allclose(res.explained, s[:3] ** 2 / (s**2).sum(), rtol=1e-8)
    np.testing.assert_allclose(np.abs(res.scores), np.abs(u[:, :3] * s[:3]), atol=1e-8)
    np.testing.assert_allclose(np.abs(res.components), np.abs(vt[:3]), atol=1e-8)
