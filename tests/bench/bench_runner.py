#!/usr/bin/env python3
"""Runner benchmarks (printed, never asserted; not collected by pytest).

    python tests/bench/bench_runner.py [--iters 3000] [--repeats 5] [--size 1000] [--gil-seconds 2]

1. Overhead: stepping the seed network (1000 neurons, Basic_Behavior + Input_Behavior with a dense
   W.dot(spike), Recorder + EventRecorder) through ``Runner.run_for`` with 4 live watches, versus
   plain ``net.simulate_iterations``. Runs alternate A/B; the median of each side is compared.
2. GIL hand-over: a GIL-bound network (~380 tiny numpy calls per step, about 1 ms) stepped by the
   runner while a second Python thread does "GUI turns" (20 short callbacks, each re-taking the GIL,
   then a 1 ms timer wait). Reports the other thread's turns/s and the runner's iterations/s with
   and without a competing thread, for the hand-over settings (zero sleep, lower switch interval).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import numpy as np  # noqa: E402

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder, Runner, SynapseGroup, afferent  # noqa: E402
from tests.support.behaviors import Basic_Behavior, Tiny  # noqa: E402


class Input_Behavior(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)
            synapse.enabled = synapse.W > 0

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


def seed_network(size: int) -> Network:
    np.random.seed(1)
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="my_neurons",
        size=size,
        behavior={
            1: Basic_Behavior(density=0.01),
            2: Input_Behavior(),
            9: Recorder(["voltage", "np.mean(voltage)"], tag="my_recorder"),
            10: EventRecorder("spike", tag="my_event_recorder"),
        },
    )
    SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    net.initialize(info=False)
    net.simulate_iteration()  # creates 'spike'
    return net


def gil_network(calls: int) -> Network:
    net = Network()
    NeuronGroup(net=net, tag="g", size=100, behavior={1: Tiny(calls=calls)})
    net.initialize(info=False)
    return net


def bench_overhead(size: int, iters: int, repeats: int, block: int = 300) -> None:
    """Paired comparison on one network: blocks of ``block`` iterations rotate between plain
    ``simulate_iterations`` (main thread), a Runner without watches and a Runner with 4 watches, so
    all sides see the same machine load; the median of the per-round time ratios is the overhead."""
    net = seed_network(size)
    bare = Runner(net)
    runner = Runner(net)
    watches = [
        runner.watch("my_neurons.voltage"),
        runner.watch("my_neurons.voltage", neurons=range(10)),
        runner.watch("my_neurons.spike"),
        runner.watch("my_neurons.Basic_Behavior.threshold"),
    ]
    sides = [
        lambda: net.simulate_iterations(block, measure_block_time=False),
        lambda: bare.run_for(block).wait(),
        lambda: runner.run_for(block).wait(),
    ]
    for side in sides:  # warm up every path
        side()
    rounds = max(repeats, iters // (3 * block))
    took = [[], [], []]
    for k in range(rounds):
        for j in range(3):
            side = (j + k) % 3
            t0 = time.perf_counter()
            sides[side]()
            took[side].append((time.perf_counter() - t0) / block * 1e6)
    assert all(w.ok for w in watches), watches
    sample_cost = _sample_cost(net, watches)
    bare.stop()
    runner.stop()
    med = [statistics.median(t) for t in took]
    bare_ratio = statistics.median([b / p for p, b in zip(took[0], took[1])])
    full_ratios = [r / p for p, r in zip(took[0], took[2])]
    q = statistics.quantiles(full_ratios, n=4)
    print(
        f"overhead: seed network, {size} neurons; {rounds} rounds of {block}-iteration blocks rotating plain "
        f"simulate_iterations / Runner / Runner with 4 watches"
    )
    print(f"  median us/it: plain {med[0]:6.1f}, runner {med[1]:6.1f}, runner + 4 watches {med[2]:6.1f}")
    print(
        f"  overhead (median of per-round ratios): runner {100 * (bare_ratio - 1):+.1f} %, "
        "runner + 4 watches "
        f"{100 * (statistics.median(full_ratios) - 1):+.1f} % (quartiles {100 * (q[0] - 1):+.1f} % .. "
        f"{100 * (q[2] - 1):+.1f} %)"
    )
    print(f"  the 4 watches sample in {sample_cost:.2f} us per iteration (timed in isolation)")


def _sample_cost(net: Network, watches: list, n: int = 5000) -> float:
    it = net.iteration
    t0 = time.perf_counter()
    for _ in range(n):
        for w in watches:
            w.sample(it)
    return (time.perf_counter() - t0) / n * 1e6


def gui_turns(stop: threading.Event, counter: list) -> None:
    """A stand-in for a GUI thread: per turn 20 short Python callbacks, each re-taking the GIL
    (as every Qt -> Python call does), then a 1 ms timer wait."""
    while not stop.is_set():
        for _ in range(20):
            sum(range(50))
            time.sleep(0)
        counter[0] += 1
        time.sleep(0.001)


def _measure(net: Network, seconds: float, with_other: bool, **runner_kw) -> tuple:
    runner = Runner(net, **runner_kw)
    counter, stop = [0], threading.Event()
    other = threading.Thread(target=gui_turns, args=(stop, counter), daemon=True)
    runner.start()
    if with_other:
        other.start()
    stop.wait(0.3)
    it0, c0, t0 = runner.iteration, counter[0], time.perf_counter()
    stop.wait(seconds)
    it1, c1, t1 = runner.iteration, counter[0], time.perf_counter()
    stop.set()
    if with_other:
        other.join()
    runner.stop()
    return (c1 - c0) / (t1 - t0), (it1 - it0) / (t1 - t0)


def bench_gil(seconds: float, calls: int) -> None:
    net = gil_network(calls)
    t0 = time.perf_counter()
    net.simulate_iterations(200, measure_block_time=False)
    ms = (time.perf_counter() - t0) / 200 * 1e3
    print(
        f"GIL hand-over: GIL-bound step of {ms:.2f} ms ({calls * 4} numpy calls), {seconds:.0f} s per setting"
    )
    settings = (
        ("none", dict(yield_interval=None, switch_interval=None)),
        ("zero sleep every 10 ms", dict(yield_interval=0.010, switch_interval=None)),
        ("zero sleep every 5 ms", dict(yield_interval=0.005, switch_interval=None)),
        ("zero sleep every 2 ms", dict(yield_interval=0.002, switch_interval=None)),
        ("switch interval 1 ms", dict(yield_interval=None, switch_interval=0.001)),
        ("switch interval 0.25 ms", dict(yield_interval=None, switch_interval=0.00025)),
        ("default (10 ms + 0.25 ms)", dict()),
    )
    for label, kw in settings:
        _, alone = _measure(net, seconds / 2, False, **kw)
        turns, ips = _measure(net, seconds, True, **kw)
        print(
            f"  {label:26s}: other thread {turns:6.1f} turns/s, runner {ips:6.0f} it/s "
            f"(alone {alone:6.0f} it/s)"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=3000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--gil-seconds", type=float, default=2.0)
    ap.add_argument("--calls", type=int, default=380)
    ap.add_argument("--only", choices=("overhead", "gil"), default=None)
    args = ap.parse_args()
    if args.only in (None, "overhead"):
        bench_overhead(args.size, args.iters, args.repeats)
    if args.only in (None, "gil"):
        bench_gil(args.gil_seconds, args.calls)


if __name__ == "__main__":
    main()
