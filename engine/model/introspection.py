"""What an engine object holds: its own attributes, listed without slowing it down.

Views, panels and state files need "the variables of a group". Reading an instance's ``__dict__``
directly is cheap for engine objects only because :class:`~engine.model.tagging.TaggableObjectBase`
gives them a plain instance dict from the start; this module is the one place that relies on it,
so nothing outside the engine reads ``__dict__`` or calls ``vars()`` on an engine object.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = ["instance_attributes", "own_attribute", "array_attributes", "MISSING"]

#: returned by :func:`own_attribute` when the object has no such attribute of its own
MISSING: object = object()


def instance_attributes(obj: object) -> dict[str, Any]:
    """A snapshot ``{name: value}`` of the attributes set on ``obj`` itself (not its class).

    The snapshot is a new dict: changing it does not change ``obj``. For engine objects
    (groups, synapse groups, behaviors, the network) the call costs nothing later; for other
    objects it is plain ``vars()``.
    """
    try:
        return dict(object.__getattribute__(obj, "__dict__"))
    except AttributeError:  # objects with __slots__ only
        return {}


def own_attribute(obj: object, name: str) -> Any:
    """The value of ``name`` set on ``obj`` itself, or :data:`MISSING` (no class attributes, no
    properties, no ``__getattr__`` fallbacks)."""
    try:
        return object.__getattribute__(obj, "__dict__").get(name, MISSING)
    except AttributeError:
        return MISSING


def array_attributes(obj: object) -> Iterator[tuple[str, np.ndarray]]:
    """``(name, array)`` for every numpy array set on ``obj`` itself, in creation order."""
    for name, value in instance_attributes(obj).items():
        if isinstance(value, np.ndarray):
            yield name, value
