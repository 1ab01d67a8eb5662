"""Title: Izhikevich network - 800 excitatory and 200 inhibitory spiking neurons

The network of Izhikevich (2003), "Simple model of spiking neurons", IEEE Transactions on Neural
Networks 14(6):1569-1572, written as PymoNNto behaviors. Each neuron follows
v' = 0.04 v^2 + 5 v + 140 - u + I and u' = a (b v - u), with the reset v <- c, u <- u + d when v >= 30 mV.
Parameters are the published ones: excitatory cells a=0.02, b=0.2, c=-65+15 r^2, d=8-6 r^2 (regular
spiking to chattering), inhibitory cells a=0.02+0.08 r, b=0.25-0.05 r, c=-65, d=2 (fast spiking), with r
uniform in [0,1] per neuron. Synapses are all-to-all: weights 0.5*U(0,1) from excitatory and -U(0,1) from
inhibitory neurons; thalamic input is Gaussian noise with s.d. 5 (excitatory) and 2 (inhibitory) per 1 ms
step. v is integrated with two 0.5 ms half steps, as in the paper's MATLAB code. One iteration = 1 ms.
The behaviors run in the global key order across both groups: spike detection and reset (key 1), thalamic
noise (2), synaptic input from the spikes of this same step (3), integration (4) - the order of the paper's
loop.
The population shows the paper's alpha/gamma-band rhythm in the raster.

Try this in the studio:
- exc.Thalamic_Input.sigma (5): at 3 the network falls almost silent (about 0.2 Hz); at 8 the rate
  more than doubles (about 18 Hz) and the volleys become stronger.
- exc.Izhikevich_Synapses.gain_inh (1.0): inhibition onto the excitatory cells; at 0.5 excitation
  runs away to about 60 Hz.

Expected (1000 iterations = 1 s): mean rate about 7.5 Hz in both groups (a plain NumPy
transcription of the paper's MATLAB code gives the same), with population bursts at alpha/gamma rhythm.
    CHECK: net.exc['fired', 0, 'np'].shape[1] in [800, 800]
    CHECK: 1000 * np.mean(net.exc['fired', 0, 'np']) in [5, 11]
    CHECK: 1000 * np.mean(net.inh['fired', 0, 'np']) in [4.5, 11]
    CHECK: np.median(net.exc['v', 0, 'np']) in [-76, -62]
"""

from PymoNNto import *

np.random.seed(1)


class Izhikevich(Behavior):
    """Neuron model; a parameter x is x + x_spread * r**spread_power with r ~ U(0,1) per neuron."""

    def initialize(self, n):
        power = self.parameter('spread_power', 1.0)
        r = n.vector('uniform') ** power
        n.a = self.parameter('a', 0.02) + self.parameter('a_spread', 0.0) * r
        n.b = self.parameter('b', 0.2) + self.parameter('b_spread', 0.0) * r
        n.c = self.parameter('c', -65.0) + self.parameter('c_spread', 0.0) * r
        n.d = self.parameter('d', 8.0) + self.parameter('d_spread', 0.0) * r
        self.threshold = self.parameter('threshold', 30.0)
        n.v = n.vector(-65.0)
        n.u = n.b * n.v
        n.I = n.vector()
        n.fired = n.vector(bool)

    def iteration(self, n):
        # key 1: spikes of the previous integration step, then reset
        n.fired = n.v >= self.threshold
        n.v[n.fired] = n.c[n.fired]
        n.u[n.fired] += n.d[n.fired]


class Thalamic_Input(Behavior):

    def initialize(self, n):
        self.sigma = self.parameter('sigma', 5.0)

    def iteration(self, n):
        n.I = self.sigma * n.vector('normal')


class Izhikevich_Synapses(Behavior):
    """Adds the summed weights of the presynaptic neurons that fired in this step."""

    def initialize(self, n):
        self.gain_exc = self.parameter('gain_exc', 0.5)
        self.gain_inh = self.parameter('gain_inh', 1.0)
        for s in n.synapses(afferent):
            s.W = s.matrix('uniform')

    def iteration(self, n):
        for s in n.synapses(afferent, 'GLUTAMATE'):
            n.I += self.gain_exc * np.sum(s.W[:, s.src.fired], axis=1)
        for s in n.synapses(afferent, 'GABA'):
            n.I -= self.gain_inh * np.sum(s.W[:, s.src.fired], axis=1)


class Izhikevich_Integration(Behavior):
    """One 1 ms iteration: v in two 0.5 ms Euler half steps, then u in one 1 ms step (paper's code)."""

    def initialize(self, n):
        self.dt = self.parameter('dt', 1.0)  # ms per iteration

    def iteration(self, n):
        half = self.dt / 2
        for _ in range(2):
            n.v += half * (0.04 * n.v ** 2 + 5 * n.v + 140 - n.u + n.I)
        n.u += self.dt * (n.a * (n.b * n.v - n.u))


net = Network()

exc = NeuronGroup(net=net, tag='exc', size=800, color=blue, behavior={
    1: Izhikevich(a=0.02, b=0.2, c=-65, d=8, c_spread=15, d_spread=-6, spread_power=2),
    2: Thalamic_Input(sigma=5),
    3: Izhikevich_Synapses(gain_exc=0.5, gain_inh=1.0),
    4: Izhikevich_Integration(),
    9: Recorder(['v', 'fired', 'np.mean(fired)'], tag='exc_recorder'),
    10: EventRecorder('fired', tag='exc_spikes'),
})

inh = NeuronGroup(net=net, tag='inh', size=200, color=red, behavior={
    1: Izhikevich(a=0.02, b=0.25, c=-65, d=2, a_spread=0.08, b_spread=-0.05, spread_power=1),
    2: Thalamic_Input(sigma=2),
    3: Izhikevich_Synapses(gain_exc=0.5, gain_inh=1.0),
    4: Izhikevich_Integration(),
    9: Recorder(['v', 'fired', 'np.mean(fired)'], tag='inh_recorder'),
    10: EventRecorder('fired', tag='inh_spikes'),
})

SynapseGroup(net=net, src=exc, dst=exc, tag='GLUTAMATE')
SynapseGroup(net=net, src=exc, dst=inh, tag='GLUTAMATE')
SynapseGroup(net=net, src=inh, dst=exc, tag='GABA')
SynapseGroup(net=net, src=inh, dst=inh, tag='GABA')

net.initialize()
net.simulate_iterations(1000)

import matplotlib.pyplot as plt

fig, axes = plt.subplots(3, 1, figsize=(9, 8), sharex=True)
axes[0].plot(net['fired.t', 0], net['fired.i', 0], '.', color='tab:blue', markersize=1)
axes[0].plot(net['fired.t', 1], net['fired.i', 1] + exc.size, '.', color='tab:red', markersize=1)
axes[0].set_ylabel('neuron (exc | inh)')
axes[0].set_title('Izhikevich (2003) network, 800 exc + 200 inh')
axes[1].plot(net['np.mean(fired)', 0, 'np'] * 1000, color='tab:blue', label='exc')
axes[1].plot(net['np.mean(fired)', 1, 'np'] * 1000, color='tab:red', label='inh')
axes[1].set_ylabel('population rate (Hz)')
axes[1].legend(loc='upper right')
axes[2].plot(np.minimum(net['v', 0, 'np'][:, 0:3], 30))  # spike peaks drawn at 30 mV
axes[2].set_ylabel('v (mV), 3 exc neurons')
axes[2].set_xlabel('time (ms)')
plt.tight_layout()
plt.show()
