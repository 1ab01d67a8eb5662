"""Title: Hodgkin-Huxley neurons - current steps and the f-I curve

Ten Hodgkin-Huxley neurons, the model of the squid giant axon from Hodgkin & Huxley (1952), "A quantitative
description of membrane current and its application to conduction and excitation in nerve", J. Physiol.
117(4):500-544, with the original parameters in the modern sign convention (resting potential -65 mV):
C_m = 1 uF/cm^2, g_Na = 120, g_K = 36, g_L = 0.3 mS/cm^2, E_Na = 50, E_K = -77, E_L = -54.387 mV, and the
published rate functions alpha/beta for the gates m, h and n (at 6.3 degrees C). Each neuron gets a
current step of a different amplitude (0, 2, ..., 18 uA/cm^2) from 10 ms to 90 ms. Small steps give
no spike or one or two at the onset, steps from 8 uA/cm^2 on give repetitive firing (the HH model's
type-II onset: the rate jumps from 0 to about 60 Hz instead of rising from zero). Gates use exponential Euler, the voltage forward
Euler, with dt = 0.025 ms (one iteration); 4000 iterations = 100 ms.

Try this in the studio:
- hh.Step_Current.I_max (18 uA/cm^2): the amplitude of the last neuron; the others are spread evenly
  between I_min and I_max. Raising it to 40 increases the rate of the upper neurons to over 100 Hz.
- hh.Hodgkin_Huxley.g_K (36 mS/cm^2): at 20 the resting state is lost and even neuron 0, without any
  current, fires repetitively.

Expected (4000 iterations = 100 ms; the model is deterministic): neuron 0 (no current) stays at rest at
-65 mV; spike counts per neuron are 0, 0, 1, 2, 5, 6, 6, 7, 7, 7, so neuron 9 (18 uA/cm^2) fires 7
spikes in the 80 ms step (about 85 Hz) and neuron 1 (2 uA/cm^2) none.
    CHECK: net['v', 0, 'np'].shape[0] in [4000, 4000]
    CHECK: np.mean(net['v', 0, 'np'][:, 0]) in [-65.5, -64.5]
    CHECK: np.sum(net['spike.i', 0] == 9) in [6, 8]
    CHECK: np.sum(net['spike.i', 0] == 1) in [0, 0]
    CHECK: np.sum(net['spike.i', 0] == 4) in [4, 6]
    CHECK: np.max(net['v', 0, 'np']) in [30, 55]
"""

from PymoNNto import *

np.random.seed(1)


class Step_Current(Behavior):
    """I = amplitude between t_on and t_off (ms); amplitudes spread from I_min to I_max over the group."""

    def initialize(self, n):
        self.I_min = self.parameter('I_min', 0.0)        # uA/cm^2
        self.I_max = self.parameter('I_max', 18.0)       # uA/cm^2
        self.t_on = self.parameter('t_on', 10.0)         # ms
        self.t_off = self.parameter('t_off', 90.0)       # ms
        n.I = n.vector()

    def iteration(self, n):
        t = n.iteration * n.dt
        if self.t_on <= t < self.t_off:
            n.I = self.I_min + (self.I_max - self.I_min) * np.linspace(0, 1, n.size)
        else:
            n.I = n.vector()


class Hodgkin_Huxley(Behavior):

    def initialize(self, n):
        n.dt = self.parameter('dt', 0.025)               # ms
        self.C_m = self.parameter('C_m', 1.0)            # uF/cm^2
        self.g_Na = self.parameter('g_Na', 120.0)        # mS/cm^2
        self.g_K = self.parameter('g_K', 36.0)
        self.g_L = self.parameter('g_L', 0.3)
        self.E_Na = self.parameter('E_Na', 50.0)         # mV
        self.E_K = self.parameter('E_K', -77.0)
        self.E_L = self.parameter('E_L', -54.387)
        n.v = n.vector(-65.0)
        # gates start at their steady state at rest
        for gate in ['m', 'h', 'n']:
            a, b = self.rates(gate, n.v)
            setattr(n, 'gate_' + gate, a / (a + b))
        n.spike = n.vector(bool)

    @staticmethod
    def rates(gate, v):
        if gate == 'm':
            x = v + 40.0
            x = np.where(np.abs(x) < 1e-4, 1e-4, x)      # removable singularity at -40 mV
            return 0.1 * x / (1.0 - np.exp(-x / 10.0)), 4.0 * np.exp(-(v + 65.0) / 18.0)
        if gate == 'h':
            return 0.07 * np.exp(-(v + 65.0) / 20.0), 1.0 / (1.0 + np.exp(-(v + 35.0) / 10.0))
        x = v + 55.0
        x = np.where(np.abs(x) < 1e-4, 1e-4, x)          # removable singularity at -55 mV
        return 0.01 * x / (1.0 - np.exp(-x / 10.0)), 0.125 * np.exp(-(v + 65.0) / 80.0)

    def iteration(self, n):
        dt = n.dt
        for gate in ['m', 'h', 'n']:
            a, b = self.rates(gate, n.v)
            tau = 1.0 / (a + b)
            g = getattr(n, 'gate_' + gate)
            g[:] = a * tau + (g - a * tau) * np.exp(-dt / tau)   # exponential Euler
        m, h, k = n.gate_m, n.gate_h, n.gate_n
        I_ion = (self.g_Na * m ** 3 * h * (n.v - self.E_Na) + self.g_K * k ** 4 * (n.v - self.E_K)
                 + self.g_L * (n.v - self.E_L))
        v_old = n.v.copy()
        n.v += dt / self.C_m * (n.I - I_ion)
        n.spike = (v_old < 0.0) & (n.v >= 0.0)           # upward crossing of 0 mV


net = Network()

hh = NeuronGroup(net=net, tag='hh', size=10, behavior={
    1: Step_Current(I_min=0.0, I_max=18.0, t_on=10.0, t_off=90.0),
    2: Hodgkin_Huxley(),
    9: Recorder(['v', 'gate_m', 'gate_h', 'gate_n'], tag='hh_recorder'),
    10: EventRecorder('spike', tag='hh_spikes'),
})

net.initialize()
net.simulate_iterations(4000)

import matplotlib.pyplot as plt

t = np.arange(1, 4001) * hh.dt
v = net['v', 0, 'np']
amplitudes = np.linspace(hh.Step_Current.I_min, hh.Step_Current.I_max, hh.size)
counts = np.array([np.sum(net['spike.i', 0] == i) for i in range(hh.size)])
duration_s = (hh.Step_Current.t_off - hh.Step_Current.t_on) / 1000

fig, axes = plt.subplots(2, 2, figsize=(10, 7))
for i in [1, 3, 5, 9]:
    axes[0, 0].plot(t, v[:, i], label='%.0f uA/cm2' % amplitudes[i])
axes[0, 0].set_xlabel('time (ms)')
axes[0, 0].set_ylabel('v (mV)')
axes[0, 0].legend(loc='upper right', fontsize=8)
axes[0, 0].set_title('Hodgkin-Huxley (1952) responses to current steps')
axes[0, 1].plot(amplitudes, counts / duration_s, 'o-k')
axes[0, 1].set_xlabel('step amplitude (uA/cm2)')
axes[0, 1].set_ylabel('mean rate during the step (Hz)')
axes[0, 1].set_title('f-I curve')
for name in ['gate_m', 'gate_h', 'gate_n']:
    axes[1, 0].plot(t, net[name, 0, 'np'][:, 9], label=name)
axes[1, 0].set_xlim(10, 40)
axes[1, 0].set_xlabel('time (ms)')
axes[1, 0].set_ylabel('gating variable, neuron 9')
axes[1, 0].legend(loc='upper right', fontsize=8)
axes[1, 1].plot(net['spike.t', 0] * hh.dt, net['spike.i', 0], '|k', markersize=10)
axes[1, 1].set_xlabel('time (ms)')
axes[1, 1].set_ylabel('neuron (current rises with index)')
plt.tight_layout()
plt.show()
