"""Loading a state file, step two: the plan of writes, made (and checked) before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from engine.io.files import network_owners
from engine.model.introspection import MISSING, instance_attributes

if TYPE_CHECKING:
    from engine.io.state import LoadReport
    from engine.model.aliases import BehaviorParent
    from engine.model.behavior import Behavior
    from engine.model.network import Network
    from engine.recording.recorders import Recorder


def py_value(entry: dict[str, Any]) -> Any:
    kind, value = entry["type"], entry["value"]
    if kind == "complex":
        return complex(value[0], value[1])
    return {"bool": bool, "int": int, "float": float}[kind](value)


def make_plan(
    net: Network,
    manifest: dict[str, Any],
    arrays: dict[str, np.ndarray],
    report: LoadReport,
    bad_owners: set[str],
    strict: bool = True,
) -> tuple[list[Callable[[], None]], set[tuple[str, str]]]:
    """The writes that restore ``manifest`` into ``net`` (nothing written yet), and the (owner,
    attribute) pairs the file has. ``strict=False``: only what fits is planned (see :func:`fits`);
    the rest goes to ``report.skipped`` with its shape in the file and in the network."""
    owners = {oid: (obj, name) for oid, obj, name in network_owners(net)}
    plan: list[Callable[[], None]] = []
    saved_names = set()
    restored_arrays: dict[int, np.ndarray] = {}
    skipped_arrays: set[int] = set()
    parts: dict[tuple[int, str], list[np.ndarray]] = {}
    for index, entry in enumerate(manifest["entries"]):
        owner = entry["owner"]
        if owner == "rng":
            continue
        base = owner.split("/")[0]
        target = owners.get(owner)
        label = f"{owner}.{entry['attr']}"
        if target is None:
            report.skipped.append(f"{label} (its object is not in this network)")
            continue
        if base in bad_owners:
            where = owners[base][1] if base in owners else base
            report.skipped.append(f"{target[1]}.{entry['attr']} ('{where}' differs: see mismatches)")
            skipped_arrays.add(index)
            continue
        obj, name = target
        label = f"{name}.{entry['attr']}" if entry["kind"] != "recording" else f"{name}[{entry['attr']!r}]"
        saved_names.add((owner, entry["attr"]))
        if not strict:
            source = manifest["entries"][entry["of"]] if entry["kind"] == "alias" else entry
            reason = misfit(obj, entry, arrays, skipped_arrays, source)
            if reason is not None:
                report.skipped.append(f"{label} ({reason})")
                if entry["kind"] in ("array", "recording"):
                    skipped_arrays.add(index)
                continue
        plan.append(plan_entry(obj, entry, arrays, label, report, restored_arrays, index, strict, parts))
    return plan, saved_names


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"{value.dtype}{list(value.shape)}"
    return type(value).__name__


def fits(current: np.ndarray, data: np.ndarray) -> bool:
    """Can ``data`` be copied into ``current`` without changing its shape or kind of number?"""
    return current.shape == data.shape and (
        current.dtype == data.dtype or np.can_cast(data.dtype, current.dtype, casting="same_kind")
    )


def misfit(
    obj: BehaviorParent | Behavior,
    entry: dict[str, Any],
    arrays: dict[str, np.ndarray],
    skipped: set[int],
    source: dict[str, Any],
) -> str | None:
    """Why a non-strict load must not restore ``entry`` into ``obj`` (None: it fits). Arrays need an
    array of the same shape and a compatible dtype in the network; a recording needs samples of the
    shape the recorder records now (when it has any); an alias needs its restored original."""
    attr, kind = entry["attr"], entry["kind"]
    shared = ""
    if kind == "alias":  # the same array as an earlier entry (``source``)
        if entry["of"] in skipped:
            shared = "; it is the same array as a value that was skipped"
        kind = source["kind"]
        entry = {**source, "attr": attr}
    if kind == "recording":
        data = arrays[entry["file"]]
        row = cast("Recorder", obj).sample_shape(attr)
        if "parts" in entry or row is None or data.ndim == 0 or data.shape[1:] == row or data.shape[0] == 0:
            return None
        return f"samples of shape {list(data.shape[1:])} in the file, {list(row)} recorded in the network"
    if kind != "array":
        return None
    data = arrays[entry["file"]]
    current = instance_attributes(obj).get(attr, MISSING)
    if current is MISSING:
        return f"{_describe(data)} in the file, not in the network{shared}"
    if not isinstance(current, np.ndarray) or not fits(current, data) or shared:
        return f"{_describe(data)} in the file, {_describe(current)} in the network{shared}"
    return None


def plan_entry(
    obj: BehaviorParent | Behavior,
    entry: dict[str, Any],
    arrays: dict[str, np.ndarray],
    label: str,
    report: LoadReport,
    restored: dict[int, np.ndarray],
    index: int,
    strict: bool = True,
    pending_parts: dict[tuple[int, str], list[np.ndarray]] | None = None,
) -> Callable[[], None]:
    attr, kind = entry["attr"], entry["kind"]
    pending_parts = {} if pending_parts is None else pending_parts
    if kind == "recording":
        data = arrays[entry["file"]]
        recorder = cast("Recorder", obj)  # only recorders have "recording" entries
        if "parts" in entry:  # one variable saved in parts (its shape changed): restore all at the last
            parts = pending_parts.setdefault((id(obj), attr), [])
            parts.append(data)
            if len(parts) < int(entry["parts"]):
                return lambda: None
            return lambda: recorder.set_state({attr: list(parts)})
        return lambda: recorder.set_state({attr: data})
    current = instance_attributes(obj).get(attr, MISSING)
    if kind == "alias":

        def apply_alias() -> None:
            source = restored.get(entry["of"])
            if source is not None and instance_attributes(obj).get(attr) is not source:
                setattr(obj, attr, source)

        return apply_alias
    if kind == "py":
        value = py_value(entry)
        if current is MISSING:
            report.added.append(label)
        elif type(current) is not type(value):
            report.changed.append(f"{label} ({type(current).__name__} → {type(value).__name__})")
        return lambda: setattr(obj, attr, value)
    data = arrays[entry["file"]]
    if kind == "npscalar":
        value = data[()]
        if current is MISSING:
            report.added.append(label)
        elif getattr(current, "dtype", None) != value.dtype:
            report.changed.append(f"{label} ({type(current).__name__} → {value.dtype})")
        return lambda: setattr(obj, attr, value)
    if current is MISSING:
        report.added.append(label)
    elif not isinstance(current, np.ndarray):
        report.changed.append(f"{label} ({type(current).__name__} → {data.dtype} array)")
    elif current.shape != data.shape or current.dtype != data.dtype:
        report.changed.append(
            f"{label} ({current.dtype}{list(current.shape)} → {data.dtype}{list(data.shape)})"
        )

    def apply_array() -> None:
        cur = instance_attributes(obj).get(attr)
        exact = isinstance(cur, np.ndarray) and cur.shape == data.shape and cur.dtype == data.dtype
        castable = not strict and isinstance(cur, np.ndarray) and fits(cur, data)
        if isinstance(cur, np.ndarray) and cur.flags.writeable and (exact or castable):
            np.copyto(cur, data, casting="same_kind")  # in place: references held elsewhere stay valid
            restored[index] = cur
        else:
            fresh = data.copy()
            setattr(obj, attr, fresh)
            restored[index] = fresh

    return apply_array
