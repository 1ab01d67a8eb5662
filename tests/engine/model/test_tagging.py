"""API §2, §3.8, §3.9: tags, lookups, attribute shortcuts."""

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder, SynapseGroup
from tests.support.behaviors import Counter


class Drive(Behavior):
    def initialize(self, neurons):
        neurons.rate = neurons.vector()

    def iteration(self, neurons):
        neurons.rate += 1


class MyRec(Recorder):
    pass


@pytest.fixture
def net():
    net = Network(tag="brain")
    exc = NeuronGroup(
        net=net, tag="exc,cortex", size=4, behavior={1: Drive(tag="drv"), 9: Recorder("rate", tag="rec")}
    )
    NeuronGroup(net=net, tag="inh", size=2, behavior={1: Drive(), 9: MyRec("rate")})
    SynapseGroup(net=net, src=exc, dst="inh", tag="GLU")
    net.initialize(info=False)
    net.simulate_iterations(3, measure_block_time=False)
    return net


def test_tags_construction_order():
    net = Network()
    assert net.tags == ["Network"] and net.tag == "Network"
    g = NeuronGroup(net=net, tag="a, b", size=1)
    assert g.tags == ["a", " b", "NeuronGroup", "ng"]
    sg = SynapseGroup(net=net, src=g, dst=g)
    assert sg.tags == ["SynapseGroup_1", "SynapseGroup", "syn", "a_to_a"]
    assert NeuronGroup(net=net, size=1).tag == "NeuronGroup_2"
    rec = MyRec("x")
    assert "MyRec" in rec.tags and "Recorder" not in rec.tags
    assert EventRecorder("x").tags == ["EventRecorder"]
    assert g.add_tag("c,d") is g and g.tags[-2:] == ["c", "d"]
    with pytest.raises(AttributeError):
        g.tag = "nope"


def test_lookup_forms(net):
    exc = net["exc", 0]
    assert net["exc"] == [exc] and net["cortex", 0] is exc
    assert net["missing"] == [] and net["missing", 0] is None
    with pytest.raises(IndexError):
        net["exc", 5]
    assert net["exc", -1] is exc
    assert net["brain", 0] is net
    assert len(net["ng"]) == 2 and len(net["syn"]) == 1
    assert net[1] == [exc.behavior[1], net["inh", 0].behavior[1]]  # behavior keys, group order
    assert exc[1] == [exc.behavior[1]]
    assert exc["Recorder", 0] is exc.behavior[9]
    assert net["recorder"] == [exc.behavior[9], net["inh", 0].behavior[9]]
    assert net[Recorder] == [exc.behavior[9], net["inh", 0].behavior[9]]


def test_series_lookup_order_and_np(net):
    series = net["rate"]
    assert len(series) == 2
    arr = net["rate", 0, "np"]
    assert arr.shape == (3, 4) and arr.dtype == np.float32
    assert np.array_equal(arr[:, 0], [1, 2, 3])
    assert net["rate", 1, "np"].shape == (3, 2)
    with pytest.raises(ValueError):  # ragged (4 and 2 neurons): numpy's own error
        net["rate", "np"]
    assert net["rate", 0:1] == series[0:1]


def test_tag_shortcuts_and_cache_freshness(net):
    net["exc"]
    assert net.tag_shortcuts["exc"] == net["exc"]
    NeuronGroup(net=net, tag="late", size=1)
    assert len(net["ng"]) == 3  # a stale cache would miss the new group
    before = len(net["rate", 0])
    net.simulate_iterations(2, measure_block_time=False)
    assert len(net["rate", 0]) == before + 2


def test_attribute_shortcuts_first_come(net):
    exc, inh = net["exc", 0], net["inh", 0]
    assert net.exc is exc and net.cortex is exc and net.inh is inh
    assert net.NeuronGroup is exc and net.ng is exc
    assert net.GLU is net.SynapseGroups[0] and net.exc_to_inh is net.GLU
    assert net.syn is net.GLU and net.SynapseGroup is net.GLU
    assert exc.drv is exc.behavior[1] and exc.Drive is exc.behavior[1]
    assert exc.rec is exc.behavior[9] and exc.recorder is exc.behavior[9]
    assert isinstance(net.iteration, int)  # existing names are never overwritten
    net2 = Network()
    NeuronGroup(net=net2, tag="iteration", size=1)
    assert net2.iteration == 0


def test_network_getattr_fallback_finds_group_behaviors(net):
    assert net.drv is net["exc", 0].behavior[1]
    with pytest.raises(AttributeError, match="no attribute or tag"):
        _ = net.nothing_here


def test_has_module_and_set_tag_attrs(net):
    assert net.has_module("drv") and not net.has_module("zzz")
    net.set_tag_attrs("Drive", "behavior_enabled", False)
    assert not any(b.behavior_enabled for b in net["Drive"])


def test_synapse_lists(net):
    exc, inh = net.exc, net.inh
    sg = net.GLU
    assert inh.synapses(0, "GLU") == [sg] and exc.synapses(1, "GLU") == [sg]
    assert exc.synapses(0, "GLU") == [] and inh.synapses(0) == [sg]
    assert exc.synapses(0, "unknown") == []
    assert inh.synapses(0, "GLU") is inh.synapses(0, "GLU")
    assert exc.synapses(7) is None
    lonely = Network()
    g = NeuronGroup(net=lonely, tag="g", size=2)
    assert g.synapses(0) == [] and g.synapses(1, "GLUTAMATE") == []
    self_sg = SynapseGroup(net=lonely, src=g, dst=g, tag="rec")
    assert g.synapses(0, "rec") == [self_sg] == g.synapses(1, "rec")


def test_unresolved_src_names_existing_tags():
    net = Network()
    NeuronGroup(net=net, tag="exc", size=2)
    with pytest.raises(ValueError, match=r"src='exx'.*'exc'"):
        SynapseGroup(net=net, src="exx", dst="exc")
    with pytest.raises(TypeError, match="must be a NeuronGroup"):
        SynapseGroup(net=net, src=3, dst="exc")


def test_remove_behavior_by_tag_key_instance_type():
    net = Network()
    g = NeuronGroup(
        net=net, tag="g", size=2, behavior={1: Counter(), 2: Counter(tag="c2"), 3: Drive(), 4: Drive()}
    )
    net.initialize(info=False)
    g.remove_behavior("c2")
    assert 2 not in g.behavior and "c2" not in vars(g)
    g.remove_behavior(1)
    assert not hasattr(g, "Counter")
    g.remove_behavior(Drive)
    assert g.behavior == {} and net.sorted_behavior_execution_list == []
    assert net["Counter"] == []
