"""API §8: Recorder and EventRecorder."""

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder, SynapseGroup


class Integrate(Behavior):
    def initialize(self, neurons):
        neurons.u = neurons.vector()
        neurons.n = neurons.vector(2)  # a state variable named like the parent alias

    def iteration(self, neurons):
        neurons.u += neurons.id
        neurons.fire = (neurons.u % 3) == 0


def build(recorders, size=3, steps=5):
    net = Network(behavior={100: Recorder("iteration")})
    g = NeuronGroup(net=net, tag="g", size=size, behavior={1: Integrate(), **recorders})
    net.initialize(info=False)
    net.simulate_iterations(steps, measure_block_time=False)
    return net, g


def test_alias_matching_and_shapes():
    net, g = build({9: Recorder(["u", "np.max(u)"])})
    assert net["u", 0, "np"].shape == (5, 3)
    assert net["n.u", 0, "np"].shape == (5, 3)
    assert net["neurons.u", 0] is net["u", 0]
    series = net["np.max(n.u)", 0]
    assert len(series) == 5 and isinstance(series[0], np.float32)
    assert np.array_equal(net["u", 0, "np"][:, 2], [2, 4, 6, 8, 10])
    assert net["np.max( u )", 0, "np"].tolist() == [2, 4, 6, 8, 10]
    assert net["iteration", 0, "np"].tolist() == [1, 2, 3, 4, 5]


def test_snapshots_are_copies_and_bare_n_means_attribute():
    net, g = build({9: Recorder(["u", "n", "n.u"])})
    first = net["u", 0][0].copy()
    g.u[:] = 99
    assert np.array_equal(net["u", 0][0], first)
    assert np.all(net["n", 0, "np"] == 2)  # 'n' alone is the attribute n (Wang-Buzsaki parity)


def test_expression_forms_the_reference_could_not_record():
    net, g = build({9: Recorder(["u > 4", "np.sum(u, axis=0)", "helper(u)"])})
    assert net["u > 4", 0, "np"].shape == (5, 3)
    assert net["np.sum(u, axis=0)", 0, "np"].tolist() == [3, 6, 9, 12, 15]
    assert net["helper(u)", 0, "np"].tolist() == [-3, -6, -9, -12, -15]


def helper(values):  # a user function found through the recorder's module globals
    return -np.sum(values)


def test_late_attribute_is_resolved_on_retry():
    class Late(Behavior):
        def iteration(self, neurons):
            if neurons.iteration >= 3:
                neurons.late = neurons.vector(1)

    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={0: Recorder("late"), 5: Late()})
    net.initialize(info=False)
    net.simulate_iterations(6, measure_block_time=False)
    assert len(net["late", 0]) == 3  # steps 4, 5, 6 (created at the end of step 3)
    assert "late" in net["g", 0].Recorder.failures


def test_a_variable_failing_mid_run_neither_stops_nor_doubles_the_others():
    class Flicker(Behavior):
        """'late' exists only in iterations 3..5, and is deleted again afterwards."""

        def iteration(self, neurons):
            if 3 <= neurons.iteration <= 5:
                neurons.late = neurons.vector(neurons.iteration)
            elif hasattr(neurons, "late"):
                del neurons.late

    net = Network()
    g = NeuronGroup(
        net=net,
        tag="g",
        size=2,
        behavior={1: Flicker(), 9: Recorder(["iteration", "late", "np.sum(late)", "iteration * 2"])},
    )
    net.initialize(info=False)
    net.simulate_iterations(9, measure_block_time=False)
    assert g["iteration", 0, "np"].tolist() == list(range(1, 10))
    assert g["iteration * 2", 0, "np"].tolist() == list(range(2, 20, 2))
    assert g["late", 0, "np"][:, 0].tolist() == [3, 4, 5]
    assert g["np.sum(late)", 0, "np"].tolist() == [6, 8, 10]
    assert set(g.Recorder.failures) == {"late", "np.sum(late)"}


def test_gapwidth_max_length_and_flags():
    net, g = build({9: Recorder(["u", "iteration"], gapwidth=3)}, steps=10)
    assert g["iteration", 0, "np"].tolist() == [3, 6, 9]
    net, g = build({9: Recorder(["iteration"], max_length=4)}, steps=10)
    assert g["iteration", 0, "np"].tolist() == [7, 8, 9, 10]
    net, g = build({9: Recorder(["iteration"], max_length=4, save_as_numpy=True)}, steps=10)
    assert isinstance(g["iteration", 0], np.ndarray) and g["iteration", 0].tolist() == [7, 8, 9, 10]
    g.recording = False
    net.simulate_iterations(3, measure_block_time=False)
    assert g["iteration", 0].tolist() == [7, 8, 9, 10]


def test_clear_reset_and_new_data():
    net, g = build({9: Recorder(["u"]), 10: EventRecorder("fire")})
    rec, _ev = g.Recorder, g.EventRecorder
    assert rec.is_new_data_available() and not rec.is_new_data_available()
    assert len(net["fire", 0]) > 0
    net.clear_recorder()
    assert len(net["u", 0]) == 0 and net["fire", 0].shape == (0, 2)
    assert net["fire.t", 0].shape == (0,) and net["fire.i", 0].dtype == np.dtype(int)
    net.simulate_iterations(2, measure_block_time=False)
    rec.reset()
    assert len(net["u", 0]) == 0
    net.clear_recorder(keys=[100])
    assert len(net["iteration", 0]) == 0


def test_event_recorder_rows_times_and_indices():
    net, g = build({10: EventRecorder("fire")}, size=4, steps=6)
    u = np.cumsum(np.tile(np.arange(4), (6, 1)), axis=0)
    expected = [(t + 1, i) for t in range(6) for i in range(4) if u[t, i] % 3 == 0]
    events = net["fire", 0]
    assert events.shape == (len(expected), 2) and events.dtype == np.dtype(int)
    assert [tuple(r) for r in events] == expected
    assert net["fire.t", 0].min() >= 1
    assert np.array_equal(net["n.fire.t", 0], events[:, 0])
    assert np.array_equal(net["fire.i", 0], events[:, 1])


def test_event_recorder_is_linear_and_propagates_errors():
    net = Network()
    NeuronGroup(net=net, tag="g", size=50, behavior={1: Integrate(), 10: EventRecorder("fire")})
    net.initialize(info=False)
    net.simulate_iterations(3000, measure_block_time=False)
    events = net["fire", 0]
    assert events.shape[0] > 10000
    assert np.all(np.diff(events[:, 0]) >= 0)  # rows in time order
    bad = Network()
    NeuronGroup(net=bad, tag="g", size=2, behavior={10: EventRecorder("nothing")})
    bad.initialize(info=False)
    with pytest.raises(NameError):
        bad.simulate_iteration()


def test_recorders_on_synapse_groups_and_network():
    class Weights(Behavior):
        def initialize(self, s):
            s.W = s.matrix(1)

    net = Network(behavior={9: Recorder("iteration")})
    g = NeuronGroup(net=net, tag="g", size=3)
    SynapseGroup(net=net, src=g, dst=g, behavior={1: Weights(), 9: Recorder("np.sum(W)")})
    net.initialize(info=False)
    net.simulate_iterations(2, measure_block_time=False)
    assert net["np.sum(W)", 0, "np"].tolist() == [9, 9]
    assert net["np.sum(s.W)", 0, "np"].tolist() == [9, 9]
    assert net["iteration", 0, "np"].tolist() == [1, 2]


def test_recorder_memory_is_preallocated_not_listed():
    net, g = build({9: Recorder(["u"])}, size=1000, steps=3000)
    series = net["u", 0]
    assert series.view().shape == (3000, 1000)
    arr = np.asarray(series)
    assert arr.shape == (3000, 1000)
    assert np.shares_memory(arr, series.view())


class ViewAtStep(Behavior):
    """Keeps a view of the recorded 'u' taken at one iteration."""

    def initialize(self, neurons):
        self.view = None

    def iteration(self, neurons):
        if neurons.iteration == 10:
            self.view = neurons.network["u", 0].view()


def test_a_run_of_known_length_records_into_one_preallocated_block():
    net, g = build({9: Recorder(["u"]), 10: ViewAtStep()}, size=1000, steps=3000)
    early, final = g.ViewAtStep.view, net["u", 0].view()
    assert early.shape == (10, 1000) and final.shape == (3000, 1000)
    assert np.shares_memory(early, final)  # never moved: no regrowth during the run
    net.simulate_iterations(500, measure_block_time=False)  # a second run grows once, keeps data
    assert np.array_equal(net["u", 0].view()[:3000], final) and len(net["u", 0]) == 3500


def test_reservation_respects_gapwidth_max_length_and_memory_limits():
    from engine.recording.series import Series

    net, g = build(
        {9: Recorder(["u"], gapwidth=10), 11: Recorder(["np.max(u)"], max_length=5)}, size=2, steps=100
    )
    assert len(net["u", 0]) == 10 and len(net["np.max(u)", 0]) == 5
    assert g.Recorder.variables["u"]._capacity <= 64  # 100 // 10 + 1 samples, not 100
    huge = Series()
    huge.reserve(10**15)  # cannot be allocated: falls back to growing on demand
    for i in range(100):
        huge.append(np.full(1000, i, dtype=np.float32))
    assert huge.view().shape == (100, 1000) and huge.view()[99, 0] == 99
    huge.reserve(10**15)
    huge.append(np.zeros(1000, dtype=np.float32))
    assert len(huge) == 101


def test_state_round_trip():
    net, g = build({9: Recorder(["u", "np.max(u)"]), 10: EventRecorder("fire")})
    states = {b: b.get_state() for b in (g.Recorder, g.EventRecorder)}
    net.clear_recorder()
    for behavior, state in states.items():
        behavior.set_state(state)
    assert net["u", 0, "np"].shape == (5, 3) and len(net["fire", 0]) == len(states[g.EventRecorder]["fire"])


def test_bad_recorder_variable():
    with pytest.raises(SyntaxError, match="cannot parse"):
        build({9: Recorder(["u +"])})
    with pytest.raises(TypeError, match="strings"):
        build({9: Recorder([3])})


def test_event_rows_for_scalars_vectors_and_matrices():
    from engine.recording.series import EventTable

    grid = EventTable()
    grid.add(1, np.array([[0, 1], [1, 1]]))
    grid.add(2, np.zeros((2, 2)))
    grid.add(3, np.array([[0, 0], [2, 0]]))
    assert grid.data.tolist() == [[1, 0, 1], [1, 1, 0], [1, 1, 1], [3, 1, 0]]
    with pytest.raises(ValueError, match="dimensionality"):
        grid.add(4, np.ones(3))
    flags = EventTable()
    flags.add(1, np.bool_(True))
    flags.add(2, False)
    flags.add(3, [0, 5, 0, 7])
    assert flags.data.tolist() == [[1, 0], [3, 1], [3, 3]]
    empty = EventTable()
    empty.add(1, np.zeros((3, 4), bool))
    assert empty.data.shape == (0, 3)


@pytest.mark.parametrize(
    "first, later, dtype",
    [
        (np.float32(0.5), [np.float32(1.25), np.float32(-3.0)], np.float32),
        (1, [2, 3], np.int64),
        (0.5, [1.5, 2.5], np.float64),
        (True, [False, np.bool_(True)], np.bool_),
    ],
)
def test_scalar_samples_of_the_series_type_stay_one_array(first, later, dtype):
    """The scalar fast path of Series.append takes exactly what the careful path takes."""
    from engine.recording.series import Series

    series = Series()
    for value in [first, *later]:
        series.append(value)
    assert series.view().dtype == dtype and series.view().tolist() == [first, *later]


def test_a_scalar_of_another_type_still_keeps_every_sample():
    from engine.recording.series import Series

    series = Series()
    series.append(np.float32(0.5))
    series.append(2.0)  # a Python float next to float32 samples: not written into the float32 buffer
    assert [float(v) for v in series] == [0.5, 2.0] and type(series[1]) is float
