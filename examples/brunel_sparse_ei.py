"""Title: Brunel network - sparse random E/I network in the asynchronous irregular state

A sparsely connected network of excitatory and inhibitory leaky integrate-and-fire neurons with delta
synapses, model A of Brunel (2000), "Dynamics of sparsely connected networks of excitatory and inhibitory
spiking neurons", J. Comput. Neurosci. 8(3):183-208. Neuron parameters are the paper's: tau = 20 ms,
threshold theta = 20 mV, reset V_r = 10 mV, refractory period 2 ms, transmission delay D = 1.5 ms.
Connections are random with probability epsilon = 0.1; an excitatory spike moves the target's potential
by J, an inhibitory one by -g*J. Every neuron also receives C_E independent external Poisson inputs of
rate nu_ext (each of size J). Regime: relative inhibition g = 5 and nu_ext = 2 nu_thr, where
nu_thr = theta / (J C_E tau) is the external rate that alone brings the mean input to threshold - the
asynchronous irregular (AI) state of the paper's Fig. 8C (the point also used by NEST's brunel_delta
example). The network is scaled down from N_E = 10000, N_I = 2500 to N_E = 2000, N_I = 500 (C_E = 200,
C_I = 50), and J from 0.1 mV to 0.5 mV, which keeps C_E*J (the mean recurrent coupling) at 100 mV. The
larger J means larger input fluctuations, so the rate is higher than in the full-size network: the
paper's mean-field (Siegert) equations give 49 Hz for these parameters (38 Hz for the full size), and the
simulation gives about 55 Hz, with irregular firing (CV of the interspike intervals about 0.6; the 2 ms
refractory period at this rate keeps it below 1) and no population oscillation. One iteration = 0.25 ms.

Try this in the studio:
- exc.Brunel_Synapses.g and inh.Brunel_Synapses.g (5): at g = 3 excitation dominates, the neurons fire
  near saturation (about 300 Hz) in a regular, synchronous pattern (the paper's SR state: ISI CV about
  0.1, synchrony index in the hundreds); at g = 6 the rate halves to about 30 Hz.
- exc.External_Poisson.nu_ratio and inh.External_Poisson.nu_ratio (2): at 4 the rate doubles (about
  100 Hz); at 1 it drops to about 18 Hz.

Expected (1000 iterations = 250 ms; statistics after a 50 ms transient): excitatory and inhibitory rate
about 55 Hz, mean ISI CV about 0.6, synchrony index (variance of the population spike count per step over
its mean; 1 for independent Poisson neurons) about 7 - asynchronous, compared with about 550 in the SR state.
    CHECK: 4000 * np.mean(net.exc['spike', 0, 'np'][200:]) in [40, 75]
    CHECK: 4000 * np.mean(net.inh['spike', 0, 'np'][200:]) in [40, 75]
    CHECK: isi_cv in [0.5, 0.8]
    CHECK: synchrony in [2, 20]
"""

from PymoNNto import *

np.random.seed(1)


class Time_Step(Behavior):
    """Network-level behavior (key 0): the integration time step shared by all groups."""

    def initialize(self, net):
        net.dt = self.parameter('dt', 0.25)              # ms


class Brunel_LIF(Behavior):
    """tau dV/dt = -V + (delta inputs); spike at V >= theta, then V = V_r for t_ref ms."""

    def initialize(self, n):
        self.tau = self.parameter('tau', 20.0)           # ms
        self.theta = self.parameter('theta', 20.0)       # mV
        self.V_r = self.parameter('V_r', 10.0)           # mV
        self.t_ref = self.parameter('t_ref', 2.0)        # ms
        n.v = n.vector('uniform') * self.theta           # random start below threshold
        n.spike = n.vector(bool)
        n.refractory = n.vector()
        n.input = n.vector()                             # summed jumps arriving this step (mV)

    def iteration(self, n):
        active = n.refractory <= 0
        dt = n.network.dt
        n.v *= np.exp(-dt / self.tau)
        n.v[active] += n.input[active]                   # inputs during refractoriness are lost
        n.refractory -= dt
        n.spike = n.v >= self.theta
        n.v[n.spike] = self.V_r
        n.v[~active] = self.V_r
        n.refractory[n.spike] = self.t_ref


class External_Poisson(Behavior):
    """C_E external Poisson inputs per neuron at rate nu_ext = nu_ratio * nu_thr, each of size J."""

    def initialize(self, n):
        self.nu_ratio = self.parameter('nu_ratio', 2.0)
        self.C_E = self.parameter('C_E', 200)
        self.J = self.parameter('J', 0.5)                # mV

    def iteration(self, n):
        lif = n.Brunel_LIF
        nu_thr = lif.theta / (self.J * self.C_E * lif.tau)          # spikes per ms
        mean_count = self.C_E * self.nu_ratio * nu_thr * n.network.dt     # expected external spikes per step
        n.input = self.J * np.random.poisson(mean_count, n.size)


class Brunel_Synapses(Behavior):
    """Recurrent delta synapses with delay D: J from excitatory, -g*J from inhibitory neurons."""

    def initialize(self, n):
        self.J = self.parameter('J', 0.5)                # mV
        self.g = self.parameter('g', 5.0)
        self.epsilon = self.parameter('epsilon', 0.1)
        self.delay = self.parameter('delay', 1.5)        # ms
        self.steps = max(2, int(round(self.delay / n.network.dt)))
        n.delay_buffer = n.vector_buffer(self.steps)     # ring buffer of future input
        for s in n.synapses(afferent):
            s.W = s.matrix(1.0, density=self.epsilon)    # 0/1 random connectivity

    def iteration(self, n):
        t = n.iteration
        # spikes emitted in the previous step arrive 'steps' steps after they were emitted
        slot = (t - 1) % self.steps
        for s in n.synapses(afferent, 'GLUTAMATE'):
            n.delay_buffer[slot] += self.J * np.sum(s.W[:, s.src.spike], axis=1)
        for s in n.synapses(afferent, 'GABA'):
            n.delay_buffer[slot] -= self.g * self.J * np.sum(s.W[:, s.src.spike], axis=1)
        now = t % self.steps
        n.input += n.delay_buffer[now]
        n.delay_buffer[now] = 0


net = Network(behavior={0: Time_Step(dt=0.25)})

exc = NeuronGroup(net=net, tag='exc', size=2000, color=blue, behavior={
    1: External_Poisson(nu_ratio=2.0, J=0.5, C_E=200),
    2: Brunel_Synapses(g=5.0, J=0.5),
    3: Brunel_LIF(),
    9: Recorder(['spike', 'np.mean(spike)'], tag='exc_recorder'),
    10: EventRecorder('spike', tag='exc_spikes'),
})

inh = NeuronGroup(net=net, tag='inh', size=500, color=red, behavior={
    1: External_Poisson(nu_ratio=2.0, J=0.5, C_E=200),
    2: Brunel_Synapses(g=5.0, J=0.5),
    3: Brunel_LIF(),
    9: Recorder(['spike', 'np.mean(spike)'], tag='inh_recorder'),
    10: EventRecorder('spike', tag='inh_spikes'),
})

SynapseGroup(net=net, src=exc, dst=exc, tag='GLUTAMATE')
SynapseGroup(net=net, src=exc, dst=inh, tag='GLUTAMATE')
SynapseGroup(net=net, src=inh, dst=exc, tag='GABA')
SynapseGroup(net=net, src=inh, dst=inh, tag='GABA')

net.initialize()
net.simulate_iterations(1000)

# statistics after a 50 ms transient
dt = net.dt
spikes = net.exc['spike', 0, 'np'][200:]
isi_cvs = []
for i in range(exc.size):
    isi = np.diff(np.nonzero(spikes[:, i])[0])
    if len(isi) >= 3:
        isi_cvs.append(np.std(isi) / np.mean(isi))
isi_cv = float(np.mean(isi_cvs))
population = spikes.sum(axis=1).astype(float)
synchrony = float(np.var(population) / np.mean(population))   # 1 for independent Poisson neurons
print('exc rate %.1f Hz, ISI CV %.2f, synchrony %.2f' % (np.mean(spikes) * 1000 / dt, isi_cv, synchrony))

import matplotlib.pyplot as plt

fig, axes = plt.subplots(3, 1, figsize=(9, 8), gridspec_kw={'height_ratios': [3, 1, 1]})
sel = net['spike.i', 0] < 200
axes[0].plot(net['spike.t', 0][sel] * dt, net['spike.i', 0][sel], '.', color='tab:blue', markersize=1.5)
sel = net['spike.i', 1] < 50
axes[0].plot(net['spike.t', 1][sel] * dt, net['spike.i', 1][sel] + 200, '.', color='tab:red', markersize=1.5)
axes[0].set_ylabel('neuron (200 exc | 50 inh)')
axes[0].set_title('Brunel (2000) network, g = %g, nu_ext = %g nu_thr' % (exc.Brunel_Synapses.g, exc.External_Poisson.nu_ratio))
t = np.arange(1, 1001) * dt
axes[1].plot(t, net['np.mean(spike)', 0, 'np'] * 1000 / dt, color='tab:blue', lw=0.7)
axes[1].set_ylabel('exc rate (Hz)')
axes[1].set_xlabel('time (ms)')
axes[2].hist(isi_cvs, bins=30, color='gray')
axes[2].set_xlabel('CV of interspike intervals (excitatory neurons)')
plt.tight_layout()
plt.show()
