"""Runner.watch: bounded live windows (traces and spikes), neuron selection, removal, error states."""

import threading

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder
from engine.runtime.tag_paths import PathError

WAIT = 20.0


class Noise(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5
        self.drop_at = None
        self.reshape_at = None
        self.retype_at = None

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0
        neurons.voltage *= 0.9
        neurons.voltage += neurons.vector("uniform", density=0.2)
        neurons.level = float(neurons.voltage.mean())
        it = neurons.iteration
        neurons.aux = np.full(
            neurons.size + (self.reshape_at is not None and it >= self.reshape_at), it, float
        )
        neurons.flags = neurons.spike.copy() if self.retype_at is None or it < self.retype_at else "no array"
        if it == self.drop_at:
            del neurons.level


def build(size=30):
    np.random.seed(7)
    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=size,
        behavior={1: Noise(), 9: Recorder(["voltage"]), 10: EventRecorder("spike")},
    )
    net.initialize(info=False)
    return net


@pytest.fixture
def runner(make_runner):
    return make_runner(build())


def test_trace_window_matches_the_recorder(runner):
    w = runner.watch("g.voltage", window=20)
    assert w.kind == "trace" and w.read()[0].size == 0
    runner.step(50)
    times, values = w.read()
    assert np.array_equal(times, np.arange(31, 51)) and values.shape == (20, 30)
    assert values.dtype == np.float32
    assert np.array_equal(values, runner.net["voltage", 0, "np"][-20:])
    assert w.count == 50 and w.last_iteration == 50 and w.ok and w.version == 50
    values[:] = -1  # read() returns copies
    assert w.read()[1].min() >= 0


def test_neuron_selections(runner):
    single = runner.watch("g.voltage", neurons=3, window=10)
    some = runner.watch("g.voltage", neurons=[0, 5, 7], window=10)
    sliced = runner.watch("g.voltage", neurons=slice(10, 20), window=10)
    mask = np.zeros(30, dtype=bool)
    mask[[1, 2]] = True
    masked = runner.watch("g.voltage", neurons=mask, window=10)
    runner.step(12)
    rec = runner.net["voltage", 0, "np"][-10:]
    assert np.array_equal(single.read()[1], rec[:, 3])
    assert np.array_equal(some.read()[1], rec[:, [0, 5, 7]])
    assert np.array_equal(sliced.read()[1], rec[:, 10:20])
    assert np.array_equal(masked.read()[1], rec[:, [1, 2]])


def test_scalar_and_behavior_attribute_watch(runner):
    w = runner.watch("g.Noise.threshold", window=5)
    runner.step(3)
    runner.set_value("g.Noise.threshold", 0.7).result(WAIT)
    runner.step(3)
    times, values = w.read()
    assert np.array_equal(times, [2, 3, 4, 5, 6]) and np.allclose(values, [0.5, 0.5, 0.7, 0.7, 0.7])


def test_spike_watch_keeps_the_events_of_the_window(runner):
    runner.step(1)  # 'spike' exists from the first iteration on
    w = runner.watch("g.spike", window=25)
    sel = runner.watch("g.spike", neurons=[2, 4, 6], window=25)
    assert w.kind == "spikes"
    runner.step(60)
    t, i = w.read()
    events = runner.net["spike", 0]
    expected = events[events[:, 0] > 36]
    assert len(t) > 0 and np.array_equal(np.stack([t, i], 1), expected)
    ts, is_ = sel.read()
    keep = np.isin(expected[:, 1], [2, 4, 6])
    assert np.array_equal(ts, expected[keep, 0]) and np.array_equal(is_, expected[keep, 1])
    times, raster = sel.read_raster()
    assert np.array_equal(times, np.arange(37, 62)) and raster.shape == (25, 3) and raster.dtype == bool
    assert raster.sum() == keep.sum()
    with pytest.raises(TypeError):
        runner.watch("g.voltage").read_raster()


def test_reading_only_what_is_new(runner):
    trace = runner.watch("g.voltage", window=50, every=3)
    runner.step(1)
    spikes = runner.watch("g.spike", window=40)
    runner.step(89)
    all_t, all_v = trace.read()
    for since in (-5, 0, 29, 30, 31, 88, 90, 500):
        t, v = trace.read(since=since)
        keep = all_t > since
        assert np.array_equal(t, all_t[keep]) and np.array_equal(v, all_v[keep])
    raster_t, raster = spikes.read_raster()
    assert np.array_equal(raster_t, np.arange(51, 91))
    t, r = spikes.read_raster(since=80)
    assert np.array_equal(t, np.arange(81, 91)) and np.array_equal(r, raster[-10:])
    t, i = spikes.read(since=85)
    events = runner.net["spike", 0]
    assert np.array_equal(np.stack([t, i], 1), events[events[:, 0] > 85])
    assert spikes.read_raster(since=90)[0].size == 0 and trace.read(since=10**6)[1].shape == (0, 30)


def test_memory_is_bounded(runner):
    w = runner.watch("g.voltage", window=100)
    runner.step(1)
    s = runner.watch("g.spike", window=100)
    runner.step(3000)
    assert w._values.shape == (100, 30) and len(w.read()[0]) == 100
    assert s._values.shape == (100, 30) and s.read()[0].min() > 3001 - 100


def test_every_n_iterations(runner):
    w = runner.watch("g.voltage", window=10, every=3)
    runner.step(30)
    assert np.array_equal(w.read()[0], np.arange(3, 31, 3))


def test_remove_watch(runner):
    w = runner.watch("g.voltage", window=10)
    other = runner.watch("g.voltage", window=10)
    runner.step(5)
    w.remove()
    w.remove()
    runner.step(5)
    assert w.count == 5 and w.removed and not w.ok and w not in runner.watches
    runner.unwatch(other)
    assert runner.watches == []


def test_missing_variable(runner):
    with pytest.raises(PathError, match="no attribute 'spike'"):
        runner.watch("g.spike")
    pending = runner.watch("g.spike", allow_missing=True)
    assert pending.kind is None and pending.read()[0].size == 0
    runner.step(3)
    assert pending.kind == "spikes" and pending.count == 3
    with pytest.raises(PathError):
        runner.watch("nope.voltage")


def test_vanished_or_reshaped_variable_sets_an_error_state_not_a_crash(runner):
    runner.step(1)
    level = runner.watch("g.level", window=50)
    volt = runner.watch("g.aux", window=50)
    spikes = runner.watch("g.flags", window=50)
    healthy = runner.watch("g.Noise.threshold", window=50)
    noise = runner.net.g.Noise
    noise.drop_at, noise.reshape_at, noise.retype_at = 10, 20, 30
    runner.step(40)
    assert runner.error is None and runner.iteration == 41
    assert level.error and "no longer exists" in level.error and level.last_iteration == 9
    assert volt.error and "changed shape from (30,) to (31,)" in volt.error and volt.count == 18
    assert spikes.error and "changed" in spikes.error and spikes.count == 28
    assert healthy.ok and healthy.count == 40
    assert level.read()[0][-1] == 9  # data before the error is kept


def test_bad_watch_arguments(runner):
    with pytest.raises(ValueError):
        runner.watch("g.voltage", window=0)
    with pytest.raises(ValueError):
        runner.watch("g.voltage", kind="pixels")
    with pytest.raises(ValueError, match="MiB"):
        runner.watch("g.voltage", window=10**9)


def test_read_from_another_thread_while_running_is_consistent(runner):
    w = runner.watch("g.voltage", window=200)
    runner.step(1)
    s = runner.watch("g.spike", window=200)
    problems, done = [], threading.Event()

    def reader():
        reads = 0
        while not done.is_set() or reads < 20:
            t, v = w.read()
            if len(t) != len(v) or (len(t) > 1 and not np.all(np.diff(t) == 1)):
                problems.append((t, v.shape))
            st, si = s.read()
            if len(st) != len(si) or (len(st) > 1 and np.any(np.diff(st) < 0)):
                problems.append(("spikes", st))
            reads += 1
            done.wait(0.001)  # a viewer reading at up to ~1 kHz

    t = threading.Thread(target=reader)
    t.start()
    assert runner.run_for(1000).wait(WAIT)
    done.set()
    t.join(WAIT)
    assert problems == [] and w.count == 1001


def test_a_watch_view_reads_like_a_watch_of_its_own_made_now(runner):
    from engine.runtime.watches import WatchView

    shared = runner.watch("g.spike", window=40, allow_missing=True)
    own = runner.watch("g.spike", window=40, allow_missing=True)  # the reference: one of its own
    runner.step(30)
    removed = []
    view = WatchView(shared, 15, on_remove=removed.append)
    late = runner.watch("g.spike", window=15)
    assert view.count == 0 and view.read()[0].size == 0 and view.last_iteration is None
    runner.step(25)
    for a, b in ((view.read(), late.read()), (view.read_raster(), late.read_raster())):
        assert all(np.array_equal(x, y) for x, y in zip(a, b))
    times, raster = view.read_raster()
    assert np.array_equal(times, np.arange(41, 56)) and raster.shape == (15, 30)
    assert view.count == late.count == 25 and view.last_iteration == 55 and view.kind == "spikes"
    assert np.array_equal(view.read(since=50)[0], late.read(since=50)[0])
    version = view.version
    view.clear()  # this view only
    assert view.count == 0 and view.version != version and shared.count == 55
    runner.step(3)
    assert np.array_equal(view.read_raster()[0], [56, 57, 58]) and own.read_raster()[0].size == 40
    view.remove()
    view.remove()
    assert removed == [view] and view.removed and not view.ok and shared.ok
    with pytest.raises(ValueError, match="window must be 1..40"):
        WatchView(shared, 41)


def test_a_spike_watch_of_contiguous_neurons(runner):
    """[3, 4, 5] becomes the slice 3:6 (a cheap view); it was then taken for one neuron and
    wrapped in a list, which numpy refused: the watch stopped with an IndexError."""
    some = runner.watch("g.spike", neurons=[3, 4, 5], allow_missing=True)
    every = runner.watch("g.spike", allow_missing=True)
    runner.step(20)
    assert some.ok and some.kind == "spikes", some.error
    assert np.array_equal(some.read_raster()[1], every.read_raster()[1][:, 3:6])
    assert set(some.read()[1].tolist()) <= {3, 4, 5}
