"""Tag paths: resolve ``'my_neurons.Basic_Behavior.threshold'`` to an object and an attribute.

A *tag path* is a dot-separated string. Its parts are resolved left to right:

* the first part names a NeuronGroup or SynapseGroup by any of its tags (the first match in creation
  order, groups before synapse groups), the network itself by one of its tags (``'Network'``), or a
  network-level behavior by tag, class name or key;
* a middle part names a behavior of the current object by tag, class name or key (``'1'``), or else a
  plain (non-numeric) attribute of it;
* the last part is an attribute that must exist.

A path with a single part names an attribute of the network itself.

Errors are :class:`PathError` (a ``LookupError``) and :class:`InvalidValueError` (a ``ValueError``);
their message names the part that failed, what exists there, and the closest existing name.
Nothing here mutates the network; new values are checked and planned in
:mod:`engine.runtime.value_edits`.
"""

from __future__ import annotations

import difflib
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.exceptions import CommandError, InvalidValueError, PathError  # noqa: F401 (re-exported)
from engine.model.introspection import instance_attributes

if TYPE_CHECKING:
    from engine.model.behavior import Behavior
    from engine.model.network import Network

__all__ = [
    "CommandError",
    "PathError",
    "InvalidValueError",
    "Target",
    "resolve_path",
    "resolve_behaviors",
    "describe",
    "object_kind",
    "summarize",
    "STRUCTURAL_ATTRIBUTES",
]

#: Attributes that define the structure of the network; ``set_value`` refuses them.
STRUCTURAL_ATTRIBUTES = frozenset(
    {
        "iteration",
        "size",
        "tags",
        "tag",
        "network",
        "behavior",
        "src",
        "dst",
        "def_dtype",
        "NeuronGroups",
        "SynapseGroups",
        "sorted_behavior_execution_list",
        "init_kwargs",
        "variables",
        "id",
        "afferent_synapses",
        "efferent_synapses",
        "tag_shortcuts",
    }
)


@dataclass
class Target:
    """The result of resolving a tag path.

    Attributes
    ----------
    path: the normalised path string.
    obj: the object that holds the attribute (network, group, synapse group or behavior).
    attr: the attribute name.
    parent: the group / synapse group / network that owns ``obj`` when ``obj`` is a behavior, else ``obj``.
    description: human-readable name of ``obj`` (``"behavior Basic_Behavior of group 'g'"``).

    ``obj`` and ``parent`` are Any: a middle part of a path may also name any non-numeric attribute
    a script set (``'g.helper.rate'``), so the holder can be an object of the script's own.
    """

    path: str
    obj: Any
    attr: str
    parent: Any
    description: str

    def exists(self) -> bool:
        """Whether the attribute exists right now."""
        return hasattr(self.obj, self.attr)

    def get(self) -> Any:
        """Current value of the attribute."""
        return getattr(self.obj, self.attr)


# ----------------------------------------------------------------------------------------------- helpers
def object_kind(obj: object) -> str:
    if hasattr(obj, "NeuronGroups"):
        return "network"
    if hasattr(obj, "src") and hasattr(obj, "dst") and hasattr(obj, "behavior"):
        return "synapse group"
    if hasattr(obj, "behavior") and hasattr(obj, "size"):
        return "group"
    if hasattr(obj, "behavior_enabled"):
        return "behavior"
    return type(obj).__name__


def describe(obj: object, parent: object = None) -> str:
    """Human-readable name: ``"group 'g'"``, ``"behavior Basic_Behavior of group 'g'"``, ``'the network'``."""
    kind = object_kind(obj)
    if kind == "network":
        return "the network"
    if kind == "behavior":
        name = type(obj).__name__
        tags = list(getattr(obj, "tags", []) or [])
        if tags and tags[0] != name:
            name = f"{name} '{tags[0]}'"
        return f"behavior {name}" + (f" of {describe(parent)}" if parent is not None else "")
    own_tags = getattr(obj, "tags", None)
    return f"{kind} '{own_tags[0]}'" if own_tags else kind


def _suggest(word: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _listing(label: str, names: Sequence[str], limit: int = 12) -> str:
    names = list(dict.fromkeys(names))
    if not names:
        return f"({label}: none)"
    shown = ", ".join(names[:limit]) + (f", … ({len(names) - limit} more)" if len(names) > limit else "")
    return f"({label}: {shown})"


def _public_attrs(obj: object) -> list[str]:
    """Public data attributes (numbers, bools, strings, arrays, None) of ``obj``."""
    items = instance_attributes(obj).items()
    return [
        k
        for k, v in items
        if not k.startswith("_")
        and (v is None or isinstance(v, (numbers.Number, np.ndarray, np.generic, str)))
    ]


def summarize(value: Any, limit: int = 16) -> Any:
    """A small, immutable stand-in for ``value`` in the event log: scalars as they are, small arrays as a
    copy, large arrays as a short text (dtype, shape, mean, min, max)."""
    if isinstance(value, np.ndarray):
        if value.size <= limit:
            return value.copy()
        try:
            if value.dtype.kind in "biuf":
                v = value.astype(float, copy=False)
                return (
                    f"{value.dtype}{list(value.shape)} mean={v.mean():.4g} min={v.min():.4g} "
                    f"max={v.max():.4g}"
                )
        except (TypeError, ValueError):
            pass
        return f"{value.dtype}{list(value.shape)}"
    return value


def _behaviors_of(obj: object) -> list[tuple[Any, Behavior]]:
    beh = getattr(obj, "behavior", None)
    return list(beh.items()) if isinstance(beh, dict) else []


def _find_behavior(obj: object, part: str) -> Behavior | None:
    for _key, b in _behaviors_of(obj):
        if part in getattr(b, "tags", ()):
            return b
    for key, b in _behaviors_of(obj):
        if str(key) == part:
            return b
        try:
            if float(part) == key:
                return b
        except (TypeError, ValueError):
            pass
    return None


def _behavior_names(obj: object) -> list[str]:
    return [f"{k}:{type(b).__name__}" for k, b in _behaviors_of(obj)]


def _first_step(net: Network, part: str) -> tuple[Any, Any]:
    for obj in list(getattr(net, "NeuronGroups", [])) + list(getattr(net, "SynapseGroups", [])):
        if part in getattr(obj, "tags", ()):
            return obj, obj
    if part in getattr(net, "tags", ()):
        return net, net
    b = _find_behavior(net, part)
    if b is not None:
        return b, net
    groups = [g.tags[0] for g in getattr(net, "NeuronGroups", [])]
    sgs = [s.tags[0] for s in getattr(net, "SynapseGroups", [])]
    net_b = [t for _, b in _behaviors_of(net) for t in getattr(b, "tags", ())[:2]]
    everything = [
        t for o in getattr(net, "NeuronGroups", []) + getattr(net, "SynapseGroups", []) for t in o.tags
    ]
    everything += list(getattr(net, "tags", ())) + net_b
    msg = (
        f"no group, synapse group or network behavior tagged '{part}'{_suggest(part, everything)} "
        f"{_listing('groups', groups)} {_listing('synapse groups', sgs)}"
    )
    if net_b:
        msg += " " + _listing("network behaviors", net_b)
    raise PathError(msg)


# ----------------------------------------------------------------------------------------------- resolve
def resolve_path(net: Network, path: str, must_exist: bool = True) -> Target:
    """Resolve a tag path on ``net``.

    Parameters
    ----------
    net: the Network.
    path: e.g. ``'my_neurons.Basic_Behavior.threshold'``, ``'my_neurons.voltage'``, ``'GLUTAMATE.W'``.
    must_exist: if True (default) the final attribute must exist.

    Raises
    ------
    PathError: naming the part that failed, what exists there and the closest name.
    """
    if not isinstance(path, str) or not path.strip():
        raise PathError(f"a tag path must be a non-empty string, got {path!r}")
    parts = [p.strip() for p in path.strip().split(".")]
    if any(not p for p in parts):
        raise PathError(f"empty part in tag path '{path}'")
    obj: Any  # the network, a group, a behavior or an object a script hung on one of them
    parent: Any
    if len(parts) == 1:
        obj, parent = net, net
    else:
        obj, parent = _first_step(net, parts[0])
        for part in parts[1:-1]:
            b = _find_behavior(obj, part) if object_kind(obj) != "behavior" else None
            if b is not None:
                obj, parent = b, obj
                continue
            sub = getattr(obj, part, None) if not part.startswith("_") else None
            if sub is not None and not isinstance(sub, (np.ndarray, numbers.Number, str, bool)):
                obj = sub
                continue
            names = [t for _, b in _behaviors_of(obj) for t in getattr(b, "tags", ())] + _public_attrs(obj)
            raise PathError(
                f"no behavior or attribute '{part}' on {describe(obj, parent if obj is not parent else None)}"
                f"{_suggest(part, names)} {_listing('behaviors', _behavior_names(obj))}"
            )
    attr = parts[-1]
    desc = describe(obj, parent if obj is not parent else None)
    if must_exist and (attr.startswith("__") or not hasattr(obj, attr)):
        names = _public_attrs(obj)
        extra = ""
        if object_kind(obj) in ("group", "synapse group", "network") and _behaviors_of(obj):
            extra = " " + _listing("behaviors", _behavior_names(obj))
        raise PathError(
            f"no attribute '{attr}' on {desc}{_suggest(attr, names)} {_listing('attributes', names)}{extra}"
        )
    return Target(".".join(parts), obj, attr, parent, desc)


def resolve_behaviors(net: Network, tag: str) -> list[Behavior]:
    """Behaviors addressed by ``tag``: a tag path to one behavior (``'g.Basic_Behavior'``), or a tag /
    class name matched across the whole network. Raises :class:`PathError` if nothing matches."""
    if "." in tag:
        parts = tag.split(".")
        obj, parent = _first_step(net, parts[0])
        for part in parts[1:]:
            b = _find_behavior(obj, part)
            if b is None:
                names = [t for _, b2 in _behaviors_of(obj) for t in getattr(b2, "tags", ())]
                raise PathError(
                    f"no behavior '{part}' on {describe(obj)}{_suggest(part, names)} "
                    f"{_listing('behaviors', _behavior_names(obj))}"
                )
            obj, _parent = b, obj
        if object_kind(obj) != "behavior":
            raise PathError(f"'{tag}' names {describe(obj)}, not a behavior")
        return [obj]
    found = [b for o in net.all_objects() for _, b in _behaviors_of(o) if tag in getattr(b, "tags", ())]
    if not found:
        names = [t for o in net.all_objects() for _, b in _behaviors_of(o) for t in getattr(b, "tags", ())]
        raise PathError(
            f"no behavior tagged '{tag}' in the network{_suggest(tag, names)} "
            f"{_listing('behavior tags', names)}"
        )
    return found
