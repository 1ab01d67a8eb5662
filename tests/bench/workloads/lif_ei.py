"""Benchmark workload: leaky integrate-and-fire excitatory/inhibitory network.

Same shape as PymoNNto's classical LIF example, scaled: Euler step
v += ((v_rest - v) + I) * dt with dt = 0.1, spike at v > v_threshold, reset to
v_reset; input I = drive * U[0,1) + sum of W[:, fired] over GLUTAMATE synapses
- the same over GABA synapses; W = matrix('uniform') * w_scale; with --record 1
a Recorder(['v', 'fired']) per group.

Options (argv ``--key value`` or env ``BENCH_KEY``):
  --n_exc N --n_inh N   group sizes (4000+1000 in the driver)
  --w_scale X           weight scale (1.0 by default)
  --iters N --record 0|1 --seed S

Parity facts (PymoNNto 3.0.6): draws happen in global behavior order: key 1
(E, I): vector('uniform') for the initial v; key 2 (E, I): one matrix('uniform')
per afferent SG in SG creation order (synapses(afferent) with tag 'All'); per
step: vector('uniform') per group in key-2 order.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _benchlib as bench  # noqa: E402
import numpy as np  # noqa: E402

from PymoNNto import *  # noqa: E402,F401,F403

opts = bench.options(n_exc=4000, n_inh=1000, w_scale=1.0, iters=500, record=True, seed=1)
np.random.seed(opts["seed"])


class LIF_Neurons(Behavior):
    def initialize(self, n):
        self.set_parameters_as_variables(n)  # v_rest, v_reset, v_threshold
        n.v = n.v_reset + (n.v_threshold - n.v_reset) * n.vector("uniform")
        n.fired = n.vector("bool")
        n.dt = self.parameter("dt", 0.1)

    def iteration(self, n):
        n.v += ((n.v_rest - n.v) + n.I) * n.dt

        n.fired = n.v > n.v_threshold
        if np.sum(n.fired) > 0:
            n.v[n.fired] = n.v_reset


class LIF_Input(Behavior):
    def initialize(self, n):
        self.drive = self.parameter("drive", 90.0)
        w_scale = self.parameter("w_scale", 1.0)
        for s in n.synapses(afferent):
            s.W = s.matrix("uniform", scale=w_scale)
        n.I = n.vector()

    def iteration(self, n):
        n.I = self.drive * n.vector("uniform")

        for s in n.synapses(afferent, "GLUTAMATE"):
            n.I += np.sum(s.W[:, s.src.fired], axis=1)

        for s in n.synapses(afferent, "GABA"):
            n.I -= np.sum(s.W[:, s.src.fired], axis=1)


def group_behavior(**params):
    b = {
        1: LIF_Neurons(**params),
        2: LIF_Input(drive=90.0, w_scale=opts["w_scale"]),
    }
    if opts["record"]:
        b[9] = Recorder(["v", "fired"])
    return b


My_Network = Network()

N_e = NeuronGroup(
    net=My_Network,
    tag="excitatory_neurons",
    size=opts["n_exc"],
    behavior=group_behavior(v_rest=-65.0, v_reset=-80.0, v_threshold=-10.0),
)
N_i = NeuronGroup(
    net=My_Network,
    tag="inhibitory_neurons",
    size=opts["n_inh"],
    behavior=group_behavior(v_rest=-65.0, v_reset=-80.0, v_threshold=-30.0),
)

SynapseGroup(net=My_Network, src=N_e, dst=N_e, tag="GLUTAMATE")
SynapseGroup(net=My_Network, src=N_e, dst=N_i, tag="GLUTAMATE")
SynapseGroup(net=My_Network, src=N_i, dst=N_e, tag="GABA")
SynapseGroup(net=My_Network, src=N_i, dst=N_i, tag="GABA")

bench.run_ei_network(
    "lif",
    opts,
    My_Network,
    [N_e, N_i],
    final_vars=["v", "I", "fired"],
    recorded_vars=["v", "fired"],
    afferent=afferent,
)
