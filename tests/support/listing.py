"""The studio's listing of a network, as a test and a benchmark both repeat it (what the window
does when it opens a network), and the seed network it is measured on."""

from __future__ import annotations

import numpy as np

from engine import Behavior, Network, NeuronGroup, SynapseGroup, afferent
from studio.core import introspect
from studio.parameters.model import behavior_fields, variable_fields
from tests.support.behaviors import Basic_Behavior


class Input_Behavior(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


def seed_network() -> Network:
    np.random.seed(1)
    net = Network()
    group = NeuronGroup(
        net=net, tag="my_neurons", size=100, behavior={1: Basic_Behavior(threshold=0.5), 2: Input_Behavior()}
    )
    SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    net.initialize(info=False)
    return net


def list_like_the_studio(net: Network) -> int:
    """What the window does when it opens a network: variables per group, fields per behavior."""
    count = 0
    for group in net.NeuronGroups:
        count += len(introspect.neuron_variables(group))
        count += len(variable_fields(group, group.tags[0]))
        for _key, behavior in introspect.behavior_rows(group):
            count += len(behavior_fields(behavior, f"{group.tags[0]}.{behavior.tags[0]}"))
    for sg in net.SynapseGroups:
        count += len(variable_fields(sg, sg.tags[0]))
    return count
