"""simulate_iterations with durations ('100*ms'), read through the network's Clock as in PymoNNto."""

from __future__ import annotations

import pytest

from engine import Network, NeuronGroup
from engine.library import Clock


def _clocked(step: str) -> Network:
    net = Network(behavior={1: Clock(step=step)})
    NeuronGroup(net=net, tag="g", size=2)
    net.initialize(info=False)
    return net


def test_a_duration_runs_as_many_steps_as_the_clock_says():
    net = _clocked("1*ms")
    net.simulate_iterations("10*ms", batch_size="5*ms", measure_block_time=False)
    assert net.iteration == 10
    net = _clocked("0.5*ms")
    net.simulate_iterations("10*ms", measure_block_time=False)
    assert net.iteration == 20


def test_a_duration_without_a_clock_names_what_is_missing():
    net = Network()
    NeuronGroup(net=net, tag="g", size=2)
    net.initialize(info=False)
    with pytest.raises(ValueError, match="a duration needs a Clock behavior"):
        net.simulate_iterations("10*ms")
    assert net.iteration == 0
