"""Benchmark: the W memory-order choice survives edits between ``initialize()`` and the first iteration.

The Izhikevich-like 4000+1000 E/I network of ``workloads/izhikevich_ei.py`` (propagation
``np.sum(W[:, fired], axis=1)``), built with the engine, is run four ways:

* ``no edit``        - built with the weights already scaled by 0.2 (the probe picks Fortran order),
* ``W *= 0.2``       - every W scaled in place after ``initialize()`` (a common step),
* ``W = W * 0.2``    - every W replaced by a scaled copy after ``initialize()``,
* ``order C``        - ``settings={'matrix_order': 'C'}``: the row-major baseline.

It prints the median iterations/s over the repeats and the layout decisions of each. Issue 17
measured "W *= 0.2" at the speed of "order C" before the choice was made on what the iterations do.
Nothing is asserted; run it by hand::

    OPENBLAS_NUM_THREADS=1 python tests/bench/bench_w_after_initialize.py [--iters 300] [--repeats 3]
"""

import argparse
import os
import statistics
import sys
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import numpy as np  # noqa: E402

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup, afferent  # noqa: E402


class Neurons(Behavior):
    def initialize(self, n):
        self.set_parameters_as_variables(n)
        r = n.vector("uniform")
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
        n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)
        n.v += 0.5 * (0.04 * n.v**2 + 5 * n.v + 140 - n.u + n.I)
        n.u += n.a * (n.b * n.v - n.u)


class Input(Behavior):
    def initialize(self, n):
        scale = self.parameter("w_scale", 1.0)
        for s in n.synapses(afferent, "GLUTAMATE"):
            s.W = s.matrix("uniform", scale=0.5 * scale)
        for s in n.synapses(afferent, "GABA"):
            s.W = s.matrix("uniform", scale=scale)

    def iteration(self, n):
        n.I = n.noise * n.vector("normal")
        for s in n.synapses(afferent, "GLUTAMATE"):
            n.I += np.sum(s.W[:, s.src.fired], axis=1)
        for s in n.synapses(afferent, "GABA"):
            n.I -= np.sum(s.W[:, s.src.fired], axis=1)


def build(order, n_exc, n_inh, w_scale, seed=1):
    np.random.seed(seed)
    net = Network(settings={"matrix_order": order})
    params = {
        "exc": dict(a=0.02, b=0.2, c=-65.0, c_spread=15.0, d=8.0, d_spread=-6.0, noise=5.0),
        "inh": dict(a=0.1, b=0.2, c=-65.0, c_spread=0.0, d=2.0, d_spread=0.0, noise=2.0),
    }
    groups = [
        NeuronGroup(
            net=net,
            tag=tag,
            size=size,
            behavior={1: Neurons(**params[tag]), 2: Input(w_scale=w_scale), 9: Recorder(["v", "u", "fired"])},
        )
        for tag, size in (("exc", n_exc), ("inh", n_inh))
    ]
    for src, tag in ((groups[0], "GLUTAMATE"), (groups[1], "GABA")):
        for dst in groups:
            SynapseGroup(net=net, src=src, dst=dst, tag=tag)
    net.initialize(info=False)
    return net


def edit(net, how):
    for s in net.SynapseGroups:
        if how == "inplace":
            s.W *= 0.2
        elif how == "replace":
            s.W = s.W * 0.2


def measure(case, iters, n_exc, n_inh):
    order, how = {
        "no edit": ("auto", None),
        "W *= 0.2": ("auto", "inplace"),
        "W = W * 0.2": ("auto", "replace"),
        "order C": ("C", "inplace"),
    }[case]
    net = build(order, n_exc, n_inh, 0.2 if how is None else 1.0)  # the same weights in every case
    edit(net, how)
    start = time.perf_counter()
    net.simulate_iterations(iters, measure_block_time=False)
    elapsed = time.perf_counter() - start
    return iters / elapsed, dict(net.layout_decisions)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--n_exc", type=int, default=4000)
    ap.add_argument("--n_inh", type=int, default=1000)
    args = ap.parse_args(argv)
    cases = ["no edit", "W *= 0.2", "W = W * 0.2", "order C"]
    speeds = {case: [] for case in cases}
    decisions = {}
    for _ in range(args.repeats):  # interleaved, so machine load hits every case alike
        for case in cases:
            ips, decisions[case] = measure(case, args.iters, args.n_exc, args.n_inh)
            speeds[case].append(ips)
    base = statistics.median(speeds["order C"])
    print(f"Izhikevich-like {args.n_exc}+{args.n_inh}, {args.iters} iterations, median of {args.repeats}")
    for case in cases:
        ips = statistics.median(speeds[case])
        orders = sorted(set(d.split(" ")[0] for d in decisions[case].values())) or ["-"]
        print(f"  {case:12s} {ips:8.1f} it/s  x{ips / base:4.2f} of order C   W order: {'/'.join(orders)}")
        for label, why in sorted(decisions[case].items()):
            print(f"      {label}: {why}")


if __name__ == "__main__":
    main()
