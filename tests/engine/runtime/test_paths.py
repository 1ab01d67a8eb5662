"""Tag paths (engine.runtime.tag_paths): resolution, error messages, value validation. No threads here."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup
from engine.runtime.tag_paths import InvalidValueError, PathError, resolve_behaviors, resolve_path
from engine.runtime.value_edits import apply_value, prepare_value


class Basic_Behavior(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        neurons.count = np.zeros(neurons.size, dtype=np.int64)
        neurons.spike = neurons.vector(bool)
        self.threshold = 0.5
        self.steps = 3
        self.active = True
        self.mode = "hard"
        self.gain32 = np.float32(2.0)
        self.buffer = np.zeros((4, neurons.size))
        self.extra = None

    def iteration(self, neurons):
        pass


class Net_Behavior(Behavior):
    def initialize(self, net):
        self.threshold = 1.0


class Weights(Behavior):
    def initialize(self, synapses):
        synapses.W = synapses.matrix("uniform")


@pytest.fixture
def net():
    np.random.seed(0)
    net = Network(behavior={5: Net_Behavior(tag="net_level")}, settings={"dt": 0.001})
    g = NeuronGroup(
        net=net, tag="my_neurons", size=10, behavior={1: Basic_Behavior(tag="bb"), 9: Recorder(["voltage"])}
    )
    h = NeuronGroup(net=net, tag="other,second_tag", size=4, behavior={1: Basic_Behavior()})
    SynapseGroup(net=net, src=g, dst=h, tag="GLUTAMATE", behavior={1: Weights()})
    net.initialize(info=False)
    return net


def test_resolve_group_attribute(net):
    t = resolve_path(net, "my_neurons.voltage")
    assert t.obj is net.my_neurons and t.attr == "voltage" and t.get() is net.my_neurons.voltage


def test_resolve_behavior_by_class_name_user_tag_and_key(net):
    b = net.my_neurons.behavior[1]
    for path in ("my_neurons.Basic_Behavior.threshold", "my_neurons.bb.threshold", "my_neurons.1.threshold"):
        t = resolve_path(net, path)
        assert t.obj is b and t.parent is net.my_neurons and t.attr == "threshold"


def test_resolve_second_tag_synapse_group_network_and_network_behavior(net):
    assert resolve_path(net, "second_tag.voltage").obj is net["other", 0]
    assert resolve_path(net, "GLUTAMATE.W").obj is net.SynapseGroups[0]
    assert resolve_path(net, "Network.dt").obj is net
    assert resolve_path(net, "net_level.threshold").obj is net.behavior[5]
    assert resolve_path(net, "dt").obj is net


def test_unknown_first_part_names_it_and_lists_what_exists(net):
    with pytest.raises(PathError) as info:
        resolve_path(net, "my_neuronz.voltage")
    msg = str(info.value)
    assert "'my_neuronz'" in msg and "did you mean 'my_neurons'" in msg
    assert "my_neurons" in msg and "other" in msg and "GLUTAMATE" in msg


def test_unknown_attribute_on_behavior_suggests_the_closest_name(net):
    with pytest.raises(PathError) as info:
        resolve_path(net, "my_neurons.Basic_Behavior.threshhold")
    msg = str(info.value)
    assert msg.startswith("no attribute 'threshhold' on behavior Basic_Behavior 'bb' of group 'my_neurons'")
    assert "did you mean 'threshold'?" in msg


def test_unknown_behavior_lists_behaviors(net):
    with pytest.raises(PathError) as info:
        resolve_path(net, "my_neurons.Basic_Behaviour.threshold")
    msg = str(info.value)
    assert "'Basic_Behaviour'" in msg and "did you mean 'Basic_Behavior'" in msg and "1:Basic_Behavior" in msg


def test_empty_and_bad_paths(net):
    for bad in ("", "   ", "my_neurons..voltage", None, 3):
        with pytest.raises(PathError):
            resolve_path(net, bad)


def test_missing_attribute_allowed_when_asked(net):
    t = resolve_path(net, "my_neurons.not_yet", must_exist=False)
    assert not t.exists()


def test_resolve_behaviors_by_tag_and_path(net):
    assert len(resolve_behaviors(net, "Basic_Behavior")) == 2
    assert resolve_behaviors(net, "my_neurons.Basic_Behavior") == [net.my_neurons.behavior[1]]
    with pytest.raises(PathError, match="did you mean 'Basic_Behavior'"):
        resolve_behaviors(net, "Basic_Behaviour")
    with pytest.raises(PathError):
        resolve_behaviors(net, "my_neurons.Nope")


# ------------------------------------------------------------------------------------------ values
def _set(net, path, value):
    old, new = apply_value(prepare_value(resolve_path(net, path), value))
    return resolve_path(net, path).get()


def test_scalar_coercion_keeps_types(net):
    assert _set(net, "my_neurons.bb.threshold", "0.7") == 0.7
    assert type(_set(net, "my_neurons.bb.threshold", 1)) is float
    assert _set(net, "my_neurons.bb.steps", "4") == 4 and type(net.my_neurons.bb.steps) is int
    assert _set(net, "my_neurons.bb.steps", 5.0) == 5 and type(net.my_neurons.bb.steps) is int
    assert _set(net, "my_neurons.bb.active", "false") is False
    assert _set(net, "my_neurons.bb.active", 1) is True
    assert _set(net, "my_neurons.bb.mode", "soft") == "soft"
    assert _set(net, "my_neurons.bb.extra", [1, 2]) == [1, 2]
    value = _set(net, "my_neurons.bb.gain32", 3)
    assert value == 3 and isinstance(value, np.float32)


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        ("my_neurons.bb.threshold", "abc", "'abc' is not a number"),
        ("my_neurons.bb.threshold", "uniform(0,1)", "need an array attribute"),
        ("my_neurons.bb.threshold", [1, 2], "scalar float; cannot set it to an array of shape (2,)"),
        ("my_neurons.bb.steps", 2.5, "not a whole number"),
        ("my_neurons.bb.active", 3, "is a bool"),
        ("my_neurons.bb.mode", 3, "is a string"),
        ("my_neurons.voltage", [1, 2, 3], "has shape (10,); a value of shape (3,) does not fit"),
        ("my_neurons.voltage", "hello", "cannot read 'hello'"),
        ("my_neurons.count", 1.5, "whole numbers"),
        ("my_neurons.spike", 2, "True/False or 0/1"),
        ("my_neurons.voltage", "uniform(0,", "not a valid expression"),
        ("my_neurons.bb.buffer", "uniform(0,1)", "need a per-neuron vector"),
        ("my_neurons.size", 5, "structure"),
        ("Network.iteration", 5, "structure"),
        ("my_neurons.bb.behavior_enabled", "maybe", "is a bool"),
    ],
)
def test_bad_values_raise_with_a_clear_message_and_touch_nothing(net, path, value, fragment):
    before = {
        k: (v.copy() if isinstance(v, np.ndarray) else v)
        for k, v in vars(resolve_path(net, path).obj).items()
        if isinstance(v, (np.ndarray, int, float, str))
    }
    with pytest.raises((InvalidValueError, PathError)) as info:
        prepare_value(resolve_path(net, path), value)
    assert fragment in str(info.value)
    after = vars(resolve_path(net, path).obj)
    for k, v in before.items():
        assert np.array_equal(after[k], v) if isinstance(v, np.ndarray) else after[k] == v


def test_array_broadcast_in_place_and_exact_shape(net):
    v = net.my_neurons.voltage
    _set(net, "my_neurons.voltage", 0.25)
    assert net.my_neurons.voltage is v and np.all(v == np.float32(0.25)) and v.dtype == np.float32
    _set(net, "my_neurons.voltage", np.arange(10))
    assert np.array_equal(v, np.arange(10, dtype=np.float32))
    _set(net, "my_neurons.spike", 1)
    assert net.my_neurons.spike.all()
    _set(net, "my_neurons.bb.buffer", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])  # broadcast over rows
    assert np.array_equal(net.my_neurons.bb.buffer[3], np.arange(1, 11))


def test_value_string_goes_through_vector_and_matrix(net):
    _set(net, "my_neurons.voltage", "uniform(0.4,0.6)")
    v = net.my_neurons.voltage
    assert (
        v.shape == (10,)
        and v.dtype == np.float32
        and np.all((v >= 0.4) & (v < 0.6))
        and np.unique(v).size > 1
    )
    _set(net, "GLUTAMATE.W", "normal(5, 0.1)")
    W = net.SynapseGroups[0].W
    assert W.shape == (4, 10) and abs(W.mean() - 5) < 0.5


def test_value_string_is_evaluated_at_apply_time(net):
    plan = prepare_value(resolve_path(net, "my_neurons.voltage"), "uniform(0.4,0.6)")
    assert np.all(net.my_neurons.voltage == 0)  # prepare does not touch the network
    apply_value(plan)
    assert np.all(net.my_neurons.voltage >= 0.4)


def test_apply_reports_shape_change_between_prepare_and_apply(net):
    plan = prepare_value(resolve_path(net, "my_neurons.voltage"), 1.0)
    net.my_neurons.voltage = np.zeros(3, dtype=np.float32)
    with pytest.raises(InvalidValueError, match="changed shape"):
        apply_value(plan)
    assert np.all(net.my_neurons.voltage == 0)
