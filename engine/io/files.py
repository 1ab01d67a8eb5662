"""What the state and export writers share: the objects of a network in file order, numeric kinds,
atomic file writes."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

if TYPE_CHECKING:
    from engine.model.aliases import BehaviorParent
    from engine.model.behavior import Behavior
    from engine.model.network import Network

NUMERIC_KINDS = "biufc"


# ------------------------------------------------------------------------------------------- structure
def network_objects(net: Network) -> list[tuple[str, BehaviorParent]]:
    return (
        [("net", net)]
        + [(f"ng{i}", g) for i, g in enumerate(net.NeuronGroups)]
        + [(f"sg{i}", s) for i, s in enumerate(net.SynapseGroups)]
    )


def network_owners(net: Network) -> Iterator[tuple[str, BehaviorParent | Behavior, str]]:
    """(owner id, object, readable name) for every object and behavior."""
    for oid, obj in network_objects(net):
        name = obj.tags[0] if oid != "net" else "net"
        yield oid, obj, name
        for j, behavior in enumerate(obj.behavior.values()):
            yield f"{oid}/b{j}", behavior, f"{name}.{behavior.tags[0]}"


# ------------------------------------------------------------------------------------------- save
def atomic_write(path: str, writer: Callable[[BinaryIO], None]) -> int:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return os.path.getsize(path)


def npy_bytes(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.ascontiguousarray(arr) if arr.ndim else arr, allow_pickle=False)
    return buf.getvalue()
