"""Recorder expressions np.mean / np.sum / np.max / np.min take shortcuts that equal numpy bit for bit."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder
from engine.recording.fast_reductions import fast_max, fast_mean, fast_min, fast_sum

PAIRS = ((fast_mean, np.mean), (fast_sum, np.sum), (fast_max, np.max), (fast_min, np.min))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16, np.int64, bool])
@pytest.mark.parametrize("size", [1, 7, 100, 1000, 12345])
def test_identical_to_numpy(dtype, size):
    rng = np.random.default_rng(size)
    for scale in (1e-3, 1.0, 1e6):
        with np.errstate(all="ignore"):  # float16 overflows to inf at 1e6: still compared
            a = (rng.standard_normal(size) * scale).astype(dtype)
        for fast, slow in PAIRS:
            with np.errstate(all="ignore"):
                got, want = fast(a), slow(a)
            assert type(got) is type(want)
            assert np.array_equal(np.asarray(got), np.asarray(want), equal_nan=True)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.longdouble, ">f4", ">f8"])
def test_identical_on_views_extremes_and_byte_orders(dtype):
    rng = np.random.default_rng(7)
    base = (rng.standard_normal((60, 70)) * 1e3).astype(dtype)
    extremes = np.array([np.inf, -np.inf, np.nan, 3e38, -0.0, 1e-45]).astype(dtype)
    with np.errstate(all="ignore"):
        cases = [
            base,
            base.T,
            base[::3, 1::2],
            base[5],
            base[:, 7],
            extremes,
            extremes[:2],
            extremes[3:4],
            np.full(1000, 3e38).astype(dtype),
        ]
        for a in cases:
            for fast, slow in PAIRS:
                got, want = fast(a), slow(a)
                assert type(got) is type(want)
                assert np.array_equal(np.asarray(got), np.asarray(want), equal_nan=True), a


def test_other_forms_go_to_numpy():
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    assert np.array_equal(fast_mean(a, axis=0), np.mean(a, axis=0))
    assert np.array_equal(fast_sum(a, axis=1), np.sum(a, axis=1))
    assert fast_mean([1.0, 2.0]) == 1.5 and fast_sum([1, 2]) == 3
    with pytest.warns(RuntimeWarning):
        assert np.isnan(fast_mean(np.array([], dtype=np.float32)))
    nan = np.array([1.0, np.nan], dtype=np.float32)
    assert np.isnan(fast_mean(nan)) and np.isnan(np.mean(nan))
    assert np.isnan(fast_max(nan)) and np.isnan(fast_min(nan))
    assert np.array_equal(fast_max(a, axis=1), np.max(a, axis=1)) and fast_min(a, initial=-5) == -5
    for fast, slow in ((fast_max, np.max), (fast_min, np.min)):
        with pytest.raises(ValueError) as got:
            fast(np.array([], dtype=np.float32))
        with pytest.raises(ValueError) as want:
            slow(np.array([], dtype=np.float32))
        assert str(got.value) == str(want.value)  # "zero-size array to reduction operation ..."


class Noisy(Behavior):
    def initialize(self, n):
        n.v = n.vector()
        n.fired = n.vector(bool)

    def iteration(self, n):
        n.v += n.vector("normal(0, 1)")
        n.fired = n.v > 1


def test_recorder_series_equal_numpy_results():
    np.random.seed(2)
    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=333,
        behavior={
            1: Noisy(),
            9: Recorder(
                ["np.mean(v)", "np.sum(fired)", "np.mean(v) + np.sum(v)", "np.max(v) - np.min(v)", "v"]
            ),
        },
    )
    net.initialize(info=False)
    net.simulate_iterations(50, measure_block_time=False)
    v = net["v", 0, "np"]
    assert net["np.mean(v)", 0, "np"].tolist() == [np.mean(row) for row in v]
    assert net["np.sum(fired)", 0, "np"].tolist() == [np.sum(row > 1) for row in v]
    assert net["np.mean(v) + np.sum(v)", 0, "np"].tolist() == [np.mean(r) + np.sum(r) for r in v]
    assert net["np.max(v) - np.min(v)", 0, "np"].tolist() == [np.max(r) - np.min(r) for r in v]
