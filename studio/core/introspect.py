"""Read-only helpers that describe a network for the views (no Qt here).

They only read attributes of engine objects (listing them through :mod:`engine.model.introspection`,
never an instance ``__dict__``); nothing here writes engine state.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.model.introspection import instance_attributes

#: Geometry attributes of a NeuronDimension that are not interesting to plot.
_HIDDEN = {"x", "y", "z", "id", "mask"}


def group_name(obj: Any) -> str:
    """The first tag of a group, synapse group or network (every engine object has at least one:
    its class name)."""
    return str(obj.tags[0])


def group_size(group: Any) -> int:
    """Number of neurons of a group."""
    return int(group.size)


def neuron_variables(group: Any, kinds: Iterable[str] = ("float", "int", "bool")) -> list[str]:
    """Names of the group's per-neuron numeric attributes (1-D arrays of length ``size``).

    ``kinds`` filters by dtype family: ``"float"``, ``"int"`` and ``"bool"``.
    """
    wanted = set(kinds)
    size = group_size(group)
    names: list[str] = []
    for name, value in instance_attributes(group).items():
        if name.startswith("_") or name in _HIDDEN:
            continue
        if not isinstance(value, np.ndarray) or value.ndim != 1 or value.shape[0] != size:
            continue
        if variable_kind(value) in wanted:
            names.append(name)
    return sorted(names, key=_variable_rank)


def variable_kind(value: Any) -> str:
    """``"bool"``, ``"int"``, ``"float"`` or ``"other"`` for an array or scalar."""
    dtype = np.asarray(value).dtype
    if dtype == np.bool_:
        return "bool"
    if np.issubdtype(dtype, np.integer):
        return "int"
    if np.issubdtype(dtype, np.floating):
        return "float"
    return "other"


def _variable_rank(name: str) -> tuple[int, str]:
    """Sort key: the usual suspects first (voltage, spike, output ...), then alphabetical."""
    preferred = ("voltage", "v", "spike", "spikes", "output", "activity", "u", "rate")
    return (preferred.index(name) if name in preferred else len(preferred), name)


def default_variable(names: list[str], prefer: tuple[str, ...]) -> str | None:
    """The first of ``prefer`` present in ``names``, else the first name (or None)."""
    for name in prefer:
        if name in names:
            return name
    return names[0] if names else None


def squared_dim(n: int) -> tuple[int, int]:
    """(width, height) of the most square grid with exactly ``n`` cells (as get_squared_dim)."""
    if n <= 0:
        return (0, 0)
    width = int(math.isqrt(n))
    while width > 1 and n % width:
        width -= 1
    return (width, n // width)


def group_geometry(group: Any) -> tuple[int, int, int]:
    """(width, height, depth) of a group; a squared grid when it has no NeuronDimension."""
    size = group_size(group)
    try:
        w, h, d = (int(getattr(group, k)) for k in ("width", "height", "depth"))
        if w * h * d == size and size > 0:
            return (w, h, d)
    except (AttributeError, TypeError, ValueError):
        pass
    w, h = squared_dim(size)
    return (w, h, 1)


def has_geometry(group: Any) -> bool:
    """True when the group carries a NeuronDimension layout (width/height/depth attributes)."""
    return all(hasattr(group, k) for k in ("width", "height", "depth"))


def afferent_synapses(net: Any, group: Any) -> list[Any]:
    """Synapse groups whose destination is ``group`` (creation order)."""
    return [sg for sg in net.SynapseGroups if sg.dst is group]


def behavior_rows(obj: Any) -> list[tuple[Any, Any]]:
    """(key, behavior) pairs of an object, sorted by key where keys are comparable."""
    items = list(obj.behavior.items())
    try:
        return sorted(items, key=lambda kv: kv[0])
    except TypeError:
        return items


def weight_matrix_dxs(net: Any, sg: Any) -> Any:
    """The SG's weights in DxS layout (rows = destination neurons), or None without ``W``."""
    w = getattr(sg, "W", None)  # W is whatever a behavior stored; none may have yet
    if w is None:
        return None
    try:
        return sg.ignore_transpose_mode(w)
    except Exception:  # noqa: BLE001 - a user override may misbehave; fall back below
        pass
    if net.transposed_synapse_matrix_mode:
        return w.T
    return w


def describe_dt(net: Any) -> str:
    """Human text for the network's time step (``"dt = 1 ms"``), or ``""`` when undefined."""
    dt = net.dt
    if not dt:
        return ""
    dt = float(dt)
    if dt >= 1:
        return f"dt = {dt:g} s"
    if dt >= 1e-3:
        return f"dt = {dt * 1e3:g} ms"
    return f"dt = {dt * 1e6:g} µs"
