"""Issue 17, value edits: underflow is refused like overflow, naming the attribute; integers that do not
fit their type are refused instead of wrapping."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup
from engine.exceptions import InvalidValueError
from engine.runtime.tag_paths import resolve_path
from engine.runtime.value_edits import apply_value, prepare_value


class Params(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()  # float32
        neurons.counts = np.zeros(neurons.size, dtype=np.int32)
        self.threshold = 0.5
        self.gain32 = np.float32(2.0)
        self.steps = np.int16(3)
        self.big = 7  # a Python int: unbounded


@pytest.fixture
def net():
    net = Network()
    NeuronGroup(net=net, tag="g", size=3, behavior={1: Params()})
    net.initialize(info=False)
    return net


def prepared(net, path, value):
    return prepare_value(resolve_path(net, path), value)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("g.Params.threshold", "1e-400", "'threshold' of .*1e-400 is too small.*become 0.0"),
        ("g.Params.threshold", "-1e-400", "'threshold' of .*too small"),
        ("g.Params.threshold", 1e-320, "'threshold' of .*float64; 1e-320 is too small.*subnormal"),
        ("g.Params.gain32", "1e-40", "'gain32' of .*float32; 1e-40 is too small"),
        ("g.Params.gain32", 1e-50, "'gain32' of .*float32; 1e-50 is too small.*become 0.0"),
        ("g.voltage", "1e-400", "'voltage' of group 'g'.*too small"),
        ("g.voltage", "[0.5, 1e-400, 1]", "'voltage' of group 'g'.*1e-400 is too small"),
        ("g.voltage", np.array([0.5, 1e-45, 0.0]), "'voltage' of group 'g' is float32; 1e-45 is too small"),
        # overflow, for comparison: refused the same way
        ("g.Params.threshold", "1e400", "'threshold' of .*1e400 is too large"),
        ("g.Params.gain32", 1e40, "'gain32' of .*float32; 1e\\+40 is too large"),
        ("g.voltage", "1e39", "'voltage' of group 'g' is float32; 1e\\+39 is too large"),
    ],
)
def test_threshold_1e_minus_400_underflow_refused_like_overflow(net, path, value, message):
    before = resolve_path(net, path).get()
    before = before.copy() if isinstance(before, np.ndarray) else before
    with pytest.raises(InvalidValueError, match=message):
        prepared(net, path, value)
    after = resolve_path(net, path).get()
    assert np.array_equal(after, before)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("g.Params.threshold", "0.0", 0.0),
        ("g.Params.threshold", "0", 0.0),
        ("g.Params.threshold", "-0.0", 0.0),
        ("g.Params.threshold", "1e-300", 1e-300),
        ("g.Params.threshold", "1.5e3", 1500.0),
        ("g.Params.gain32", "1e-30", np.float32(1e-30)),
        ("g.voltage", "[0, 0.0, 2e-30]", np.array([0, 0, 2e-30], np.float32)),
    ],
)
def test_zero_and_small_normal_numbers_still_accepted(net, path, value, expected):
    plan = prepared(net, path, value)
    apply_value(plan)
    np.testing.assert_array_equal(resolve_path(net, path).get(), expected)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("g.counts", 2**40, "'counts' of group 'g' is int32; 1099511627776 is outside its range"),
        ("g.counts", 1e12, "'counts' of group 'g' is int32.*outside its range"),
        ("g.counts", "[1, 2, 3000000000]", "int32; 3000000000 is outside"),
        ("g.Params.steps", 70000, "'steps' of .*int16; 70000 is outside its range"),
        ("g.Params.steps", "1e400", "too large"),
        ("g.Params.threshold", 10**400, "too large"),
    ],
)
def test_integers_that_do_not_fit_are_refused_not_wrapped(net, path, value, message):
    with pytest.raises(InvalidValueError, match=message):
        prepared(net, path, value)


def test_python_int_attribute_takes_big_whole_numbers_exactly(net):
    apply_value(prepared(net, "g.Params.big", 10**20))
    assert net.g.Params.big == 10**20
