"""Issue 17, recorders: a variable whose shape changes mid-run is kept per shape and read as one array
only with a message naming recorder, variable and shapes; a missing name warns once and is not
recompiled every step."""

import warnings

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder
from engine.exceptions import MissingRecordedNameWarning, RecordingShapeError, RecordingShapeWarning
from engine.recording import recorders
from engine.recording.series import Series


class Morph(Behavior):
    """rate: 10 values, then 20, then (2, 3), then a float."""

    def initialize(self, neurons):
        neurons.rate = np.zeros(10)
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        it = neurons.iteration
        if it <= 2:
            neurons.rate = np.full(10, it, float)
        elif it <= 4:
            neurons.rate = np.full(20, it, float)
        elif it <= 5:
            neurons.rate = np.full((2, 3), it, float)
        else:
            neurons.rate = float(it)
        neurons.voltage += 1


def run_morph(iterations=7):
    net = Network()
    NeuronGroup(net=net, tag="g", size=3, behavior={1: Morph(), 9: Recorder(["rate", "voltage"], tag="rec")})
    net.initialize(info=False)
    with pytest.warns(RecordingShapeWarning, match=r"Recorder 'rec' of 'g', variable 'rate' changed shape"):
        net.simulate_iterations(iterations, measure_block_time=False)
    return net


def test_rate_10_then_20_then_2x3_then_float_np_lookup_names_recorder_variable_and_shapes():
    net = run_morph()
    with pytest.raises(RecordingShapeError) as info:
        net["rate", 0, "np"]
    text = str(info.value)
    assert "Recorder 'rec' of 'g', variable 'rate'" in text
    assert "from (10,) to (20,) at sample 2" in text and "from (20,) to (2, 3) at sample 4" in text
    assert "from (2, 3) to () at sample 5" in text and "segments" in text
    assert "inhomogeneous" not in text
    assert isinstance(info.value, ValueError)


def test_rate_that_changed_shape_is_kept_per_shape_and_the_rest_reads_normally():
    net = run_morph()
    rec = net["rec", 0]
    parts = rec.segments("rate")
    assert [p.shape for p in parts] == [(2, 10), (2, 20), (1, 2, 3), (2,)]
    np.testing.assert_array_equal(parts[3], [6.0, 7.0])
    assert len(net["rate", 0]) == 7  # without 'np': the list of every sample
    np.testing.assert_array_equal(net["voltage", 0, "np"][:, 0], np.arange(1, 8))
    state = rec.get_state()  # never raises: mixed samples come back as an object array
    assert state["rate"].dtype == object and len(state["rate"]) == 7


def test_series_dtype_change_alone_still_reads_as_one_array():
    series = Series()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        series.append(np.zeros(3, np.float32))
        series.append(np.ones(3, np.float64))
    assert series.view().shape == (2, 3) and [p.shape for p in series.segments()] == [(2, 3)]


def test_segments_restore_round_trip():
    series = Series()
    parts = [np.zeros((2, 4)), np.ones((3,))]
    series.restore_segments(parts)
    assert len(series) == 5
    for a, b in zip(series.segments(), parts):
        np.testing.assert_array_equal(a, b)


# --------------------------------------------------------------------------- 4. missing names
class Voltage(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        neurons.voltage += 1


def missing_net(names):
    net = Network()
    NeuronGroup(net=net, tag="g", size=4, behavior={1: Voltage(), 9: Recorder(names, tag="rec")})
    net.initialize(info=False)
    return net


def test_recorder_does_not_exist_warns_once_naming_recorder_group_and_name(monkeypatch):
    net = missing_net(["does_not_exist", "voltag", "voltage"])
    with pytest.warns(MissingRecordedNameWarning) as caught:
        net.simulate_iterations(50, measure_block_time=False)
    texts = [str(w.message) for w in caught]
    assert len(texts) == 2  # once per missing name, not once per step
    assert "Recorder 'rec' of 'g': 'does_not_exist' is not an attribute of 'g'" in texts[0]
    assert "did you mean 'voltage'?" in texts[1]
    assert len(net["voltage", 0]) == 50 and len(net["does_not_exist", 0]) == 0


def test_recorder_does_not_exist_is_not_recompiled_every_step(monkeypatch):
    net = missing_net(["does_not_exist", "voltage"])
    calls = []
    real = recorders.compile_expression
    monkeypatch.setattr(recorders, "compile_expression", lambda *a: calls.append(a[0]) or real(*a))
    with pytest.warns(MissingRecordedNameWarning):
        net.simulate_iterations(200, measure_block_time=False)
    assert calls.count("does_not_exist") == 1 and calls.count("voltage") == 1


def test_missing_name_that_appears_later_is_recorded_from_then_on():
    net = missing_net(["late * 2"])
    with pytest.warns(MissingRecordedNameWarning, match="'late \\* 2' needs 'late'"):
        net.simulate_iterations(3, measure_block_time=False)
    net.g.late = np.ones(4)
    net.simulate_iterations(2, measure_block_time=False)
    np.testing.assert_array_equal(net["late * 2", 0, "np"], np.full((2, 4), 2.0))


def test_missing_attribute_through_the_parent_alias_warns_too():
    net = missing_net(["n.nothing_here"])
    with pytest.warns(MissingRecordedNameWarning, match="'nothing_here'"):
        net.simulate_iterations(5, measure_block_time=False)
    assert "AttributeError" in net["rec", 0].failures["n.nothing_here"]


def test_event_variable_changing_dimensionality_names_the_event_recorder():
    from engine import EventRecorder

    class Flip(Behavior):
        def initialize(self, neurons):
            neurons.spike = np.ones(3, bool)

        def iteration(self, neurons):
            neurons.spike = np.ones(3, bool) if neurons.iteration < 3 else np.ones((3, 2), bool)

    net = Network()
    NeuronGroup(net=net, tag="g", size=3, behavior={1: Flip(), 9: EventRecorder("spike", tag="ev")})
    net.initialize(info=False)
    with pytest.raises(RecordingShapeError, match=r"EventRecorder 'ev' of 'g', variable 'spike': .*1 -> 2"):
        net.simulate_iterations(5, measure_block_time=False)
