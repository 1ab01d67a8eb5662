"""Title: Seed tutorial 1 - a basic behavior with a recorder

The first example of the PymoNNto tutorial ("Basic Code Structure" and "Behavior"), composed into one
runnable script as the tutorial intends: 100 neurons whose voltage decays by a factor 0.9 per step,
receive sparse uniform noise (density 0.01) and spike (and reset to 0) when the voltage exceeds a
threshold of 0.5. A Recorder stores the voltage and the mean voltage; the plot shows ten voltage traces,
the mean voltage (black) and the threshold line. The SynapseGroup of the tutorial's first block is
created but not used by any behavior. Tutorial: Vieth, Stoeber & Triesch (2021), "PymoNNto: A Flexible
Modular Toolbox for Designing Brain-Inspired Neural Networks", Front. Neuroinform. 15:715131.

Note: this script deliberately keeps the tutorial's plot lines exactly as written. They ask for
'n.voltage' and 'np.mean(n.voltage)' while the Recorder was given 'voltage' and 'np.mean(voltage)'.
That works in mnn-studio (alias matching of recorder strings); PymoNNto 3.0.6 returns None for these
lookups and the first plot line fails there. The only line added to the tutorial is np.random.seed(1)
so that runs are reproducible.

Try this in the studio:
- my_neurons.Basic_Behavior.threshold: lower it to 0.2 and the neurons spike (and reset) far more often;
  raise it above 1.0 and they almost never spike, so the mean voltage rises to the noise equilibrium.
- Watch 'voltage' in the group view: sparse noise kicks decay with factor 0.9 per step.

Expected (1000 iterations):
    the recorder holds (1000, 100) samples; a neuron gets a noise kick U(0,1) on 1 % of the steps, and
    the kicks above 0.5 make it spike and reset on the next step, so each neuron spikes about once every
    200 steps and the mean voltage is only about 0.015.
    CHECK: My_Network['n.voltage', 0, 'np'].shape[0] in [1000, 1000]
    CHECK: My_Network['voltage', 0, 'np'].shape[1] in [100, 100]
    CHECK: np.mean(My_Network['np.mean(voltage)', 0, 'np']) in [0.011, 0.02]
    CHECK: np.max(My_Network['voltage', 0, 'np']) in [0.5, 1.5]
    CHECK: My_Network.my_neurons.Basic_Behavior.threshold in [0.5, 0.5]
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


My_Network = Network()

# Add behavior to NeuronGroup
NeuronGroup(net=My_Network, tag='my_neurons', size=100, behavior={
    1: Basic_Behavior(),
    9: Recorder(['voltage', 'np.mean(voltage)'], tag='my_recorder')
})

SynapseGroup(net=My_Network, src='my_neurons', dst='my_neurons', tag='GLUTAMATE')

My_Network.initialize()

My_Network.simulate_iterations(1000)

import matplotlib.pyplot as plt
plt.plot(My_Network['n.voltage', 0, 'np'][:,0:10])
plt.plot(My_Network['np.mean(n.voltage)', 0], color='black')
plt.axhline(My_Network.my_neurons.Basic_Behavior.threshold, color='black')
plt.show()
