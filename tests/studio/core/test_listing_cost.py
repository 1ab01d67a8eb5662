"""Listing a network in the studio must not change it (and so cannot slow it down).

On CPython 3.11/3.12 reading an object's instance ``__dict__`` (``vars()``, ``dir()``, pickling)
turns its inline attribute storage into a split dict, and every later attribute read on it gets
about 3x slower; behaviors read ``neurons.voltage`` and friends many times per step. Engine objects
start with a plain instance dict and the studio lists them only through
:mod:`engine.model.introspection`, so what the studio does when it opens a network (variables for
the views, fields for the parameter panels) leaves the network exactly as fast as before.

Here: the listing reads through ``engine.model.introspection`` only (a recording ``vars``/``dir``
would show any other path) and leaves every attribute as it was. The speed itself is measured by
``tests/bench/bench_listing_cost.py`` (printed ratios: a timed assertion here failed once in 20
suite runs on a busy machine, 1.36 against a bound of 1.3, with nothing wrong).
"""

from __future__ import annotations

import builtins

import numpy as np

from engine import Behavior, Network, NeuronGroup, SynapseGroup, afferent
from engine.model.introspection import instance_attributes
from studio.core import introspect
from studio.parameters.model import behavior_fields, variable_fields
from tests.support.behaviors import Basic_Behavior


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


def test_listing_reads_no_instance_dict_and_changes_nothing(monkeypatch):
    net = _seed_network()
    objects = [
        *net.NeuronGroups,
        *net.SynapseGroups,
        *(b for g in net.NeuronGroups for b in g.behavior.values()),
    ]
    before = [(id(o), {k: id(v) for k, v in instance_attributes(o).items()}) for o in objects]
    touched = []
    real_vars, real_dir = builtins.vars, builtins.dir

    def recording(real):
        def call(*args):
            if args and any(args[0] is o for o in objects):
                touched.append((real.__name__, type(args[0]).__name__))
            return real(*args)

        return call

    monkeypatch.setattr(builtins, "vars", recording(real_vars))
    monkeypatch.setattr(builtins, "dir", recording(real_dir))
    assert _list_like_the_studio(net) > 0
    monkeypatch.undo()
    assert touched == []  # no vars()/dir() of an engine object (they would materialize its dict)
    after = [(id(o), {k: id(v) for k, v in instance_attributes(o).items()}) for o in objects]
    assert after == before
    assert "voltage" in instance_attributes(net.NeuronGroups[0])
