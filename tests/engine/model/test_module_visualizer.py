"""NeuronGroup.visualize_module: the behaviors in order with parameters, reads, writes and flow."""

import numpy as np

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup, afferent, get_squared_dim
from engine.model.module_visualizer import analyze_module, describe_modules
from engine.model.partition import Partition


class Leak(Behavior):
    def initialize(self, n):
        self.tau = self.parameter("tau", 10.0)
        self.threshold = self.parameter("threshold", 0.5)
        n.voltage = n.vector()
        n.spike = n.vector(bool)

    def iteration(self, n):
        n.voltage += (n.input - n.voltage) / self.tau
        n.spike = n.voltage > self.threshold
        n.voltage[n.spike] = 0.0


class Input(Behavior):
    def initialize(self, neurons):
        neurons.input = neurons.vector()

    def iteration(self, neurons):
        neurons.input.fill(0)
        for s in neurons.synapses(afferent, "GLU"):
            s.dst.input += s.W.dot(s.src.spike)


class Weights(Behavior):
    def initialize(self, synapses):
        synapses.W = synapses.matrix("uniform") * self.parameter("scale", 1.0)


def _net():
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="exc",
        size=get_squared_dim(16),
        behavior={1: Input(), 2: Leak(tau=20.0), 9: Recorder(variables=["voltage"])},
    )
    SynapseGroup(net=net, src=group, dst=group, tag="GLU", behavior={1: Weights(scale=0.5)})
    return net, group


def test_the_text_lists_each_behavior_in_order(capsys):
    net, group = _net()
    text = group.visualize_module()
    assert capsys.readouterr().out.strip() == text
    lines = text.splitlines()
    assert lines[0] == "NeuronGroup 'exc' (16 neurons): 4 behaviors in execution order"
    assert lines[1] == "  [0] NeuronDimension  (PymoNNto Neuron-Group Module (init set var))"
    leak = lines.index("  [2] Leak  (PymoNNto Neuron-Group Module)")
    assert lines[leak + 1] == "      parameters: tau=20.0, threshold=0.5 (default)"
    assert lines[leak + 2] == "      reads:      n.input, n.spike, n.voltage"
    assert lines[leak + 3] == "      writes:     n.spike #init, n.voltage #init"
    start = lines.index("  [1] Input  (PymoNNto Neuron-Group Module)")
    assert lines[start + 2] == "      reads:      n.input, n.spike, s.W"
    assert lines[start + 3] == "      writes:     n.input #init"
    assert lines[lines.index("flow:") + 1 :] == [
        "  n.input: [1] Input -> [1] Input",
        "  n.spike: [2] Leak -> [1] Input",
        "  n.input: [1] Input -> [2] Leak",
        "  n.spike: [2] Leak -> [2] Leak",
        "  n.voltage: [2] Leak -> [2] Leak",
    ]


def test_filters_and_feed_forward_only():
    net, group = _net()
    text = group.visualize_module(
        show_dimension=False, show_recorder=False, only_feed_forward_connections=True
    )
    lines = text.splitlines()
    assert lines[0].endswith("2 behaviors in execution order")
    assert not any("Recorder" in line or "NeuronDimension" in line for line in lines)
    assert lines[lines.index("flow:") + 1 :] == ["  n.input: [1] Input -> [2] Leak"]


def test_synapse_modules_and_declared_lists():
    net, group = _net()
    weights = analyze_module(net.SynapseGroups[0].behavior[1], 1)
    assert weights.module_type == "PymoNNto Synapse-Group Module"
    assert weights.outputs == ["s.W"] and weights.init_vars == ["s.W"] and weights.attributes == ["scale=0.5"]
    partition = analyze_module(Partition(split_size=[2, 2, 1]))
    assert partition.inputs == Partition.visualization_module_inputs
    assert partition.outputs == ["s.network.SynapseGroups"]
    assert partition.module_type == "PymoNNto Synapse-Group Module (init set var)"
    assert partition.attributes == ["split_size=[2, 2, 1]"]
    assert [info.key for info in describe_modules(group.behavior)] == [0, 1, 2, 9]
    assert np.all(group.x == group.x)  # describing changed nothing on the group
