"""What the recording exporters share: a copy of every recorder's data taken between two iterations,
the memory the recordings hold, progress/cancel callbacks and all-or-nothing file writes.

Take the copy on the engine thread (``runner.call(snapshot_recordings, net)``); writing it to files
can then happen on any thread while the network keeps running.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.exceptions import ExportCancelled, ExportError, NoRecordingsError
from engine.io.files import NUMERIC_KINDS, network_objects, new_file_mode

if TYPE_CHECKING:
    from engine.model.network import Network
    from engine.recording.recorders import Recorder

__all__ = [
    "Recording",
    "RecordingSet",
    "snapshot_recordings",
    "recorders",
    "recordings_nbytes",
    "ExportError",
    "ExportCancelled",
    "NoRecordingsError",
    "Progress",
    "AtomicFiles",
]

#: ``progress(fraction)`` is called with 0..1 while files are written; returning False cancels.
Progress = Callable[[float], bool]


@dataclass
class Recording:
    """The data of one recorder: ``owner`` is the group tag (``'net'`` for the network itself)."""

    owner: str
    recorder: str
    events: bool
    data: dict[str, np.ndarray]
    step: int = 1  #: iterations between two samples (the recorder's gapwidth, at least 1)

    @property
    def prefix(self) -> str:
        """``'<owner>.<recorder>'``, the stem of every name this recording gets in a file."""
        return f"{self.owner}.{self.recorder}"

    def sample_iterations(self, variable: str, iteration: int) -> np.ndarray:
        """The iteration of each sample of ``variable``, counting back from ``iteration`` (the last
        sample) in steps of :attr:`step`; exact for a recorder that recorded without a pause."""
        n = len(self.data[variable])
        return iteration - (n - 1 - np.arange(n, dtype=np.int64)) * self.step


@dataclass
class RecordingSet:
    """Every recording of a network at one iteration, plus what is needed to describe it."""

    recordings: list[Recording]
    iteration: int
    dt: float | None
    network_name: str = "network"
    skipped: list[str] = field(default_factory=list)  #: non-numeric series left out
    metadata: dict[str, Any] = field(default_factory=dict)  #: filled by writers that need it

    def series(self) -> Iterator[tuple[Recording, str, np.ndarray]]:
        """(recording, variable, data) for every recorded variable."""
        for rec in self.recordings:
            for var, data in rec.data.items():
                yield rec, var, data

    @property
    def nbytes(self) -> int:
        """Bytes of all copied arrays."""
        return sum(int(data.nbytes) for _, _, data in self.series())


def recorders(net: Network) -> Iterator[tuple[str, Recorder]]:
    """(owner tag, recorder) for every Recorder / EventRecorder of the network, in file order."""
    from engine.recording.recorders import Recorder

    for oid, obj in network_objects(net):
        for behavior in list(obj.behavior.values()):
            if isinstance(behavior, Recorder):
                yield ("net" if oid == "net" else obj.tags[0]), behavior


def snapshot_recordings(net: Network) -> RecordingSet:
    """Copy every recorder's numeric data. Call between iterations (``runner.call``)."""
    from engine.recording.recorders import EventRecorder

    out: list[Recording] = []
    skipped: list[str] = []
    for owner, rec in recorders(net):
        data: dict[str, np.ndarray] = {}
        for var, value in rec.get_state().items():
            array = np.asarray(value)
            if array.dtype.kind in NUMERIC_KINDS:
                data[var] = array
            else:
                skipped.append(f"{owner}.{rec.tags[0]}.{var}")
        step = max(int(getattr(rec, "gapwidth", 1) or 1), 1)
        out.append(Recording(owner, rec.tags[0], isinstance(rec, EventRecorder), data, step))
    dt = getattr(net, "dt", None)
    name = net.tags[0] if getattr(net, "tags", None) else "network"
    return RecordingSet(out, int(net.iteration), None if dt is None else float(dt), str(name), skipped)


def _storage_nbytes(storage: object) -> int:
    """Bytes of one Series / EventTable, preallocated rows included; cheap (no copy) for both."""
    nbytes = getattr(storage, "nbytes", None)  # a storage that knows its own size
    if isinstance(nbytes, int):
        return nbytes
    view = storage.data if hasattr(storage, "data") else storage.view()  # type: ignore[attr-defined]
    base = view.base if isinstance(view.base, np.ndarray) else view  # the whole preallocated buffer
    return int(base.nbytes)


def recordings_nbytes(net: Network) -> int:
    """Memory the recorders hold (their preallocated buffers), in bytes. Safe to call from another
    thread while the network runs: it only reads buffer sizes, and a recorder that changes while
    it is read is counted at its next call."""
    total = 0
    for _, rec in recorders(net):
        for storage in list(rec.variables.values()):
            try:
                total += _storage_nbytes(storage)
            except (AttributeError, RuntimeError, ValueError):
                continue
    return total


# ------------------------------------------------------------------------------------------ writing
def check_progress(progress: Progress | None, fraction: float) -> None:
    """Report ``fraction``; raise :class:`ExportCancelled` when the callback says stop."""
    if progress is not None and progress(min(max(float(fraction), 0.0), 1.0)) is False:
        raise ExportCancelled("export cancelled; no file was written")


class AtomicFiles:
    """All-or-nothing writes of several files: each target gets a temporary file next to it;
    :meth:`commit` moves them into place, leaving the block without commit (an error, a cancel)
    removes them. Old files are never touched before the commit."""

    def __init__(self) -> None:
        self._pending: list[tuple[str, str]] = []

    def temp_for(self, path: str) -> str:
        """A new temporary path in ``path``'s folder (raises :class:`ExportError` if it cannot be made)."""
        path = os.path.abspath(os.fspath(path))
        folder = os.path.dirname(path)
        try:
            # a hidden name that keeps the extension (pynwb checks it): ".rec.nwb.k3j2.tmp.nwb"
            base, ext = os.path.basename(path), os.path.splitext(path)[1]
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".tmp" + ext)
        except OSError as exc:
            raise _export_error(path, exc) from None
        os.close(fd)
        self._pending.append((tmp, path))
        return tmp

    def commit(self) -> list[str]:
        """Move every temporary file onto its target; returns the targets."""
        done = []
        mode = new_file_mode()
        for tmp, path in self._pending:
            try:
                os.chmod(tmp, os.stat(path).st_mode & 0o7777 if os.path.exists(path) else mode)
                os.replace(tmp, path)
            except OSError as exc:
                raise _export_error(path, exc) from None
            done.append(path)
        self._pending.clear()
        return done

    def abort(self) -> None:
        """Remove every temporary file not yet committed."""
        for tmp, _ in self._pending:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self._pending.clear()

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        targets = dict(self._pending)
        self.abort()
        if isinstance(exc, OSError) and not isinstance(exc, ExportError):
            name = getattr(exc, "filename", None)
            path = targets.get(name, name) if isinstance(name, str) else None
            if path is None:
                path = next(iter(targets.values()), "the export file")
            raise _export_error(path, exc) from exc


def _export_error(path: str, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    err = ExportError(f"cannot write {path}: {reason}")
    err.errno, err.strerror, err.filename = exc.errno, reason, path
    return err
