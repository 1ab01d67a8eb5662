"""The results file of a sweep: CSV, append-only, one flushed line per finished run, with a checksum.

Every row ends with a ``crc`` column (CRC-32 of the row's other fields), and every write is one
complete line followed by ``flush`` and ``fsync``. A file cut short by a crash or a killed process
is repaired on the next open (the partial last line is dropped), and a line whose checksum does not
match is ignored on reading, so a rerun of the same sweep redoes exactly the runs that are missing.
Floats are written with ``repr`` (they read back bit for bit).
"""

from __future__ import annotations

import csv
import io
import math
import os
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from engine.sweep.params import SweepError

__all__ = ["ResultsFile", "read_rows", "format_cell"]

CRC = "crc"


def format_cell(value: Any) -> str:
    """One CSV cell: '' for None/NaN, ``repr`` for floats (exact), ``str`` for the rest, on one line
    (so that one row is one line and a cut-off line is recognised)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return " ".join(str(value).split("\n")).replace("\r", " ")


def _crc(cells: Sequence[str]) -> str:
    return format(zlib.crc32("\x1f".join(cells).encode("utf-8")), "08x")


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def read_rows(path: str) -> list[dict[str, str]]:
    """The valid rows of a results file (checksum verified), as text; [] if the file does not exist."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    if not text.endswith("\n"):
        text = text[: text.rfind("\n") + 1]
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or header[-1] != CRC:
        return []
    rows = []
    for cells in reader:
        if len(cells) == len(header) and _crc(cells[:-1]) == cells[-1]:
            rows.append(dict(zip(header[:-1], cells[:-1])))
    return rows


class ResultsFile:
    """Append rows to ``path`` with the given columns (a ``crc`` column is added at the end).

    An existing file must have the same columns (else :class:`SweepError`: choose another file);
    a partial last line is cut off first.
    """

    def __init__(self, path: str, columns: Sequence[str]) -> None:
        self.path = os.fspath(path)
        self.columns = list(columns)
        header = self.columns + [CRC]
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        existing = self._existing_header()
        if existing is not None and existing != header:
            raise SweepError(
                f"{self.path} holds the results of another sweep (columns {existing[:-1]}, this sweep "
                f"writes {self.columns}); choose another --out or delete it"
            )
        self._handle = open(self.path, "a", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
        if existing is None:
            self._write(_line(header))

    def _existing_header(self) -> list[str] | None:
        if not os.path.exists(self.path) or os.path.getsize(self.path) == 0:
            return None
        with open(self.path, "rb+") as handle:
            data = handle.read()
            cut = data.rfind(b"\n") + 1
            if cut < len(data):  # a line cut short by a crash: drop it
                handle.truncate(cut)
        first = data[: data.find(b"\n")].decode("utf-8", "replace") if b"\n" in data else ""
        header = next(csv.reader([first]), [])
        if not header:
            return None
        return header

    def _write(self, text: str) -> None:
        self._handle.write(text)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def append(self, row: Mapping[str, Any]) -> None:
        """Write one row (missing columns are empty; extra keys are ignored)."""
        cells = [format_cell(row.get(column)) for column in self.columns]
        self._write(_line(cells + [_crc(cells)]))

    def extend(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.append(row)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
