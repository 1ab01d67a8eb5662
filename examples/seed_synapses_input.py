"""Title: Seed tutorial 2 - synapses, input and an event recorder

The second example of the PymoNNto tutorial ("Synapses and Input"): the 100 noisy leaky neurons of the
first tutorial example (Basic_Behavior, voltage decay 0.9, threshold 0.5) now also receive recurrent input
through a SynapseGroup tagged 'GLUTAMATE'. Input_Behavior creates a sparse uniform weight matrix
(density 0.1) and adds W.dot(spikes) / 100 * 10 to the voltage every step. An EventRecorder stores every
spike as (iteration, neuron index); the script plots voltage traces and a spike raster. Tutorial:
Vieth, Stoeber & Triesch (2021), "PymoNNto: A Flexible Modular Toolbox for Designing Brain-Inspired
Neural Networks", Front. Neuroinform. 15:715131.

Differences from the tutorial text, which cannot run literally: the tutorial writes
`class Basic_Behavior(Behavior): ...` meaning "the class from the previous example", so the full class is
repeated here; and it uses `My_Neurons` without ever assigning it, so the NeuronGroup is assigned to
`My_Neurons` here. np.random.seed(1) is added for reproducible runs. Everything else is the tutorial's code.

Try this in the studio:
- my_neurons.Basic_Behavior.threshold: lower it and the recurrent excitation makes spikes spread
  (bursts in the raster); raise it and the network becomes almost silent.
- Deactivate Input_Behavior: the recurrent kicks stop (watch the voltage traces: only the sparse noise
  moves them); the spike rate falls only a little (about 0.55 -> 0.5 spikes per step), because at this
  threshold most spikes are started by the noise.

Expected (1000 iterations): about 0.5 spikes per step (about 500 EventRecorder rows), mean voltage
about 0.04, about 10 % of W non-zero.
    CHECK: My_Network['spike', 0].shape[0] in [350, 700]
    CHECK: My_Network['spike.t', 0].min() in [1, 1000]
    CHECK: My_Network['spike.i', 0].max() in [0, 99]
    CHECK: np.mean(My_Network['np.mean(voltage)', 0, 'np']) in [0.035, 0.06]
    CHECK: np.mean(My_Network.GLUTAMATE.W > 0) in [0.08, 0.12]
"""

from PymoNNto import *

np.random.seed(1)


class Basic_Behavior(Behavior):

    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0 #reset

        neurons.voltage *= 0.9 #voltage decay
        neurons.voltage += neurons.vector('uniform',density=0.01) #noise


class Input_Behavior(Behavior):

    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, 'GLUTAMATE'):
            synapse.W = synapse.matrix('uniform', density=0.1)
            synapse.enabled = synapse.W > 0

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, 'GLUTAMATE'):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


My_Network = Network()

My_Neurons = NeuronGroup(net=My_Network, tag='my_neurons', size=100, behavior={
    1: Basic_Behavior(),
    2: Input_Behavior(),
    9: Recorder(['voltage', 'np.mean(voltage)'], tag='my_recorder'),
    10: EventRecorder('spike', tag='my_event_recorder')
})

my_syn = SynapseGroup(net=My_Network, src=My_Neurons, dst=My_Neurons, tag='GLUTAMATE')

My_Network.initialize()

My_Network.simulate_iterations(1000)

# plotting:

import matplotlib.pyplot as plt

plt.plot(My_Network['voltage', 0, 'np'][:, 0:10])
plt.plot(My_Network['np.mean(voltage)', 0], color='black')
plt.axhline(My_Neurons['Basic_Behavior', 0].threshold, color='black')
plt.xlabel('iterations')
plt.ylabel('voltage')
plt.show()

plt.plot(My_Network['spike.t', 0], My_Network['spike.i', 0], '.k')
plt.xlabel('iterations')
plt.ylabel('neuron index')
plt.show()
