"""Export recorded data: every Recorder / EventRecorder of a network to .npz, .csv or .nwb.

Call :func:`export_recordings` between iterations (``runner.call(export_recordings, net, path)``)
while a runner steps, or take the copy there (:func:`~engine.io.export_snapshot.snapshot_recordings`)
and write it from any thread with :func:`write_recordings` (what the studio does, with a progress bar).
Writes are all-or-nothing: every file goes to a temporary file first and is moved into place at the
end, so a cancel, a full disk or an unwritable folder leaves no partial file and the old files intact.
NaN and infinite values are written as they are (``nan``, ``inf`` in CSV).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, cast

import numpy as np

from engine.io.export_snapshot import (
    AtomicFiles,
    ExportCancelled,
    ExportError,
    NoRecordingsError,
    Progress,
    RecordingSet,
    check_progress,
    snapshot_recordings,
)

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = ["export_recordings", "write_recordings", "FORMATS", "ExportError", "ExportCancelled"]

#: format name -> (description, file extension)
FORMATS = {
    "npz": ("NumPy archive, one array per recorded variable", ".npz"),
    "csv": ("CSV, one file per recorder (events in their own files)", ".csv"),
    "nwb": ("Neurodata Without Borders (pynwb): spikes as units, series as time series", ".nwb"),
}
_CSV_BLOCK = 4096  # rows formatted at once


def export_recordings(
    net: Network, path: str, fmt: str | None = None, progress: Progress | None = None
) -> list[str]:
    """Write every recorder's data to ``path`` and return the files written.

    ``fmt``: ``'npz'``, ``'csv'`` or ``'nwb'`` (default: from the extension). NPZ: one array per
    recorded variable, named ``'<group>.<recorder>.<variable>'``. CSV: one file per recorder
    (``path`` itself when there is one recorder, else ``<stem>.<group>.<recorder>.csv``), one row per
    recorded step and one column per neuron or scalar (``voltage[0]``, ``voltage[1]``, …,
    ``np.mean(voltage)``); event recorders give ``<var>.t`` / ``<var>.i`` columns with one row per
    event. NWB: see :func:`engine.io.nwb.export_nwb`. Non-numeric data is skipped.
    ``progress(fraction)`` is called while writing; returning False cancels (:class:`ExportCancelled`).
    """
    return write_recordings(snapshot_recordings(net), path, fmt, progress, net=net)


def write_recordings(
    recs: RecordingSet,
    path: str,
    fmt: str | None = None,
    progress: Progress | None = None,
    net: Network | None = None,
) -> list[str]:
    """Write a :class:`RecordingSet` (see :func:`export_recordings`); safe on any thread. ``net``
    is only used by NWB for the structure and parameters when ``recs.metadata`` has none."""
    path = os.fspath(path)
    fmt = (fmt or os.path.splitext(path)[1].lstrip(".") or "npz").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use 'npz', 'csv' or 'nwb'")
    if not recs.recordings:
        raise NoRecordingsError("the network has no Recorder or EventRecorder; nothing to export")
    if not any(len(data) for _, _, data in recs.series()):
        raise NoRecordingsError(
            f"the recorders have recorded nothing yet (iteration {recs.iteration}); run the network first"
        )
    check_progress(progress, 0.0)
    if fmt == "nwb":
        from engine.io.nwb import write_nwb

        return [write_nwb(recs, path, progress, net=net)]
    with AtomicFiles() as files:
        if fmt == "npz":
            _write_npz(recs, files.temp_for(path), progress)
        else:
            _write_csvs(recs, path, files, progress)
        check_progress(progress, 1.0)
        return files.commit()


# ------------------------------------------------------------------------------------------ npz
def _write_npz(recs: RecordingSet, tmp: str, progress: Progress | None) -> None:
    payload = [(f"{rec.prefix}.{var}", data) for rec, var, data in recs.series()]
    total = max(sum(int(data.nbytes) for _, data in payload), 1)
    done = 0
    with open(tmp, "wb") as fh:
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for name, data in payload:
                with archive.open(name + ".npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(member, np.ascontiguousarray(data), allow_pickle=False)
                done += int(data.nbytes)
                check_progress(progress, 0.99 * done / total)
        fh.flush()
        os.fsync(fh.fileno())


# ------------------------------------------------------------------------------------------ csv
def _write_csvs(recs: RecordingSet, path: str, files: AtomicFiles, progress: Progress | None) -> None:
    stem = path[:-4] if path.lower().endswith(".csv") else path
    tables = [(rec, _csv_columns(rec.data, rec.events)) for rec in recs.recordings]
    tables = [(rec, cols) for rec, cols in tables if cols]
    total = max(sum(max((len(c) for _, c in cols), default=0) for _, cols in tables), 1)
    done = 0
    for rec, columns in tables:
        target = path if len(tables) == 1 else f"{stem}.{rec.prefix}.csv"
        tmp = files.temp_for(target)
        with open(tmp, "wb") as fh:

            def report(rows: int) -> None:
                nonlocal done
                done += rows
                check_progress(progress, 0.99 * done / total)

            _write_csv(fh, columns, report)
            fh.flush()
            os.fsync(fh.fileno())


def _csv_columns(state: dict[str, np.ndarray], is_events: bool) -> list[tuple[str, np.ndarray]]:
    columns: list[tuple[str, np.ndarray]] = []
    for var, data in state.items():
        data = np.asarray(data)
        if data.dtype.kind == "b":
            data = data.astype(np.uint8)  # 0 / 1: a number every tool reads
        if is_events:
            if data.ndim != 2:
                continue
            columns += [
                (f"{var}.t", data[:, 0]),
                (f"{var}.i", data[:, 1] if data.shape[1] > 1 else data[:, 0]),
            ]
            columns += [(f"{var}.i{k}", data[:, k]) for k in range(2, data.shape[1])]
            continue
        if data.ndim <= 1:
            columns.append((var, data.reshape(-1)))
            continue
        flat = data.reshape(data.shape[0], -1)
        for j, idx in enumerate(np.ndindex(*data.shape[1:])):
            columns.append((f"{var}[{','.join(map(str, idx))}]", flat[:, j]))
    return columns


def _spec(dtype: np.dtype) -> str | None:
    """printf spec that writes a value of ``dtype`` so that it reads back exactly (None: use repr)."""
    if dtype.kind in "biu":
        return "%d"
    if dtype.kind == "f" and dtype.itemsize <= 4:
        return "%.9g" if dtype.itemsize == 4 else "%.5g"  # enough digits to round-trip float32 / float16
    if dtype.kind == "f":
        return "%r"  # float64: the shortest exact text
    return None


def _rows(columns: list[np.ndarray], start: int, stop: int) -> list[str]:
    specs = [_spec(c.dtype) for c in columns]
    if all(len(c) == len(columns[0]) for c in columns) and None not in specs:  # one printf per row
        line = ",".join(cast("list[str]", specs)) + "\r\n"
        return [line % row for row in zip(*(c[start:stop].tolist() for c in columns))]
    block = [[repr(v) for v in c[start:stop].tolist()] for c in columns]
    return [",".join(col[r] if r < len(col) else "" for col in block) + "\r\n" for r in range(stop - start)]


def _write_csv(fh: BinaryIO, columns: list[tuple[str, np.ndarray]], report: Callable[[int], None]) -> None:
    """Write the columns; ``report(rows)`` after each block of rows (it may raise to stop)."""
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    try:
        csv.writer(text).writerow([name for name, _ in columns])
        arrays = [c for _, c in columns]
        rows = max((len(c) for c in arrays), default=0)
        for start in range(0, rows, _CSV_BLOCK):
            stop = min(start + _CSV_BLOCK, rows)
            text.write("".join(_rows(arrays, start, stop)))
            report(stop - start)
    finally:
        text.flush()
        text.detach()
