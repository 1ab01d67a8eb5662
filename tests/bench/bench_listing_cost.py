"""Listing-cost benchmark (printed, never asserted; not collected by pytest).

On CPython 3.11/3.12 reading an object's instance ``__dict__`` (``vars()``, ``dir()``, pickling)
turns its inline attribute storage into a split dict, and every later attribute read on it gets
about 3x slower. Engine objects start with a plain instance dict and the studio lists them only
through :mod:`engine.model.introspection`. This prints, within one process:

1. the control: a plain object's attribute read after ``vars()`` / before (about 3x where the
   effect exists);
2. an attribute read on a group and a synapse group after the studio listed the network / before
   (about 1.0);
3. the seed network's iterations/s after the listing / before (about 1.0).

    .venv/bin/python tests/bench/bench_listing_cost.py
"""

from __future__ import annotations

import os
import sys
import time
import timeit

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import numpy as np  # noqa: E402

from engine import Network  # noqa: E402
from tests.support.listing import list_like_the_studio, seed_network  # noqa: E402


def _read_ns(obj: object, name: str) -> float:
    """Best-of-7 time of one attribute read, in nanoseconds."""
    timer = timeit.Timer(f"obj.{name}", globals={"obj": obj})
    return min(timer.repeat(repeat=7, number=20_000)) / 20_000 * 1e9


def _rate(net: Network, iterations: int = 300) -> float:
    start = time.perf_counter()
    net.simulate_iterations(iterations, measure_block_time=False)
    return iterations / (time.perf_counter() - start)


class _Plain:
    def __init__(self) -> None:
        self.voltage = np.zeros(3)
        self.size = 3


def main() -> None:
    fresh, listed = _Plain(), _Plain()
    vars(listed)
    control = _read_ns(listed, "voltage") / _read_ns(fresh, "voltage")
    print(f"plain object: read after vars() / before      {control:5.2f}  (the effect: ~3 on 3.11/3.12)")
    fresh_net, listed_net = seed_network(), seed_network()
    list_like_the_studio(listed_net)
    for name, a, b in (
        ("group", fresh_net.NeuronGroups[0], listed_net.NeuronGroups[0]),
        ("synapse group", fresh_net.SynapseGroups[0], listed_net.SynapseGroups[0]),
    ):
        best_a = best_b = float("inf")
        for _ in range(3):  # alternate: a burst of machine load hits both sides
            best_a = min(best_a, _read_ns(a, "tags"))
            best_b = min(best_b, _read_ns(b, "tags"))
        print(f"{name}: read after listing / before   {best_b / best_a:5.2f}  (target ~1)")
    for net in (fresh_net, listed_net):
        net.simulate_iterations(50, measure_block_time=False)
    ratios = [_rate(listed_net) / _rate(fresh_net) for _ in range(5)]
    print(f"seed network it/s after listing / before  {float(np.median(ratios)):5.3f}  (median of 5)")


if __name__ == "__main__":
    main()
