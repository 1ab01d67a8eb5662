"""The floor for izhikevich_ei.py: the same numpy operations in a plain loop, no simulator.

Same draws, dtypes and order as the PymoNNto script, so the fingerprint must equal the
reference's (that is what proves the loop does the same work). Everything a simulator could
save is already saved here: no behavior objects, no tag lookups, column-major W (the fastest
layout for the gathers, bit-identical), recordings written into preallocated arrays. What is
left is the cost of the numpy calls the script itself makes; no engine running that script
unchanged can be faster than this loop by more than noise.

Options: as izhikevich_ei.py (``--n_exc --n_inh --w_scale --iters --record --seed``).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _benchlib as bench  # noqa: E402
import numpy as np  # noqa: E402

opts = bench.options(n_exc=800, n_inh=200, w_scale=1.0, iters=1000, record=True, seed=1)
np.random.seed(opts["seed"])
f32 = np.float32


class Group:
    """The state of one neuron group (plain attributes, like a NeuronGroup's)."""

    def __init__(self, size, noise, a, a_spread, b, b_spread, c, c_spread, d, d_spread):
        self.size, self.noise = size, noise
        self.params = (a, a_spread, b, b_spread, c, c_spread, d, d_spread)
        self.afferent = []  # (W, src, sign) in the order the script adds them

    def initialize(self):  # Izhikevich_Neurons.initialize
        a, a_spread, b, b_spread, c, c_spread, d, d_spread = self.params
        r = np.random.uniform(size=self.size).astype(f32)
        self.a = a + a_spread * r
        self.b = b + b_spread * r
        self.c = c + c_spread * r**2
        self.d = d + d_spread * r**2
        self.v = np.full(self.size, -65.0, dtype=f32)
        self.u = self.b * self.v
        self.I = np.zeros(self.size, dtype=f32)
        self.fired = np.zeros(self.size, dtype=f32) > 0


E = Group(opts["n_exc"], 5.0, 0.02, 0.0, 0.2, 0.0, -65.0, 15.0, 8.0, -6.0)
I = Group(opts["n_inh"], 2.0, 0.02, 0.08, 0.25, -0.05, -65.0, 0.0, 2.0, 0.0)
groups = [E, I]
for g in groups:
    g.initialize()
w_scale = opts["w_scale"]
weights = {}
for dst in groups:  # Izhikevich_Input.initialize: GLUTAMATE (from E) first, then GABA (from I)
    for src, scale, sign in ((E, 0.5 * w_scale, 1), (I, w_scale, -1)):
        W = np.random.uniform(size=(dst.size, src.size)).astype(f32)
        W *= scale
        W = np.asfortranarray(W)  # same values; the fingerprint reads them in C order
        weights[(id(src), id(dst))] = W
        dst.afferent.append((W, src, sign))

iters = opts["iters"]
record = opts["record"]
if record:
    recorded = {
        (gi, var): np.empty((iters, g.size), dtype=bool if var == "fired" else f32)
        for gi, g in enumerate(groups)
        for var in ("v", "u", "fired")
    }


def run():
    for step in range(iters):
        for n in groups:  # Izhikevich_Neurons.iteration
            n.fired = n.v >= 30
            if np.sum(n.fired) > 0:
                n.v[n.fired] = n.c[n.fired]
                n.u[n.fired] += n.d[n.fired]
            n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)
            n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)
            n.u += n.a * (n.b * n.v - n.u)
        for n in groups:  # Izhikevich_Input.iteration
            n.I = n.noise * np.random.normal(size=n.size).astype(f32)
            for W, src, sign in n.afferent:
                if sign > 0:
                    n.I += np.sum(W[:, src.fired], axis=1)
            for W, src, sign in n.afferent:
                if sign < 0:
                    n.I -= np.sum(W[:, src.fired], axis=1)
        if record:
            for gi, n in enumerate(groups):
                recorded[gi, "v"][step] = n.v
                recorded[gi, "u"][step] = n.u
                recorded[gi, "fired"][step] = n.fired


seconds, its = bench.time_simulation(run, iters)

parts = {}
for gi, g in enumerate(groups):
    parts["g%d_final_v" % gi] = g.v
    parts["g%d_final_u" % gi] = g.u
    parts["g%d_final_fired" % gi] = g.fired
    for si, src in enumerate((E, I)):  # synapses(afferent) in creation order: from E, then from I
        parts["g%d_W%d" % (gi, si)] = weights[(id(src), id(g))]
    if record:
        for var in ("v", "u", "fired"):
            parts["g%d_rec_%s" % (gi, var)] = recorded[gi, var]
digest, info = bench.fingerprint(parts)
bench.report("bare_izhikevich", opts, seconds, its, digest, info)
