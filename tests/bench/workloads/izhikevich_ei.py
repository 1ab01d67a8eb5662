"""Benchmark workload: Izhikevich (2003) excitatory/inhibitory network.

Izhikevich, "Simple model of spiking neurons", IEEE TNN 14(6), 2003:
  excitatory: a=0.02, b=0.2, c=-65+15 r^2, d=8-6 r^2, thalamic input 5*N(0,1)
  inhibitory: a=0.02+0.08 r, b=0.25-0.05 r, c=-65, d=2, thalamic input 2*N(0,1)
  weights: E->* 0.5*U[0,1), I->* U[0,1) subtracted, times --w_scale
  v=-65, u=b*v, spike at v >= 30, v integrated in two 0.5 ms half steps.
Written the way PymoNNto's classical examples are: one behavior for the neuron
model (reset + integration, using the input of the previous step), one for the
input (noise + np.sum(W[:, fired], axis=1) over GLUTAMATE / GABA synapses),
and Recorder(['v', 'u', 'fired']) per group.

Options (argv ``--key value`` or env ``BENCH_KEY``):
  --n_exc N --n_inh N   group sizes (800+200, 4000+1000 in the driver)
  --w_scale X           weight scale (0.2 for 4000+1000 so it does not saturate)
  --iters N --record 0|1 --seed S

Parity facts (PymoNNto 3.0.6): draw order is the global behavior order
(key 1 for E then I, key 2 for E then I; initialize_last recorders after
everything); per group: r = vector('uniform') in key 1; then in key 2 one
matrix('uniform') per afferent SG, GLUTAMATE SGs first then GABA, each filled
in C order with dim (dst.size, src.size); per step: vector('normal') per group
in key-2 order.  matrix(..., scale=x) multiplies in place after the float32
cast.  np.sum(W[:, fired], axis=1) on a C-ordered W reduces contiguous rows
(numpy pairwise summation); on an F-ordered W numpy reduces column by column,
which can round differently in float32 (see micro_w_layout.py).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _benchlib as bench  # noqa: E402
import numpy as np  # noqa: E402

from PymoNNto import *  # noqa: E402,F401,F403

opts = bench.options(n_exc=800, n_inh=200, w_scale=1.0, iters=1000, record=True, seed=1)
np.random.seed(opts["seed"])


class Izhikevich_Neurons(Behavior):
    def initialize(self, n):
        self.set_parameters_as_variables(n)  # a, b, c, d, *_spread, noise
        r = n.vector("uniform")
        n.a = n.a + n.a_spread * r
        n.b = n.b + n.b_spread * r
        n.c = n.c + n.c_spread * r**2
        n.d = n.d + n.d_spread * r**2
        n.v = n.vector(-65.0)
        n.u = n.b * n.v
        n.I = n.vector()
        n.fired = n.vector() > 0

    def iteration(self, n):
        n.fired = n.v >= 30
        if np.sum(n.fired) > 0:
            n.v[n.fired] = n.c[n.fired]
            n.u[n.fired] += n.d[n.fired]

        n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)  # two half steps
        n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)
        n.u += n.a * (n.b * n.v - n.u)


class Izhikevich_Input(Behavior):
    def initialize(self, n):
        self.w_scale = self.parameter("w_scale", 1.0)
        for s in n.synapses(afferent, "GLUTAMATE"):
            s.W = s.matrix("uniform", scale=0.5 * self.w_scale)
        for s in n.synapses(afferent, "GABA"):
            s.W = s.matrix("uniform", scale=self.w_scale)

    def iteration(self, n):
        n.I = n.noise * n.vector("normal")

        for s in n.synapses(afferent, "GLUTAMATE"):
            n.I += np.sum(s.W[:, s.src.fired], axis=1)

        for s in n.synapses(afferent, "GABA"):
            n.I -= np.sum(s.W[:, s.src.fired], axis=1)


def group_behavior(**params):
    b = {
        1: Izhikevich_Neurons(**params),
        2: Izhikevich_Input(w_scale=opts["w_scale"]),
    }
    if opts["record"]:
        b[9] = Recorder(["v", "u", "fired"])
    return b


My_Network = Network()

N_e = NeuronGroup(
    net=My_Network,
    tag="excitatory_neurons",
    size=opts["n_exc"],
    behavior=group_behavior(
        a=0.02, a_spread=0.0, b=0.2, b_spread=0.0, c=-65.0, c_spread=15.0, d=8.0, d_spread=-6.0, noise=5.0
    ),
)

N_i = NeuronGroup(
    net=My_Network,
    tag="inhibitory_neurons",
    size=opts["n_inh"],
    behavior=group_behavior(
        a=0.02, a_spread=0.08, b=0.25, b_spread=-0.05, c=-65.0, c_spread=0.0, d=2.0, d_spread=0.0, noise=2.0
    ),
)

SynapseGroup(net=My_Network, src=N_e, dst=N_e, tag="GLUTAMATE")
SynapseGroup(net=My_Network, src=N_e, dst=N_i, tag="GLUTAMATE")
SynapseGroup(net=My_Network, src=N_i, dst=N_e, tag="GABA")
SynapseGroup(net=My_Network, src=N_i, dst=N_i, tag="GABA")

bench.run_ei_network(
    "izhikevich",
    opts,
    My_Network,
    [N_e, N_i],
    final_vars=["v", "u", "fired"],
    recorded_vars=["v", "u", "fired"],
    afferent=afferent,
)
