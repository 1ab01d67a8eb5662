"""What the state and export writers share: the objects of a network in file order, numeric kinds,
atomic file writes."""

from __future__ import annotations

import hashlib
import io
import os
import re
import socket
import tempfile
import time
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
#: A temporary file of a save that was not modified for this long is left over by a writer that
#: died (or hangs); the next save to the same target removes it whatever its name says.
STALE_TEMP_AGE_S = 3600.0
# after ".<name>.": "<pid>@<host hash>." (absent in files of older versions), then mkstemp's 8 characters
_TEMP_TAIL = re.compile(r"(?:(\d+)@([0-9a-f]{8})\.)?[a-z0-9_]{8}\.tmp")
_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _temp_prefix(path: str) -> str:
    """``.<name>.<pid>@<host hash>.``: a temporary file names the process that writes it."""
    return f".{os.path.basename(path)}.{os.getpid()}@{_HOST}."


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, OverflowError):  # exists but not ours, or cannot tell: keep it
        return True
    return True


def remove_stale_temp_files(path: str, now: float | None = None) -> list[str]:
    """Remove the temporary files that killed saves of ``path`` left behind; returns their paths.

    A file ``.<name>.*.tmp`` beside ``path`` is stale when its writer, named in the file name
    (``.<name>.<pid>@<host hash>.XXXX.tmp``), is a process of this machine that no longer runs, or
    when it was not modified for :data:`STALE_TEMP_AGE_S` seconds (older names without a pid, and
    writers on other machines sharing the folder). A running writer's file is never removed while
    it is being written.
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    start, mine = f".{os.path.basename(path)}.", f"{os.getpid()}@{_HOST}."
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_TAIL.fullmatch(name[len(start) :]) if name.startswith(start) else None
        if match is None or name[len(start) :].startswith(mine):
            continue
        full = os.path.join(folder, name)
        pid, host = match.group(1), match.group(2)
        dead = host == _HOST and pid is not None and not _pid_running(int(pid))
        try:
            if dead or now - os.path.getmtime(full) > STALE_TEMP_AGE_S:
                os.unlink(full)
                removed.append(full)
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def new_file_mode() -> int:
    """The mode a newly created file gets (0666 minus the process umask; mkstemp's files are 0600)."""
    umask = os.umask(0o022)  # reading the umask means setting it; 0o022 is the harmless usual value
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: str, writer: Callable[[BinaryIO], None]) -> int:
    """Write ``path`` through ``writer`` into a temporary file beside it, then ``os.replace`` it;
    first removes the stale temporary files of earlier killed saves (:func:`remove_stale_temp_files`).
    Returns the size written."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"cannot write {path}: the folder {folder} does not exist")
    if os.path.isdir(path):
        raise IsADirectoryError(f"cannot write {path}: it is a folder; give a file name")
    remove_stale_temp_files(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, os.stat(path).st_mode & 0o7777 if os.path.exists(path) else new_file_mode())
        os.replace(tmp, path)  # an overwritten file keeps its mode, a new one gets 0666 - umask
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
