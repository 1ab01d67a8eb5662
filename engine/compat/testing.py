"""Helpers for testing a single behavior in a minimal network."""

from __future__ import annotations

from typing import Any

from engine.model.behavior import Behavior
from engine.model.network import Network
from engine.model.neuron_group import NeuronGroup

__all__ = ["behavior_test_environment"]


def behavior_test_environment(
    behavior: Behavior | dict[Any, Behavior], size: int = 1, initialize: bool = True, iteration: int = 0
) -> tuple[Network, NeuronGroup, dict[Any, Behavior]]:
    """Build ``Network(tag='Network')`` with one group ``'Neuron'`` carrying ``behavior``.

    A single behavior is wrapped as ``{1: behavior}``. The network is initialized (unless
    ``initialize=False``) and stepped ``iteration`` times. Returns ``(net, group, behaviors)``.
    """
    behaviors = behavior if isinstance(behavior, dict) else {1: behavior}
    net = Network(tag="Network")
    group = NeuronGroup(net=net, tag="Neuron", size=size, behavior=behaviors)
    if initialize:
        net.initialize(info=False)
    for _ in range(iteration):
        net.simulate_iteration()
    return net, group, behaviors
