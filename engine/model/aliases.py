"""Names for the engine's own types, for annotations.

The classes behind these names import one another (a group knows its network, the network its
groups, a behavior its parent), so the aliases are plain strings at run time and importing this
module imports no engine module; the type checker reads them as the unions they spell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Callable

    from engine.model.behavior import Behavior
    from engine.model.network import Network
    from engine.model.neuron_group import NeuronGroup
    from engine.model.synapse_group import SynapseGroup

__all__ = ["BehaviorParent", "ScheduleEntry", "FastScheduleEntry", "ParameterStore"]

#: What a behavior is attached to (``behavior.parent``) and what its ``initialize``/``iteration``
#: receive: a neuron group, a synapse group or the network itself.
BehaviorParent: TypeAlias = "NeuronGroup | SynapseGroup | Network"

#: One entry of ``Network.sorted_behavior_execution_list``: ``(key, parent, behavior)``; keys are
#: the numbers (int or float) the user chose.
ScheduleEntry: TypeAlias = "tuple[Any, BehaviorParent, Behavior]"

#: One entry of the network's stepping list: ``(behavior, parent, behavior.iteration)``.
FastScheduleEntry: TypeAlias = "tuple[Behavior, BehaviorParent, Callable[[Any], None]]"


class ParameterStore(Protocol):
    """Where ``Network.initialize(storage_manager=...)`` and ``set_score(sm=...)`` write parameters:
    a PymoNNto ``StorageManager`` (:mod:`engine.compat.storage_manager`) or anything alike."""

    def save_param(self, key: str, value: Any) -> None: ...
