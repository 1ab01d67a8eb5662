"""Export recorded data: every Recorder / EventRecorder of a network to .npz or .csv.

Call between iterations (``runner.call(export_recordings, net, path)``) while a runner steps.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from engine.io.files import NUMERIC_KINDS, atomic_write, network_objects

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = ["export_recordings"]


def _recordings(net: Network) -> list[tuple[str, bool, dict[str, np.ndarray]]]:
    from engine.recording.recorders import EventRecorder, Recorder

    out = []
    for _, obj in network_objects(net):
        for behavior in obj.behavior.values():
            if isinstance(behavior, Recorder):
                prefix = f"{obj.tags[0] if obj is not net else 'net'}.{behavior.tags[0]}"
                out.append((prefix, isinstance(behavior, EventRecorder), behavior.get_state()))
    return out


def export_recordings(net: Network, path: str, fmt: str | None = None) -> list[str]:
    """Write every recorder's data to ``path`` and return the files written.

    ``fmt``: ``'npz'`` or ``'csv'`` (default: from the extension). NPZ: one array per recorded
    variable, named ``'<group>.<recorder>.<variable>'``. CSV: one file per recorder (``path`` itself when
    there is one recorder, else ``<stem>.<group>.<recorder>.csv``), one row per recorded step and one
    column per neuron or scalar (``voltage[0]``, ``voltage[1]``, …, ``np.mean(voltage)``); event recorders
    give ``<var>.t`` / ``<var>.i`` columns with one row per event. Non-numeric data is skipped.
    """
    path = os.fspath(path)
    fmt = (fmt or os.path.splitext(path)[1].lstrip(".") or "npz").lower()
    recs = _recordings(net)
    if not recs:
        raise ValueError("the network has no Recorder or EventRecorder; nothing to export")
    if fmt == "npz":
        payload = {
            f"{prefix}.{var}": np.asarray(data)
            for prefix, _, state in recs
            for var, data in state.items()
            if np.asarray(data).dtype.kind in NUMERIC_KINDS
        }
        # every name has a dot ("group.recorder.variable"), so none is taken for savez's allow_pickle
        atomic_write(path, lambda fh: np.savez(fh, **payload))  # type: ignore[arg-type]
        return [path]
    if fmt != "csv":
        raise ValueError(f"unknown export format {fmt!r}; use 'npz' or 'csv'")
    stem = path[:-4] if path.lower().endswith(".csv") else path
    written = []
    for prefix, is_events, state in recs:
        target = path if len(recs) == 1 else f"{stem}.{prefix}.csv"
        columns = _csv_columns(state, is_events)
        atomic_write(target, functools.partial(_write_csv, columns=columns))
        written.append(target)
    return written


def _csv_columns(state: dict[str, np.ndarray], is_events: bool) -> list[tuple[str, np.ndarray]]:
    columns: list[tuple[str, np.ndarray]] = []
    for var, data in state.items():
        data = np.asarray(data)
        if data.dtype.kind not in NUMERIC_KINDS:
            continue
        if is_events:
            columns += [
                (f"{var}.t", data[:, 0]),
                (f"{var}.i", data[:, 1] if data.shape[1] > 1 else data[:, 0]),
            ]
            continue
        if data.ndim <= 1:
            columns.append((var, data.reshape(-1)))
            continue
        flat = data.reshape(data.shape[0], -1)
        for j, idx in enumerate(np.ndindex(*data.shape[1:])):
            columns.append((f"{var}[{','.join(map(str, idx))}]", flat[:, j]))
    return columns


def _write_csv(fh: BinaryIO, columns: list[tuple[str, np.ndarray]]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow([name for name, _ in columns])
    rows = max((len(c) for _, c in columns), default=0)
    for r in range(rows):
        writer.writerow([repr(c[r].item()) if r < len(c) else "" for _, c in columns])
    text.flush()
    text.detach()
