"""Issue 17: the W memory-order choice is made on what the iterations do, so edits between
``initialize()`` and the first iteration (``syn.W *= 0.2``, ``syn.W = syn.W * 0.2``) do not cancel it."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup


class Spiking(Behavior):
    def initialize(self, n):
        n.v = n.vector("uniform")
        n.fired = n.v > 0.9

    def iteration(self, n):
        n.fired = n.v > 0.9
        n.v[n.fired] = 0
        n.v += n.vector("uniform", density=0.05) * 0.5


class Gather(Behavior):
    def initialize(self, n):
        for s in n.synapses(0):
            s.W = s.matrix("uniform", density=0.3)

    def iteration(self, n):
        for s in n.synapses(0):
            n.v += np.sum(s.W[:, s.src.fired], axis=1) * 0.01


def scale_in_place(net):
    net.S.W *= 0.2


def scale_by_replacing(net):
    net.S.W = net.S.W * 0.2


def read_and_clip(net):
    assert float(np.sum(net.S.W)) > 0
    net.S.W[net.S.W < 0.05] = 0.0


def build(order, edit, size=300, iterations=60):
    np.random.seed(3)
    net = Network(settings={"matrix_order": order})
    NeuronGroup(net=net, tag="g", size=size, behavior={1: Spiking(), 2: Gather(), 9: Recorder(["v"])})
    SynapseGroup(net=net, src=net.g, dst=net.g, tag="S")
    net.initialize(info=False)
    edit(net)
    net.simulate_iterations(iterations, measure_block_time=False)
    return net


@pytest.mark.parametrize("edit", [scale_in_place, scale_by_replacing, read_and_clip])
def test_syn_W_times_0_2_after_initialize_keeps_the_column_major_choice(edit):
    auto, fixed = build("auto", edit), build("C", edit)
    assert auto.layout_decisions == {"S.W": "F (column gathers only)"}
    assert auto.S.W.flags.f_contiguous and type(auto.S.W) is np.ndarray
    np.testing.assert_array_equal(auto.S.W, fixed.S.W)  # the edit itself is kept
    np.testing.assert_array_equal(auto["v", 0, "np"], fixed["v", 0, "np"])


def test_an_edit_during_the_probed_iterations_still_counts():
    np.random.seed(3)
    net = Network()
    NeuronGroup(net=net, tag="g", size=300, behavior={1: Spiking(), 2: Gather()})
    SynapseGroup(net=net, src=net.g, dst=net.g, tag="S")
    net.initialize(info=False)
    net.simulate_iteration()
    net.S.W *= 0.5  # between two probed iterations: a use of W like any other
    net.simulate_iterations(10, measure_block_time=False)
    assert net.layout_decisions == {"S.W": "C (other uses)"} and net.S.W.flags.c_contiguous
