"""Title: Travelling waves on a 2-D grid with receptive-field connectivity

An excitable sheet of 41 x 41 neurons laid out with NeuronDimension(width=41, height=41): each neuron has
x and y coordinates, centred on the middle of the sheet. Lateral connections come from
Circle_Receptive_Fields(radius=2, remove_autapses=True), a SynapseGroup behavior that multiplies
`synapses.enabled` by the mask "distance <= 2" (12 neighbours per neuron); the weight matrix is
`enabled` times a constant. A 3 x 3 pacemaker group (get_squared_dim(9), centred as well, so it sits
over the middle of the sheet) drives the sheet through Box_Receptive_Fields(range=1): each pacemaker
neuron reaches the sheet neurons within +-1 in x and y. The sheet neurons are leaky threshold units with
a refractory period, a discrete-time excitable medium in the spirit of Wiener & Rosenblueth (1946),
"The mathematical formulation of the problem of conduction of impulses in a network of connected
excitable elements", Arch. Inst. Cardiol. Mex. 16:205-265, and Greenberg & Hastings (1978), SIAM J. Appl.
Math. 34(3):515-523: a neuron fires when enough of its neighbours fired, then stays refractory, so
activity travels outward as a ring. The pacemaker fires every 50 steps and the sheet shows concentric
"target" waves. Sparse noise kicks fire isolated neurons now and then, but a wave needs at least three
neighbours firing together, so only the pacemaker starts waves.

The receptive-field behaviors are added with `SynapseGroup.add_behavior(...)` right after the
SynapseGroup is created, which works in PymoNNto 3.0.6 and in mnn-studio; mnn-studio also accepts them in
the SynapseGroup constructor's behavior dict (PymoNNto 3.0.6 crashes there, see API.md section 6.1).

Try this in the studio:
- sheet.Excitable.refractory (20 steps): at 3 the neurons recover while the front is still next to them,
  the sheet re-excites itself and the activity never stops (about 160 spikes per neuron instead of 10);
  at 60 (longer than the pacemaker period) only every second pulse starts a wave.
- pacemaker.Pacemaker.period (50 steps): at 25 twice as many, closer spaced waves; at 15 (shorter than
  the refractory period) the pacemaker hits still-refractory neurons and only every second pulse starts
  a wave.
- sheet.Lateral_Input.w (0.4): at 0.35 three firing neighbours are no longer enough and the waves die
  next to the pacemaker; at 0.5 the fronts become square (the receptive field's lattice shows) and faster.

Expected (500 iterations): every pacemaker pulse starts a wave that covers the whole sheet, so each sheet
neuron fires 10 times; the fronts are circular and travel about 0.94 grid units per step (fit of the
first-spike time against the distance from the centre). The lateral mask has 19356 synapses (12 per
neuron, fewer at the borders), the pacemaker mask 81 (9 per pacemaker neuron).
    CHECK: net['spike', 0, 'np'].shape[1] in [1681, 1681]
    CHECK: np.mean(np.sum(net['spike', 0, 'np'], axis=0)) in [9.5, 10.5]
    CHECK: wave_speed in [0.8, 1.1]
    CHECK: np.sum(net.LATERAL.enabled) in [19356, 19356]
    CHECK: np.sum(net.PACE.enabled) in [81, 81]
"""

from PymoNNto import *

np.random.seed(1)


class Pacemaker(Behavior):

    def initialize(self, n):
        self.period = self.parameter('period', 50)
        n.spike = n.vector(bool)

    def iteration(self, n):
        n.spike = n.vector(bool) + (n.iteration % self.period == 1)


class Lateral_Input(Behavior):
    """input = w * (number of firing neighbours) + w_pace * (number of firing pacemaker inputs)."""

    def initialize(self, n):
        self.w = self.parameter('w', 0.4)
        self.w_pace = self.parameter('w_pace', 2.0)
        for s in n.synapses(afferent):
            s.W = s.matrix(1.0) * s.enabled             # connectivity from the receptive-field masks
        n.input = n.vector()

    def iteration(self, n):
        n.input = n.vector()
        for s in n.synapses(afferent, 'LATERAL'):
            n.input += self.w * np.sum(s.W[:, s.src.spike], axis=1)
        for s in n.synapses(afferent, 'PACE'):
            n.input += self.w_pace * np.sum(s.W[:, s.src.spike], axis=1)


class Excitable(Behavior):

    def initialize(self, n):
        self.threshold = self.parameter('threshold', 1.0)
        self.decay = self.parameter('decay', 0.5)
        self.refractory = self.parameter('refractory', 20)
        self.noise = self.parameter('noise', 0.3)
        n.v = n.vector()
        n.spike = n.vector(bool)
        n.refractory_left = n.vector()

    def iteration(self, n):
        n.v = n.v * self.decay + n.input + n.vector('uniform', density=0.01) * self.noise
        n.refractory_left -= 1
        n.spike = (n.v >= self.threshold) & (n.refractory_left <= 0)
        n.v[n.spike] = 0.0
        n.v[n.refractory_left > 0] = 0.0
        n.refractory_left[n.spike] = self.refractory


net = Network()

pacemaker = NeuronGroup(net=net, tag='pacemaker', size=get_squared_dim(9), color=red, behavior={
    1: Pacemaker(period=50),
})

sheet = NeuronGroup(net=net, tag='sheet', size=NeuronDimension(width=41, height=41), color=blue, behavior={
    2: Lateral_Input(w=0.4, w_pace=2.0),
    3: Excitable(threshold=1.0, decay=0.5, refractory=20, noise=0.3),
    9: Recorder(['spike', 'np.mean(spike)'], tag='sheet_recorder'),
})

lateral = SynapseGroup(net=net, src=sheet, dst=sheet, tag='LATERAL')
lateral.add_behavior(1, Circle_Receptive_Fields(radius=2, remove_autapses=True))

pace = SynapseGroup(net=net, src=pacemaker, dst=sheet, tag='PACE')
pace.add_behavior(1, Box_Receptive_Fields(range=1))

net.initialize()
net.simulate_iterations(500)

# wave speed of the first wave: first spike time against distance from the centre
spikes = net['spike', 0, 'np']
first = np.argmax(spikes[:50], axis=0).astype(float)
reached = spikes[:50].any(axis=0)
distance = np.sqrt(sheet.x ** 2 + sheet.y ** 2)
use = reached & (distance > 3)
wave_speed = float(1.0 / np.polyfit(distance[use], first[use], 1)[0])
print('wave speed %.2f grid units per step' % wave_speed)

import matplotlib.pyplot as plt

fig, axes = plt.subplots(2, 4, figsize=(12, 6))
for ax, t in zip(axes[0], [103, 108, 113, 118]):
    ax.imshow(spikes[t - 1].reshape(sheet.height, sheet.width), cmap='gray_r', interpolation='nearest')
    ax.set_title('iteration %d' % t)
    ax.set_xticks([])
    ax.set_yticks([])
im = axes[1, 0].imshow(np.where(reached, first, np.nan).reshape(sheet.height, sheet.width), cmap='viridis')
axes[1, 0].set_title('first spike (iteration)')
plt.colorbar(im, ax=axes[1, 0])
axes[1, 1].plot(distance[reached], first[reached], '.k', markersize=2)
axes[1, 1].set_xlabel('distance from centre')
axes[1, 1].set_ylabel('first spike')
axes[1, 1].set_title('speed %.2f units/step' % wave_speed)
row = sheet.width * (sheet.height // 2) + np.arange(sheet.width)     # middle row of the sheet
axes[1, 2].imshow(spikes[:150, row].T, aspect='auto', cmap='gray_r', interpolation='nearest')
axes[1, 2].set_xlabel('iteration')
axes[1, 2].set_ylabel('x along the middle row')
axes[1, 3].plot(net['np.mean(spike)', 0, 'np'], color='tab:blue')
axes[1, 3].set_xlabel('iteration')
axes[1, 3].set_ylabel('fraction of sheet firing')
plt.tight_layout()
plt.show()
