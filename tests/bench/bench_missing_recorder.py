"""Benchmark: a Recorder of a name that does not exist costs about what a valid one costs.

Issue 17 measured 20 000 iterations at 1.07 s with ``Recorder('does_not_exist')`` against 0.034 s
with a valid recorder: the missing name was recompiled at every step. Now it is compiled once,
warned about once, and looked for with one attribute check per step. Prints both times and the
ratio; asserts nothing. Run by hand::

    python tests/bench/bench_missing_recorder.py [--iters 20000] [--repeats 3]
"""

import argparse
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from engine import Behavior, Network, NeuronGroup, Recorder  # noqa: E402


class Voltage(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        neurons.voltage += 0.1


def seconds(name, iters):
    net = Network()
    NeuronGroup(net=net, tag="g", size=100, behavior={1: Voltage(), 9: Recorder(name)})
    net.initialize(info=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        net.simulate_iterations(iters, measure_block_time=False)
        return time.perf_counter() - start


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iters", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    valid = min(seconds("voltage", args.iters) for _ in range(args.repeats))
    missing = min(seconds("does_not_exist", args.iters) for _ in range(args.repeats))
    print(f"{args.iters} iterations, best of {args.repeats}")
    print(f"  Recorder('voltage')         {valid:7.3f} s")
    print(f"  Recorder('does_not_exist')  {missing:7.3f} s")
    print(
        f"  ratio missing / valid       {missing / valid:7.2f}   (issue 17 before the fix: 1.07 / 0.034 = 31)"
    )


if __name__ == "__main__":
    main()
