"""Listing a network in the studio must not slow it down.

On CPython 3.11/3.12 reading an object's instance ``__dict__`` (``vars()``, ``dir()``, pickling)
turns its inline attribute storage into a split dict, and every later attribute read on it gets
about 3x slower; behaviors read ``neurons.voltage`` and friends many times per step. Engine objects
start with a plain instance dict and the studio lists them only through
:mod:`engine.model.introspection`, so what the studio does when it opens a network (variables for
the views, fields for the parameter panels) leaves the network exactly as fast as before.

The measurements are ratios within one process, printed; the asserted bounds are far from the
effect they guard against (3x per read), so machine noise cannot make them flaky.
"""

from __future__ import annotations

import sys
import time
import timeit

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, SynapseGroup, afferent
from engine.model.introspection import instance_attributes
from studio.core import introspect
from studio.parameters.model import behavior_fields, variable_fields
from tests.support.behaviors import Basic_Behavior

SPLIT_DICT_PYTHON = sys.version_info[:2] in ((3, 11), (3, 12))


class Input_Behavior(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


def _seed_network() -> Network:
    np.random.seed(1)
    net = Network()
    group = NeuronGroup(
        net=net, tag="my_neurons", size=100, behavior={1: Basic_Behavior(threshold=0.5), 2: Input_Behavior()}
    )
    SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    net.initialize(info=False)
    return net


def _list_like_the_studio(net: Network) -> int:
    """What the window does when it opens a network: variables per group, fields per behavior."""
    count = 0
    for group in net.NeuronGroups:
        count += len(introspect.neuron_variables(group))
        count += len(variable_fields(group, group.tags[0]))
        for _key, behavior in introspect.behavior_rows(group):
            count += len(behavior_fields(behavior, f"{group.tags[0]}.{behavior.tags[0]}"))
    for sg in net.SynapseGroups:
        count += len(variable_fields(sg, sg.tags[0]))
    return count


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


@pytest.mark.skipif(not SPLIT_DICT_PYTHON, reason="only CPython 3.11/3.12 slow down after a __dict__ read")
def test_the_measurement_sees_the_slowdown_it_guards_against():
    """Control: on a plain object, reading __dict__ makes attribute reads clearly slower."""
    fresh, listed = _Plain(), _Plain()
    vars(listed)
    ratio = _read_ns(listed, "voltage") / _read_ns(fresh, "voltage")
    print(f"\nplain object: attribute read after vars() / before = {ratio:.2f}")
    assert ratio > 1.5


def test_listing_the_network_leaves_attribute_reads_as_fast():
    fresh, listed = _seed_network(), _seed_network()
    assert _list_like_the_studio(listed) > 0
    assert "voltage" in instance_attributes(listed.NeuronGroups[0])
    ratios = []
    for a, b in (
        (fresh.NeuronGroups[0], listed.NeuronGroups[0]),
        (fresh.SynapseGroups[0], listed.SynapseGroups[0]),
    ):
        best_a = best_b = float("inf")
        for _ in range(3):  # alternate: a burst of machine load hits both sides
            best_a = min(best_a, _read_ns(a, "tags"))
            best_b = min(best_b, _read_ns(b, "tags"))
        ratios.append(best_b / best_a)
    print(
        f"\nattribute read after the studio listed the network / before: group {ratios[0]:.2f}, "
        f"synapse group {ratios[1]:.2f}"
    )
    assert max(ratios) < 1.3


def test_listing_the_network_leaves_the_seed_network_as_fast():
    fresh, listed = _seed_network(), _seed_network()
    _list_like_the_studio(listed)
    for net in (fresh, listed):  # warm up both (the weight-order probe runs in the first steps)
        net.simulate_iterations(50, measure_block_time=False)
    ratios = []
    for _ in range(5):  # alternate, so that machine noise hits both alike
        ratios.append(_rate(listed) / _rate(fresh))
    ratio = float(np.median(ratios))
    print(
        f"\nseed network it/s after the studio listed it / before: median {ratio:.3f} "
        f"(rounds {', '.join(f'{r:.3f}' for r in ratios)})"
    )
    assert ratio > 0.8
