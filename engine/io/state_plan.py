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
) -> tuple[list[Callable[[], None]], set[tuple[str, str]]]:
    owners = {oid: (obj, name) for oid, obj, name in network_owners(net)}
    plan: list[Callable[[], None]] = []
    saved_names = set()
    restored_arrays: dict[int, np.ndarray] = {}
    for index, entry in enumerate(manifest["entries"]):
        owner = entry["owner"]
        if owner == "rng":
            continue
        base = owner.split("/")[0]
        target = owners.get(owner)
        label = f"{owner}.{entry['attr']}"
        if target is None or base in bad_owners:
            report.skipped.append(label)
            continue
        obj, name = target
        label = f"{name}.{entry['attr']}" if entry["kind"] != "recording" else f"{name}[{entry['attr']!r}]"
        saved_names.add((owner, entry["attr"]))
        plan.append(plan_entry(obj, entry, arrays, label, report, restored_arrays, index))
    return plan, saved_names


def plan_entry(
    obj: BehaviorParent | Behavior,
    entry: dict[str, Any],
    arrays: dict[str, np.ndarray],
    label: str,
    report: LoadReport,
    restored: dict[int, np.ndarray],
    index: int,
) -> Callable[[], None]:
    attr, kind = entry["attr"], entry["kind"]
    if kind == "recording":
        data = arrays[entry["file"]]
        recorder = cast("Recorder", obj)  # only recorders have "recording" entries
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
        if (
            isinstance(cur, np.ndarray)
            and cur.shape == data.shape
            and cur.dtype == data.dtype
            and cur.flags.writeable
        ):
            np.copyto(cur, data)
            restored[index] = cur
        else:
            fresh = data.copy()
            setattr(obj, attr, fresh)
            restored[index] = fresh

    return apply_array
