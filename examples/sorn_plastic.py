"""Title: SORN - a self-organising recurrent network with STDP, normalisation and intrinsic plasticity

A self-organising recurrent network in the spirit of SORN, Lazar, Pipa & Triesch (2009), "SORN: a
self-organizing recurrent neural network", Front. Comput. Neurosci. 3:23. Binary threshold units,
200 excitatory and 40 inhibitory, update synchronously:
x(t+1) = H(W_EE x(t) - W_EI y(t) + u(t) - T_E), y(t+1) = H(W_IE x(t+1) - T_I).
W_EE is sparse (about 10 inputs per neuron, no self-connections); W_EI and W_IE are dense and fixed. Three
plasticity rules act together: additive STDP on the existing E->E synapses,
dW_ij = eta_STDP (x_i(t) x_j(t-1) - x_i(t-1) x_j(t)), followed by clipping to [0, 1] and synaptic
normalisation (the incoming E->E weights of every neuron sum to 1), and intrinsic plasticity of the
excitatory thresholds, T_i += eta_IP (x_i - H_IP), which pulls every neuron's firing rate to H_IP.
Parameters: N_E = 200, N_I = 0.2 N_E, H_IP = 0.1, initial thresholds uniform in [0, 1] (excitatory) and
[0, 0.5] (inhibitory), W_EE with about 10 inputs per neuron. Lazar et al. use learning rates of 0.001 and
much longer runs; this demo runs 3000 steps and therefore uses eta_STDP = 0.004 and eta_IP = 0.01. Input is the paper's "counting task": random alternation of the sequences
a b b b b c and d e e e e f; each letter drives its own 10 excitatory neurons (input strength 0.5). The
plasticity runs as behaviors of the E->E SynapseGroup (STDP, normalisation) and of the excitatory group
(intrinsic plasticity). One iteration = one time step.

Try this in the studio:
- exc.SORN_IP.h_ip (0.1): the target rate; set 0.05 and the excitatory activity settles near 5 % within
  a few hundred steps as the thresholds rise.
- EE.SORN_STDP.eta (0.004): set 0 to switch learning off - the weights keep their initial distribution;
  larger values prune faster (more synapses near 0).
- Deactivate SORN_IP: the thresholds freeze and the rate is no longer regulated.

Expected (3000 iterations): the excitatory activity over the last 1000 steps is about 0.105 (IP target
0.1), every neuron's incoming E->E weights sum to 1, and STDP makes the weight distribution skewed: the
share of E->E synapses below 0.02 grows from about 10 % at the start to about 45 %.
    CHECK: np.mean(net.exc['spike', 0, 'np'][-1000:]) in [0.095, 0.115]
    CHECK: np.max(np.abs(np.sum(net.EE.W, axis=1) - 1)) in [0, 0.0001]
    CHECK: np.mean(net.EE.W_initial[net.EE.enabled] < 0.02) in [0.07, 0.14]
    CHECK: np.mean(net.EE.W[net.EE.enabled] < 0.02) in [0.3, 0.6]
    CHECK: np.std(net.exc.T) in [0.05, 0.4]
"""

from PymoNNto import *

np.random.seed(1)


class Counting_Task_Input(Behavior):
    """Alternates randomly between the sequences 'abbbbc' and 'deeeef'; each letter drives n_u neurons."""

    def initialize(self, n):
        self.strength = self.parameter('strength', 0.5)
        n_u = self.parameter('n_u', 10)
        length = self.parameter('length', 4)
        self.words = ['a' + 'b' * length + 'c', 'd' + 'e' * length + 'f']
        letters = sorted(set(''.join(self.words)))
        order = np.random.permutation(n.size)
        self.targets = {l: order[k * n_u:(k + 1) * n_u] for k, l in enumerate(letters)}
        self.sequence = ''
        n.letter = ''
        n.u = n.vector()

    def iteration(self, n):
        if not self.sequence:
            self.sequence = self.words[np.random.randint(len(self.words))]
        n.letter, self.sequence = self.sequence[0], self.sequence[1:]
        n.u = n.vector()
        n.u[self.targets[n.letter]] = self.strength


class SORN_Excitatory(Behavior):

    def initialize(self, n):
        n.T = n.vector('uniform') * self.parameter('T_max', 1.0)
        n.spike = n.vector('uniform') < 0.1
        n.spike_prev = n.vector(bool)
        for s in n.synapses(afferent, 'EE'):
            s.W = s.matrix('uniform', density=self.parameter('ee_density', 0.05))   # about 10 inputs
            s.enabled = s.W > 0
            s.enabled[np.arange(n.size), np.arange(n.size)] = False              # no self-connections
            for i in np.nonzero(~np.any(s.enabled, axis=1))[0]:              # at least one input each
                j = (i + 1 + np.random.randint(n.size - 1)) % n.size
                s.enabled[i, j] = True
                s.W[i, j] = np.random.rand()
            s.W *= s.enabled
            s.W /= np.sum(s.W, axis=1, keepdims=True)
        for s in n.synapses(afferent, 'EI'):
            s.W = s.matrix('uniform')                                             # dense, fixed
            s.W /= np.sum(s.W, axis=1, keepdims=True)

    def iteration(self, n):
        drive = n.u - n.T
        for s in n.synapses(afferent, 'EE'):
            drive += s.W.dot(s.src.spike)
        for s in n.synapses(afferent, 'EI'):
            drive -= s.W.dot(s.src.spike)
        n.spike_prev = n.spike
        n.spike = drive > 0


class SORN_Inhibitory(Behavior):

    def initialize(self, n):
        n.T = n.vector('uniform') * self.parameter('T_max', 0.5)
        n.spike = n.vector(bool)
        for s in n.synapses(afferent):
            s.W = s.matrix('uniform')
            s.W /= np.sum(s.W, axis=1, keepdims=True)

    def iteration(self, n):
        drive = -n.T
        for s in n.synapses(afferent, 'IE'):
            drive += s.W.dot(s.src.spike)      # uses the excitatory spikes of this same step
        n.spike = drive > 0


class SORN_IP(Behavior):
    """Intrinsic plasticity: thresholds move so that each neuron fires with rate h_ip."""

    def initialize(self, n):
        self.eta = self.parameter('eta', 0.01)
        self.h_ip = self.parameter('h_ip', 0.1)

    def iteration(self, n):
        n.T += self.eta * (n.spike - self.h_ip)


class SORN_STDP(Behavior):
    """SynapseGroup behavior: additive STDP on existing synapses, clipping, then normalisation."""

    def initialize(self, s):
        self.eta = self.parameter('eta', 0.004)
        s.W_initial = s.W.copy()

    def iteration(self, s):
        post, pre = s.dst, s.src
        x, x_prev = post.spike.astype(s.W.dtype), post.spike_prev.astype(s.W.dtype)
        dw = np.outer(x, pre.spike_prev) - np.outer(x_prev, pre.spike)   # pre before post: LTP
        s.W += self.eta * dw * s.enabled
        np.clip(s.W, 0.0, 1.0, out=s.W)


class SORN_Normalization(Behavior):
    """SynapseGroup behavior: the incoming weights of every neuron sum to 1."""

    def iteration(self, s):
        s.W /= np.sum(s.W, axis=1, keepdims=True) + 1e-12


net = Network()

exc = NeuronGroup(net=net, tag='exc', size=200, color=blue, behavior={
    1: Counting_Task_Input(strength=0.5, n_u=10, length=4),
    2: SORN_Excitatory(T_max=1.0),
    4: SORN_IP(eta=0.01, h_ip=0.1),
    9: Recorder(['spike', 'np.mean(spike)', 'np.mean(T)'], tag='exc_recorder'),
})

inh = NeuronGroup(net=net, tag='inh', size=40, color=red, behavior={
    3: SORN_Inhibitory(T_max=0.5),
    9: Recorder(['np.mean(spike)'], tag='inh_recorder'),
})

SynapseGroup(net=net, src=exc, dst=exc, tag='EE', behavior={
    5: SORN_STDP(eta=0.004),
    6: SORN_Normalization(),
})
SynapseGroup(net=net, src=inh, dst=exc, tag='EI')
SynapseGroup(net=net, src=exc, dst=inh, tag='IE')

net.initialize()
net.simulate_iterations(3000)

import matplotlib.pyplot as plt

fig, axes = plt.subplots(2, 2, figsize=(10, 7))
spikes = net.exc['spike', 0, 'np']
axes[0, 0].imshow(spikes[-200:].T, aspect='auto', cmap='gray_r', interpolation='nearest')
axes[0, 0].set_xlabel('last 200 iterations')
axes[0, 0].set_ylabel('excitatory neuron')
axes[0, 0].set_title('activity (input letters drive fixed neuron sets)')
axes[0, 1].plot(net.exc['np.mean(spike)', 0, 'np'], color='tab:blue', lw=0.5, label='exc rate')
axes[0, 1].plot(net.inh['np.mean(spike)', 0, 'np'], color='tab:red', lw=0.5, label='inh rate')
axes[0, 1].plot(net.exc['np.mean(T)', 0, 'np'], color='black', label='mean exc threshold')
axes[0, 1].axhline(exc.SORN_IP.h_ip, color='gray', ls='--')
axes[0, 1].set_xlabel('iteration')
axes[0, 1].legend(loc='upper right', fontsize=8)
ee = net.EE
axes[1, 0].hist(ee.W_initial[ee.enabled], bins=40, alpha=0.5, label='initial')
axes[1, 0].hist(ee.W[ee.enabled], bins=40, alpha=0.5, label='after STDP')
axes[1, 0].set_xlabel('E->E weight')
axes[1, 0].legend()
axes[1, 1].hist(exc.T, bins=30, color='gray')
axes[1, 1].set_xlabel('excitatory thresholds after intrinsic plasticity')
plt.tight_layout()
plt.show()
