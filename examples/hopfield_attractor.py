"""Title: Hopfield network - associative recall of stored patterns from corrupted cues

The attractor network of Hopfield (1982), "Neural networks and physical systems with emergent collective
computational abilities", Proc. Natl. Acad. Sci. USA 79(8):2554-2558. 100 binary neurons (states +1/-1,
shown on a 10 x 10 grid from get_squared_dim(100)) store 5 random patterns in symmetric Hebbian weights
W = (1/N) sum_mu xi_mu xi_mu^T with zero diagonal (a behavior of the recurrent SynapseGroup). Neurons are
updated asynchronously, one randomly chosen neuron at a time, s_i = sign(sum_j W_ij s_j), 10 updates per
iteration (on average one update per neuron every 10 iterations). Every 200 iterations the network is cued with one of the
stored patterns in which 20 % of the bits are flipped (overlap 0.6 with the original); the state then
falls into the attractor and the overlap m_mu = (1/N) xi_mu . s with the cued pattern rises to 1, while
the energy E = -1/2 s^T W s never increases - Hopfield's Lyapunov function. 5 patterns are well below
the capacity of about 0.14 N = 14 patterns.

Try this in the studio:
- memory.Cue.corruption (0.2): at 0.45 the cue is almost random (overlap about 0.1) and the network
  ends in some other attractor - another pattern, an inverted pattern or a spurious mixture.
- memory.Hopfield_Dynamics.temperature (0): with temperature 0.5 (Glauber dynamics) the state keeps
  fluctuating around the pattern and the overlap stays well below 1.
- RECURRENT.Hebbian_Memory.n_patterns (5): the number of stored patterns, read when the network is
  initialised; at 20, above the capacity, recall fails and the final overlaps stay well below 1.

Expected (600 iterations = three recall phases): the overlap with the cued pattern starts near 0.6 and
reaches 1.0 at the end of every phase (perfect recall); the energy never increases within a phase.
    CHECK: net['overlap', 0, 'np'].shape[1] in [5, 5]
    CHECK: net['overlap', 0, 'np'][0, 0] in [0.25, 0.95]
    CHECK: net['overlap', 0, 'np'][199, 0] in [0.95, 1.0]
    CHECK: net['overlap', 0, 'np'][399, 1] in [0.95, 1.0]
    CHECK: net['overlap', 0, 'np'][599, 2] in [0.95, 1.0]
    CHECK: max_energy_increase in [-1, 0.001]
"""

from PymoNNto import *

np.random.seed(1)


class Hebbian_Memory(Behavior):
    """SynapseGroup behavior: random +-1 patterns stored with Hopfield's outer-product rule."""

    def initialize(self, s):
        p = self.parameter('n_patterns', 5)
        s.dst.patterns = np.where(np.random.rand(p, s.dst.size) < 0.5, -1.0, 1.0).astype(s.def_dtype)
        xi = s.dst.patterns
        s.W = s.matrix() + xi.T.dot(xi) / s.dst.size
        np.fill_diagonal(s.W, 0.0)


class Cue(Behavior):
    """Every `interval` iterations: set the state to a stored pattern with a fraction of bits flipped."""

    def initialize(self, n):
        self.interval = self.parameter('interval', 200)
        self.corruption = self.parameter('corruption', 0.2)
        n.s = n.vector('uniform') < 0.5
        n.s = np.where(n.s, 1.0, -1.0).astype(n.def_dtype)
        n.cued = -1

    def iteration(self, n):
        if (n.iteration - 1) % self.interval == 0:
            n.cued = ((n.iteration - 1) // self.interval) % len(n.patterns)
            flip = n.vector('uniform') < self.corruption
            n.s = np.where(flip, -n.patterns[n.cued], n.patterns[n.cued]).astype(n.def_dtype)


class Hopfield_Dynamics(Behavior):
    """Asynchronous updates in random order; temperature > 0 gives Glauber (stochastic) dynamics."""

    def initialize(self, n):
        self.updates = self.parameter('updates_per_iteration', 10)
        self.temperature = self.parameter('temperature', 0.0)
        n.overlap = np.zeros(len(n.patterns))
        n.energy = 0.0

    def iteration(self, n):
        W = n.synapses(afferent, 'RECURRENT')[0].W
        for i in np.random.randint(0, n.size, self.updates):
            h = W[i].dot(n.s)
            if self.temperature > 0:
                n.s[i] = 1.0 if np.random.rand() < 1 / (1 + np.exp(-2 * h / self.temperature)) else -1.0
            else:
                n.s[i] = 1.0 if h >= 0 else -1.0
        n.overlap = n.patterns.dot(n.s) / n.size
        n.energy = -0.5 * n.s.dot(W.dot(n.s))


net = Network()

memory = NeuronGroup(net=net, tag='memory', size=get_squared_dim(100), behavior={
    2: Cue(interval=200, corruption=0.2),
    3: Hopfield_Dynamics(updates_per_iteration=10, temperature=0.0),
    9: Recorder(['s', 'overlap', 'energy'], tag='memory_recorder'),
})

SynapseGroup(net=net, src=memory, dst=memory, tag='RECURRENT', behavior={
    1: Hebbian_Memory(n_patterns=5),
})

net.initialize()
net.simulate_iterations(600)

overlap = net['overlap', 0, 'np']
energy = net['energy', 0, 'np']
phase = memory.Cue.interval
max_energy_increase = max(float(np.max(np.diff(energy[k:k + phase]))) for k in range(0, len(energy), phase))
print('final overlaps with the cued patterns:', [round(float(overlap[k + phase - 1, k // phase]), 3)
                                                 for k in range(0, len(overlap), phase)])

import matplotlib.pyplot as plt

states = net['s', 0, 'np']
fig = plt.figure(figsize=(11, 7))
grid = fig.add_gridspec(6, 6)
for k in range(3):
    for row, (img, title) in enumerate([(memory.patterns[k], 'pattern %d' % k),
                                        (states[k * phase], 'cued, iter %d' % (k * phase + 1)),
                                        (states[(k + 1) * phase - 1], 'recalled')]):
        ax = fig.add_subplot(grid[2 * row:2 * row + 2, k])
        ax.imshow(img.reshape(memory.height, memory.width), cmap='gray', vmin=-1, vmax=1)
        ax.set_title(title, fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
ax = fig.add_subplot(grid[0:3, 3:6])
ax.plot(overlap)
ax.set_ylabel('overlap with each stored pattern')
ax.set_xlabel('iteration')
ax = fig.add_subplot(grid[3:6, 3:6])
ax.plot(energy, color='black')
ax.set_ylabel('energy')
ax.set_xlabel('iteration')
plt.tight_layout()
plt.show()
