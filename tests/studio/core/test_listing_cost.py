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

from engine.model.introspection import instance_attributes
from tests.support.listing import list_like_the_studio, seed_network


def test_listing_reads_no_instance_dict_and_changes_nothing(monkeypatch):
    net = seed_network()
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
    assert list_like_the_studio(net) > 0
    monkeypatch.undo()
    assert touched == []  # no vars()/dir() of an engine object (they would materialize its dict)
    after = [(id(o), {k: id(v) for k, v in instance_attributes(o).items()}) for o in objects]
    assert after == before
    assert "voltage" in instance_attributes(net.NeuronGroups[0])
