"""refractory: the decaying trace of the own output and its subtraction from the activity."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup
from engine.library import refractory


class Replay(Behavior):
    """output = the given sequence (one row per step); activity is left to the refractory behavior."""

    def initialize(self, neurons):
        self.rows = self.parameter("rows", None)
        neurons.output = neurons.vector()
        neurons.activity = neurons.vector()

    def iteration(self, neurons):
        neurons.output = self.rows[neurons.iteration - 1]


class Integrate(Behavior):
    """activity += drive; a spike (output) when activity > 1, which then resets to 0."""

    def initialize(self, neurons):
        self.drive = self.parameter("drive", 0.5)
        neurons.activity = neurons.vector()
        neurons.output = neurons.vector(bool)
        self.spikes = []

    def iteration(self, neurons):
        neurons.activity += self.drive
        neurons.output = neurons.activity > 1.0
        neurons.activity[neurons.output] = 0.0
        self.spikes.append(bool(neurons.output[0]))


def test_the_counter_decays_and_is_subtracted():
    rows = np.array([[1, 0], [0, 0], [0, 1], [1, 0], [0, 0]], dtype=bool)
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="g",
        size=2,
        behavior={1: Replay(rows=rows), 2: refractory(decayfactor=0.5, strengthfactor=2.0)},
    )
    net.initialize(info=False)
    counters, activities = [], []
    for _ in range(5):
        net.simulate_iteration()
        counters.append(group.refractory_counter.copy())
        activities.append(group.activity.copy())
    expected = np.array([[1, 0], [0.5, 0], [0.25, 1], [1.125, 0.5], [0.5625, 0.25]])
    np.testing.assert_allclose(counters, expected)
    np.testing.assert_allclose(activities, -2.0 * np.cumsum(expected, axis=0))
    assert group.refractory_counter.dtype == np.float32


def spike_steps(**kwargs):
    net = Network()
    behaviors = {1: Integrate(drive=0.4)}
    if kwargs:
        behaviors[2] = refractory(**kwargs)
    group = NeuronGroup(net=net, tag="g", size=1, behavior=behaviors)
    net.initialize(info=False)
    net.simulate_iterations(60, measure_block_time=False)
    return np.flatnonzero(group.Integrate.spikes) + 1


def test_a_strong_refractory_trace_blocks_spikes_for_a_while():
    free = spike_steps()
    blocked = spike_steps(decayfactor=0.5, strengthfactor=1.0)
    assert np.all(np.diff(free) == 3)  # 0.4, 0.8, 1.2 -> spike
    assert blocked[0] == 3 and np.all(np.diff(blocked) == 8)  # the trace holds the next spike off 5 steps
    weak = spike_steps(decayfactor=0.1, strengthfactor=0.05)
    assert np.array_equal(weak, free)  # a weak, fast trace changes nothing here


def test_per_neuron_strength_from_a_value_string():
    np.random.seed(0)
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="g",
        size=50,
        behavior={
            1: Replay(rows=np.ones((1, 50), dtype=bool)),
            2: refractory(strengthfactor="uniform(0.5,1.5)"),
        },
    )
    net.initialize(info=False)
    strength = group.refractory.strengthfactor
    assert strength.shape == (50,) and 0.5 <= strength.min() and strength.max() < 1.5
    net.simulate_iteration()
    np.testing.assert_array_equal(group.activity, -strength)


def test_missing_output_is_named():
    net = Network()
    NeuronGroup(net=net, tag="g", size=3, behavior={2: refractory()})
    net.initialize(info=False)
    with pytest.raises(AttributeError, match="'output' and 'activity'"):
        net.simulate_iteration()
