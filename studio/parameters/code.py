"""Tag paths for panel rows, and the Python line equivalent to an edit ("copy as code"). No Qt here.

A path must resolve, through :func:`engine.runtime.tag_paths.resolve_path`, to exactly the object the
panel shows; every candidate is checked with the engine's own resolver, so the panel never writes to a
namesake.
"""

from __future__ import annotations

import keyword
import numbers
from typing import Any

import numpy as np

from engine.model.behavior import Behavior
from engine.model.introspection import own_attribute
from engine.model.synapse_group import SynapseGroup
from engine.runtime.tag_paths import PathError, resolve_behaviors, resolve_path

__all__ = [
    "object_part",
    "behavior_part",
    "behavior_path",
    "object_ref",
    "code_ref",
    "code_for_edit",
    "code_for_event",
]


def _usable(part: Any) -> bool:
    return isinstance(part, str) and bool(part) and "." not in part and part.strip() == part


def object_part(net: Any, obj: Any) -> str | None:
    """The first tag of ``obj`` (group, synapse group or the network) that the engine resolves to it."""
    for tag in obj.tags:
        if not _usable(tag):
            continue
        try:
            if obj is net:
                if resolve_path(net, f"{tag}.tags").obj is net:
                    return tag
            elif resolve_path(net, f"{tag}.tags").obj is obj:
                return tag
        except PathError:
            continue
    return None


def behavior_part(net: Any, host_part: str | None, key: Any, behavior: Any) -> str | None:
    """A path part naming ``behavior`` on its host: its first unambiguous tag, else its key."""
    if host_part is None:
        return None
    candidates = [t for t in behavior.tags if _usable(t)]
    candidates.append(str(key))
    for part in candidates:
        if not _usable(part):
            continue
        try:
            if resolve_behaviors(net, f"{host_part}.{part}") == [behavior]:
                return part
        except PathError:
            continue
    return None


def behavior_path(net: Any, host: Any, key: Any, behavior: Any) -> str | None:
    """``'my_neurons.Basic_Behavior'`` or None if the behavior cannot be addressed."""
    host_part = object_part(net, host)
    part = behavior_part(net, host_part, key, behavior)
    return None if part is None else f"{host_part}.{part}"


# ----------------------------------------------------------------------------------------------- code
def _ident(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def object_ref(net: Any, obj: Any, prefix: str = "net") -> str:
    """Python expression for a group / synapse group / the network: ``net.my_neurons`` where the
    attribute shortcut exists, else ``net['tag', 0]``."""
    if obj is net:
        return prefix
    for tag in obj.tags:
        if _ident(tag) and own_attribute(net, tag) is obj:
            return f"{prefix}.{tag}"
    return f"{prefix}[{obj.tags[0]!r}, 0]"


def _behavior_ref(host_ref: str, host: Any, behavior: Any) -> str:
    for tag in behavior.tags:
        if _ident(tag) and own_attribute(host, tag) is behavior:
            return f"{host_ref}.{tag}"
    for key, b in host.behavior.items():
        if b is behavior:
            return f"{host_ref}.behavior[{key!r}]"
    return f"{host_ref}[{type(behavior).__name__!r}, 0]"


def code_ref(net: Any, path: str, prefix: str = "net") -> str | None:
    """``'my_neurons.Basic_Behavior.threshold'`` → ``'net.my_neurons.Basic_Behavior.threshold'``; for a
    path naming a behavior (no attribute) the behavior's expression. None if the path does not resolve."""
    try:
        target = resolve_path(net, path, must_exist=False)
    except PathError:
        try:
            behaviors = resolve_behaviors(net, path)
        except PathError:
            return None
        b = behaviors[0]
        return _behavior_ref(object_ref(net, b.parent, prefix), b.parent, b) if len(behaviors) == 1 else None
    obj, parent = target.obj, target.parent
    if obj is not parent and isinstance(obj, Behavior):
        base = _behavior_ref(object_ref(net, parent, prefix), parent, obj)
    else:
        base = object_ref(net, obj, prefix)
    attr = target.attr
    return f"{base}.{attr}" if _ident(attr) else f"setattr({base}, {attr!r}, ...)"


def _literal(value: Any) -> str | None:
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (numbers.Integral, np.integer)):
        return repr(int(value))
    if isinstance(value, (numbers.Real, np.floating)):
        return repr(float(value))
    if isinstance(value, np.ndarray) and value.size <= 16:
        return f"np.array({value.tolist()!r})"
    return None


def code_for_edit(net: Any, path: str, op: str, value: Any, is_array: bool, prefix: str = "net") -> str:
    """The line equivalent to an edit: ``net.g.B.threshold = 0.6``, ``net.g.voltage[:] = 0.0``,
    ``net.g.W *= 1.1``, ``net.g.threshold[:] = net.g.vector('uniform(0.4,0.6)')``,
    ``net.g.B.behavior_enabled = False``."""
    ref = code_ref(net, path, prefix) or f"{prefix}.{path}"
    if op == "enable":
        return f"{ref}.behavior_enabled = {bool(value)!r}"
    if op == "scale":
        return f"{ref} *= {float(value)!r}"
    if isinstance(value, str):
        target = resolve_path(net, path, must_exist=False)
        owner = target.obj if target.obj is target.parent else target.parent
        maker = "matrix" if isinstance(owner, SynapseGroup) else "vector"
        return f"{ref}[:] = {object_ref(net, owner, prefix)}.{maker}({value!r})"
    text = _literal(value)
    if text is None:
        shape = getattr(value, "shape", "?")  # whatever the edit wrote (an array, usually)
        return f"# {ref}: an array of shape {tuple(shape)} was written (too large to copy as code)"
    return f"{ref}[:] = {text}" if is_array else f"{ref} = {text}"


def code_for_event(net: Any, event: Any, prefix: str = "net") -> str:
    """The line equivalent to a runner :class:`~engine.runtime.commands.Event` (set_value / enabled)."""
    if event.kind == "enabled":
        return code_for_edit(net, event.path, "enable", event.new, False, prefix)
    if event.kind == "set_value":
        ref = code_ref(net, event.path, prefix) or f"{prefix}.{event.path}"
        text = _literal(event.new)
        if text is None:
            return f"# {ref}: set to {event.new} (array too large to copy as code)"
        try:
            is_array = isinstance(resolve_path(net, event.path).get(), np.ndarray)
        except PathError:
            is_array = isinstance(event.new, np.ndarray)
        return f"{ref}[:] = {text}" if is_array else f"{ref} = {text}"
    return f"# {event.kind} {event.path}"
