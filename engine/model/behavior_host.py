"""Behavior management shared by Network, NeuronGroup and SynapseGroup."""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from engine.model.behavior import Behavior, deprecated_warning
from engine.model.tagging import set_shortcut

if TYPE_CHECKING:
    from engine.model.aliases import BehaviorParent
    from engine.model.network import Network

__all__ = ["BehaviorHost", "normalize_behaviors"]

#: what the ``behavior=`` argument of a network, group or synapse group accepts
BehaviorSpec = Mapping[Any, Behavior] | Sequence[Behavior] | None


def normalize_behaviors(behavior: BehaviorSpec, owner: str) -> dict[Any, Behavior]:
    """A behavior dict from a dict, a list (keys 0..n-1) or None."""
    if behavior is None:
        return {}
    if isinstance(behavior, Mapping):
        return dict(behavior)
    if isinstance(behavior, (list, tuple)):
        return dict(enumerate(behavior))
    if isinstance(behavior, Behavior):
        raise TypeError(
            f"{owner}: behavior must be a dict {{key: Behavior}} or a list, got a single "
            f"{type(behavior).__name__}; write behavior={{1: {type(behavior).__name__}(...)}}"
        )
    raise TypeError(
        f"{owner}: behavior must be a dict {{key: Behavior}} or a list, got {type(behavior).__name__}"
    )


def _check_key(key: object, owner: str) -> None:
    if not isinstance(key, numbers.Real) or isinstance(key, bool):
        raise TypeError(
            f"behavior key {key!r} on {owner} is not a number: keys are numbers "
            "(int or float) that give the order of execution"
        )


class BehaviorHost:
    """Mixin for objects that own a ``behavior`` dict ``{key: Behavior}``.

    Every behavior is also registered in the network's single, globally ordered schedule.
    """

    behavior: dict[Any, Behavior]
    recording: bool
    tags: list[str]

    def _host_network(self) -> Network | None:
        return getattr(self, "network", None)

    def _attach(self, key: Any, behavior: Behavior) -> None:
        _check_key(key, self._describe())
        if not isinstance(behavior, Behavior):
            raise TypeError(
                f"{self._describe()}: behavior under key {key!r} is "
                f"{behavior!r} ({type(behavior).__name__}), not a Behavior instance"
                + (" - did you forget the parentheses?" if isinstance(behavior, type) else "")
            )
        if key in self.behavior:
            raise Exception(
                f"Error: Key already exists. {self._describe()} already has a behavior "
                f"under key {key!r} ({self.behavior[key]})"
            )
        self.behavior[key] = behavior
        parent = cast("BehaviorParent", self)  # the hosts are exactly the three BehaviorParent classes
        behavior.parent = parent
        net = self._host_network()
        if net is not None:
            net._schedule_add(key, parent, behavior)
        for tag in behavior.tags:
            set_shortcut(self, tag, behavior)

    def _describe(self) -> str:
        return f"{type(self).__name__} '{self.tags[0]}'"

    def _apply_behavior_shortcuts(self) -> None:
        for behavior in self.behavior.values():
            for tag in behavior.tags:
                set_shortcut(self, tag, behavior)

    # ------------------------------------------------------------------ public API

    def add_behavior(self, key: Any, behavior: Behavior, initialize: bool = True) -> Behavior:
        """Attach ``behavior`` under ``key``; initialize it at once unless ``initialize=False``."""
        self._attach(key, behavior)
        if initialize or behavior.initialize_on_init:
            behavior.initialize(self)
            if not behavior.initialize_on_init:
                behavior.check_unused_attrs()
            self._apply_behavior_shortcuts()
        return behavior

    def add_behaviors(self, behaviors: Mapping[Any, Behavior]) -> Mapping[Any, Behavior]:
        """``add_behavior`` for every entry of a dict (initializing each)."""
        for key, behavior in dict(behaviors).items():
            self.add_behavior(key, behavior)
        return behaviors

    def remove_behavior(self, which: object) -> None:
        """Remove every behavior whose key, tag, instance or exact type is ``which``."""
        doomed = []
        for key, behavior in self.behavior.items():
            same_key = not isinstance(which, (Behavior, type)) and _safe_equal(which, key)
            by_tag = isinstance(which, str) and which in behavior.tags
            if same_key or by_tag or which is behavior or type(behavior) is which:
                doomed.append(key)
        net = self._host_network()
        for key in doomed:
            behavior = self.behavior.pop(key)
            if net is not None:
                net._schedule_remove(behavior)
            for name in behavior.tags:  # shortcuts are only ever made under the behavior's tags
                if getattr(self, name, None) is behavior and name.isidentifier():
                    delattr(self, name)
            behavior.parent = None

    def set_behaviors(self, tag: object, enabled: bool) -> None:
        """Enable or disable every behavior the lookup ``self[tag]`` finds."""
        print(("activating " if enabled else "deactivating ") + str(tag))
        for obj in self[tag]:  # type: ignore[index]
            if isinstance(obj, Behavior):
                obj.behavior_enabled = enabled

    def activate_behaviors(self, tag: object) -> None:
        self.set_behaviors(tag, True)

    def deactivate_behaviors(self, tag: object) -> None:
        self.set_behaviors(tag, False)

    def _children_matches(self, key: object) -> list[Any]:
        found: list[Any] = []
        try:
            if key in self.behavior and not isinstance(key, bool):
                found.append(self.behavior[key])
        except TypeError:
            pass  # unhashable keys cannot be behavior keys
        for behavior in self.behavior.values():
            found.extend(behavior._matches(key))
        return found

    # ------------------------------------------------------------------ deprecated spellings

    def add_behaviours(self, behaviours: Mapping[Any, Behavior]) -> Mapping[Any, Behavior]:
        deprecated_warning("add_behaviours: use add_behaviors")
        return self.add_behaviors(behaviours)

    def add_behaviour(self, key: Any, behaviour: Behavior, initialize: bool = True) -> Behavior:
        deprecated_warning("add_behaviour: use add_behavior")
        return self.add_behavior(key, behaviour, initialize)

    def remove_behaviour(self, which: object) -> None:
        deprecated_warning("remove_behaviour: use remove_behavior")
        self.remove_behavior(which)

    def set_behaviours(self, tag: object, enabled: bool) -> None:
        deprecated_warning("set_behaviours: use set_behaviors")
        self.set_behaviors(tag, enabled)

    def activate_behaviours(self, tag: object) -> None:
        deprecated_warning("activate_behaviours: use activate_behaviors")
        self.activate_behaviors(tag)

    def deactivate_behaviours(self, tag: object) -> None:
        deprecated_warning("deactivate_behaviours: use deactivate_behaviors")
        self.deactivate_behaviors(tag)

    def activate_mechanisms(self, tag: object) -> None:
        deprecated_warning("activate_mechanisms: use activate_behaviors")
        self.activate_behaviors(tag)

    def deactivate_mechanisms(self, tag: object) -> None:
        deprecated_warning("deactivate_mechanisms: use deactivate_behaviors")
        self.deactivate_behaviors(tag)


def _safe_equal(a: object, b: object) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return False
