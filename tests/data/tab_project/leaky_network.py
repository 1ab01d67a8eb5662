"""Leaky neurons with a tab of their own (a PymoNNto project: the tab lives in another module)."""

from PymoNNto import *


class Leaky(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5
        self.decay = self.parameter("decay", 0.9, neurons)

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0
        neurons.voltage *= self.decay
        neurons.voltage += neurons.vector("uniform", density=0.01)


class Drive(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


net = Network()
group = NeuronGroup(net=net, tag="my_neurons", size=get_squared_dim(100), behavior={1: Leaky(), 2: Drive()})
SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
net.initialize()

from PymoNNto.Exploration.Network_UI import *
from tabs.mean_voltage_tab import *

modules = [MeanVoltageTab()] + get_default_UI_modules(["voltage", "spike"], ["W"])
Network_UI(net, modules=modules, label="Leaky network UI", group_display_count=1).show()
