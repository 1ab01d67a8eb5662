"""ISI histogram and CV on known spike trains."""

from __future__ import annotations

import numpy as np
import pytest

from engine.analysis import intervals, isi_cv, isi_histogram, raster_events


def regular_train(period: int, n_neurons: int, length: int) -> tuple[np.ndarray, np.ndarray]:
    """Neuron k fires at k, k + period, k + 2 period, ... (a phase-shifted regular train)."""
    t = np.concatenate([np.arange(k, length, period) for k in range(n_neurons)])
    i = np.concatenate([np.full(len(range(k, length, period)), k) for k in range(n_neurons)])
    order = np.argsort(t, kind="stable")
    return t[order], i[order]


def test_a_regular_train_peaks_at_its_period_with_cv_zero():
    t, i = regular_train(period=7, n_neurons=5, length=500)
    res = isi_histogram(t, i, bins=50)
    assert res.peak == pytest.approx(7.0)
    assert res.counts.sum() == res.n_intervals == t.size - 5
    assert res.counts[np.searchsorted(res.edges, 7.0) - 1] == res.n_intervals  # all in one bin
    assert res.cv == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(isi_cv(t, i, 6)[:5], 0.0, atol=1e-12)
    assert np.isnan(isi_cv(t, i, 6)[5])  # a silent neuron has no CV


def test_poisson_like_intervals_have_cv_near_one():
    rng = np.random.default_rng(1)
    isi = rng.exponential(20.0, size=20000)
    t = np.cumsum(isi)
    res = isi_histogram(t, np.zeros(t.size, np.int64), bins=40)
    assert res.cv == pytest.approx(1.0, abs=0.03)
    assert res.peak < 20.0  # an exponential histogram is highest near zero


def test_intervals_belong_to_their_neuron():
    t = np.array([1, 2, 4, 7, 11])
    i = np.array([0, 1, 0, 1, 0])
    isi, owner = intervals(t, i)
    assert sorted(zip(owner.tolist(), isi.tolist())) == [(0, 3.0), (0, 7.0), (1, 5.0)]


def test_raster_events_and_bad_input():
    raster = np.zeros((4, 3), bool)
    raster[1, 2] = raster[3, 0] = True
    t, i = raster_events(np.array([10, 11, 12, 13]), raster)
    assert t.tolist() == [11, 13] and i.tolist() == [2, 0]
    with pytest.raises(ValueError, match="same length"):
        intervals(np.arange(3), np.arange(2))
    with pytest.raises(ValueError, match="outside a group of 2"):
        isi_cv(np.array([1, 2, 3]), np.array([5, 5, 5]), 2)
    with pytest.raises(ValueError, match="bins"):
        isi_histogram(t, i, bins=0)


def test_no_spikes_is_an_empty_histogram_not_an_error():
    res = isi_histogram(np.zeros(0), np.zeros(0, np.int64))
    assert res.n_intervals == 0 and res.counts.sum() == 0 and np.isnan(res.cv) and np.isnan(res.peak)


def test_events_by_neuron_give_the_same_intervals_without_a_sort():
    rng = np.random.default_rng(5)
    raster = rng.random((300, 20)) < 0.1
    times = np.arange(1, 301)
    by_time = intervals(*raster_events(times, raster))
    t, i = raster_events(times, raster, by_neuron=True)
    assert np.all(np.diff(i) >= 0)
    by_neuron = intervals(t, i)
    order_a, order_b = np.lexsort(by_time[::-1]), np.lexsort(by_neuron[::-1])
    np.testing.assert_array_equal(by_time[0][order_a], by_neuron[0][order_b])
    np.testing.assert_array_equal(by_time[1][order_a], by_neuron[1][order_b])
