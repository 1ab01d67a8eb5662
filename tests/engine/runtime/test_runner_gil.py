"""The runner hands the GIL over: another Python thread keeps running while it steps a GIL-bound network.

The other thread stands in for a GUI thread: every "turn" re-takes the GIL 20 times (as each Qt ->
Python call does) and then waits 1 ms for its next timer tick. Without a deliberate hand-over the
worker keeps the GIL until the interpreter forces a switch (5 ms each time), i.e. about 10 turns/s
(see tests/bench/bench_runner.py); the issue asks for at least 25.
"""

import threading
import time

from engine import Behavior, Network, NeuronGroup
from tests.support.behaviors import Tiny

WINDOW_S = 1.5


def gil_bound_network(target_ms=1.0):
    net = Network()
    NeuronGroup(net=net, tag="g", size=100, behavior={1: Tiny()})
    net.initialize(info=False)
    tiny = net.g.Tiny
    t0 = time.perf_counter()
    net.simulate_iterations(20, measure_block_time=False)
    per_call = (time.perf_counter() - t0) / 20 / tiny.calls
    tiny.calls = int(min(2000, max(50, target_ms / 1000 / per_call)))  # about 1 ms per step
    return net


def gui_like(stop, turns):
    while not stop.is_set():
        for _ in range(20):
            sum(range(50))
            time.sleep(0)  # back to "C++": the GIL is released and must be taken again
        turns[0] += 1
        stop.wait(0.001)  # the next timer tick


def test_second_thread_gets_at_least_25_turns_per_second(make_runner):
    net = gil_bound_network()
    runner = make_runner(net)
    stop, turns = threading.Event(), [0]
    other = threading.Thread(target=gui_like, args=(stop, turns), name="gui-like")
    try:
        runner.start()
        other.start()
        stop.wait(0.3)  # settle
        it0, n0, t0 = runner.iteration, turns[0], time.perf_counter()
        stop.wait(WINDOW_S)
        it1, n1, t1 = runner.iteration, turns[0], time.perf_counter()
    finally:
        stop.set()
        other.join(10)
        runner.stop()
    rate = (n1 - n0) / (t1 - t0)
    steps = (it1 - it0) / (t1 - t0)
    print(f"other thread {rate:.1f} turns/s while the runner stepped {steps:.0f} it/s")
    assert rate >= 25, f"the other thread got only {rate:.1f} turns/s"
    assert steps >= 50, f"the runner itself starved ({steps:.0f} it/s)"


def test_switch_interval_is_lowered_only_while_stepping_and_restored(make_runner):
    import sys

    before = sys.getswitchinterval()
    seen = []

    class Probe(Behavior):
        def iteration(self, neurons):
            seen.append(sys.getswitchinterval())

    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={1: Probe()})
    net.initialize(info=False)
    r1, r2 = make_runner(net), make_runner(net, switch_interval=None, yield_interval=0)
    r1.step(3)
    assert seen == [0.00025] * 3 and sys.getswitchinterval() == before
    r2.step(2)  # opted out: interval untouched; zero sleep after each iteration
    assert seen[3:] == [before] * 2 and r2.iteration == 5
