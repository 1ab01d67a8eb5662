"""Title: LIF network - self-sustained activity of 800 excitatory and 200 inhibitory neurons

A current-based leaky integrate-and-fire (LIF) network, the "CUBA" model of Vogels & Abbott (2005),
"Signal propagation and logic gating in networks of integrate-and-fire neurons", J. Neurosci.
25(46):10786-10795, with the parameters of the simulator benchmark of Brette et al. (2007), "Simulation of
networks of spiking neurons: a review of tools and strategies", J. Comput. Neurosci. 23:349-398:
tau_m = 20 ms, E_l = -49 mV, threshold -50 mV, reset -60 mV, refractory 5 ms; exponential currents with
tau_e = 5 ms and tau_i = 10 ms; each excitatory spike adds 1.62 mV, each inhibitory spike -9 mV.
The benchmark has 3200 + 800 neurons with 2 % connectivity; here the network is scaled to 800 + 200 with
8 % connectivity, which keeps each neuron's number of inputs (about 64 excitatory and 16 inhibitory).
There is no external input: starting from random voltages in [-60, -50] mV the recurrent activity
sustains itself in an irregular, inhibition-dominated state. One iteration = 0.5 ms.

Try this in the studio:
- exc.LIF_Synapses.w_inh and inh.LIF_Synapses.w_inh (-9 mV): at -4.5 in both groups the rate more than
  doubles (about 12 Hz) and the population fires in synchronous bursts; at -18 it drops to about 4 Hz.
- exc.LIF.v_threshold (-50 mV): raise it to -48 mV (above E_l = -49) and the activity dies out, as the
  neurons now need excitatory input to fire.

Expected (1000 iterations = 0.5 s): after the first 100 ms both groups fire at about 5.5 Hz, and the
activity is still self-sustained in the last 50 ms.
    CHECK: net.exc['spike', 0, 'np'].shape[1] in [800, 800]
    CHECK: 2000 * np.mean(net.exc['spike', 0, 'np'][200:]) in [3.5, 8]
    CHECK: 2000 * np.mean(net.inh['spike', 0, 'np'][200:]) in [3.5, 8]
    CHECK: 2000 * np.mean(net.exc['spike', 0, 'np'][900:]) in [1.5, 12]
"""

from PymoNNto import *

np.random.seed(1)


class LIF(Behavior):
    """tau_m dv/dt = (E_l - v) + ge + gi; spike at v > v_threshold, then v = v_reset for t_ref ms."""

    def initialize(self, n):
        self.dt = self.parameter('dt', 0.5)                # ms
        self.tau_m = self.parameter('tau_m', 20.0)         # ms
        self.E_l = self.parameter('E_l', -49.0)            # mV
        self.v_threshold = self.parameter('v_threshold', -50.0)
        self.v_reset = self.parameter('v_reset', -60.0)
        self.t_ref = self.parameter('t_ref', 5.0)          # ms
        n.v = self.v_reset + n.vector('uniform') * (self.v_threshold - self.v_reset)
        n.spike = n.vector(bool)
        n.refractory = n.vector()                          # remaining refractory time in ms

    def iteration(self, n):
        active = n.refractory <= 0
        n.v[active] += self.dt / self.tau_m * (self.E_l - n.v[active] + n.ge[active] + n.gi[active])
        n.refractory -= self.dt
        n.spike = n.v > self.v_threshold
        n.v[n.spike] = self.v_reset
        n.refractory[n.spike] = self.t_ref


class LIF_Synapses(Behavior):
    """Exponentially decaying synaptic currents driven by the spikes of the previous step."""

    def initialize(self, n):
        self.dt = self.parameter('dt', 0.5)
        self.tau_exc = self.parameter('tau_exc', 5.0)      # ms
        self.tau_inh = self.parameter('tau_inh', 10.0)     # ms
        self.w_exc = self.parameter('w_exc', 1.62)         # mV per spike
        self.w_inh = self.parameter('w_inh', -9.0)         # mV per spike
        density = self.parameter('density', 0.08)
        n.ge = n.vector()
        n.gi = n.vector()
        for s in n.synapses(afferent):
            s.W = s.matrix(1.0, density=density)          # 0/1 connectivity

    def iteration(self, n):
        n.ge *= np.exp(-self.dt / self.tau_exc)
        n.gi *= np.exp(-self.dt / self.tau_inh)
        for s in n.synapses(afferent, 'GLUTAMATE'):
            n.ge += self.w_exc * np.sum(s.W[:, s.src.spike], axis=1)
        for s in n.synapses(afferent, 'GABA'):
            n.gi += self.w_inh * np.sum(s.W[:, s.src.spike], axis=1)


net = Network()

exc = NeuronGroup(net=net, tag='exc', size=800, color=blue, behavior={
    1: LIF_Synapses(w_exc=1.62, w_inh=-9.0),
    2: LIF(),
    9: Recorder(['v', 'spike', 'np.mean(spike)'], tag='exc_recorder'),
    10: EventRecorder('spike', tag='exc_spikes'),
})

inh = NeuronGroup(net=net, tag='inh', size=200, color=red, behavior={
    1: LIF_Synapses(w_exc=1.62, w_inh=-9.0),
    2: LIF(),
    9: Recorder(['v', 'spike', 'np.mean(spike)'], tag='inh_recorder'),
    10: EventRecorder('spike', tag='inh_spikes'),
})

SynapseGroup(net=net, src=exc, dst=exc, tag='GLUTAMATE')
SynapseGroup(net=net, src=exc, dst=inh, tag='GLUTAMATE')
SynapseGroup(net=net, src=inh, dst=exc, tag='GABA')
SynapseGroup(net=net, src=inh, dst=inh, tag='GABA')

net.initialize()
net.simulate_iterations(1000)

import matplotlib.pyplot as plt

dt = exc.LIF.dt
fig, axes = plt.subplots(3, 1, figsize=(9, 8), sharex=True)
axes[0].plot(net['spike.t', 0] * dt, net['spike.i', 0], '.', color='tab:blue', markersize=1)
axes[0].plot(net['spike.t', 1] * dt, net['spike.i', 1] + exc.size, '.', color='tab:red', markersize=1)
axes[0].set_ylabel('neuron (exc | inh)')
axes[0].set_title('CUBA LIF network (Vogels & Abbott 2005), 800 exc + 200 inh')
t = np.arange(1, 1001) * dt
axes[1].plot(t, net['np.mean(spike)', 0, 'np'] * 1000 / dt, color='tab:blue', label='exc')
axes[1].plot(t, net['np.mean(spike)', 1, 'np'] * 1000 / dt, color='tab:red', label='inh')
axes[1].set_ylabel('population rate (Hz)')
axes[1].legend(loc='upper right')
axes[2].plot(t, net['v', 0, 'np'][:, 0:3])
axes[2].set_ylabel('v (mV), 3 exc neurons')
axes[2].set_xlabel('time (ms)')
plt.tight_layout()
plt.show()
