"""The results file of a sweep: CSV, append-only, one flushed line per finished run, with a checksum;
or Parquet, written atomically when the sweep ends.

Every row ends with a ``crc`` column (CRC-32 of the row's other fields), and every write is one
complete line followed by ``flush`` and ``fsync``. A file cut short by a crash or a killed process
is repaired on the next open (the partial last line is dropped), and a line whose checksum does not
match is ignored on reading, so a rerun of the same sweep redoes exactly the runs that are missing.
Floats are written with ``repr`` (they read back bit for bit).

Parquet (``--out results.parquet``, needs pyarrow: ``pip install pyarrow``) is a columnar file that
cannot be appended to, so rows stream into a CSV journal next to it (``results.parquet.journal.csv``,
the format above) and the Parquet file is written (temporary file, then rename) from every row when
the sweep ends, cancelled or not; the journal is then removed. A sweep killed before that leaves the
journal, and the rerun reads it with the Parquet file, so nothing finished is run twice or lost.
"""

from __future__ import annotations

import csv
import importlib
import io
import math
import os
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from engine.sweep.params import SweepError

__all__ = [
    "ResultsFile",
    "ParquetResults",
    "open_results",
    "read_results",
    "read_rows",
    "format_cell",
    "parse_cell",
    "TEXT_COLUMNS",
]

CRC = "crc"
PARQUET_SUFFIX = ".parquet"
JOURNAL_SUFFIX = ".journal.csv"
#: columns that hold text whatever they look like (a key or a fingerprint may read as a number)
TEXT_COLUMNS = frozenset({"key", "fingerprint", "error_kind", "error", "host"})


def format_cell(value: Any) -> str:
    """One CSV cell: '' for None/NaN, ``repr`` for floats (exact), ``str`` for the rest, on one line
    (so that one row is one line and a cut-off line is recognised)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return " ".join(str(value).split("\n")).replace("\r", " ")


def parse_cell(text: str) -> Any:
    """A results-file cell back as a value: '' -> None, numbers as int/float, the rest as text."""
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


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


def _is_parquet(path: str) -> bool:
    return os.fspath(path).lower().endswith(PARQUET_SUFFIX)


def _pyarrow() -> Any:
    try:  # importlib: pyarrow ships no type information, and is optional
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise SweepError(
            "Parquet results need pyarrow (pip install pyarrow, or pip install 'mnn-studio[parquet]'); "
            "or write --out results.csv"
        ) from None
    return pyarrow


def read_parquet_rows(path: str) -> list[dict[str, str]]:
    """The rows of a Parquet results file as text cells (as :func:`read_rows` gives them)."""
    if not os.path.exists(path):
        return []
    table = _pyarrow().parquet.read_table(path)
    return [{k: format_cell(v) for k, v in row.items()} for row in table.to_pylist()]


def read_results(path: str) -> list[dict[str, str]]:
    """The finished rows of a results file, CSV or Parquet (with its journal), as text cells."""
    if not _is_parquet(path):
        return read_rows(path)
    rows = {r.get("key"): r for r in read_parquet_rows(path)}
    rows.update((r.get("key"), r) for r in read_rows(path + JOURNAL_SUFFIX))
    return list(rows.values())


def _column(values: list[Any]) -> list[Any]:
    """One Parquet column: numbers stay numbers (ints become floats next to floats), anything
    mixed with text becomes text; None stays null."""
    present = [v for v in values if v is not None]
    if all(isinstance(v, bool) for v in present):
        return values
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        if any(isinstance(v, float) for v in present):
            return [None if v is None else float(v) for v in values]
        return values
    return [None if v is None else str(v) for v in values]


class ParquetResults:
    """Rows of a sweep into ``path`` (Parquet): a CSV journal while it runs, the Parquet file at
    :meth:`close` (written atomically), holding the rows of earlier sweeps into the same file too."""

    def __init__(self, path: str, columns: Sequence[str]) -> None:
        self._pa = _pyarrow()
        self.path = os.fspath(path)
        self.columns = list(columns)
        self._earlier = read_parquet_rows(self.path)
        if self._earlier and list(self._earlier[0]) != self.columns:
            raise SweepError(
                f"{self.path} holds the results of another sweep (columns {list(self._earlier[0])}, this "
                f"sweep writes {self.columns}); choose another --out or delete it"
            )
        self.journal = ResultsFile(self.path + JOURNAL_SUFFIX, self.columns)
        self._rows: list[dict[str, Any]] = []

    def append(self, row: Mapping[str, Any]) -> None:
        self.journal.append(row)

    def extend(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.append(row)

    def close(self) -> None:
        """Write the Parquet file from every row (earlier and new), then remove the journal."""
        self.journal.close()
        rows = {r.get("key"): r for r in self._earlier}
        rows.update((r.get("key"), r) for r in read_rows(self.journal.path))
        data = {
            c: [r.get(c) or None for r in rows.values()]
            if c in TEXT_COLUMNS
            else _column([parse_cell(r.get(c, "")) for r in rows.values()])
            for c in self.columns
        }
        table = self._pa.table(data)
        folder = os.path.dirname(os.path.abspath(self.path))
        tmp = os.path.join(folder, f".{os.path.basename(self.path)}.{os.getpid()}.tmp")
        try:
            self._pa.parquet.write_table(table, tmp)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        os.remove(self.journal.path)

    def __enter__(self) -> ParquetResults:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_results(path: str, columns: Sequence[str]) -> ResultsFile | ParquetResults:
    """The writer for ``path``: Parquet for ``.parquet``, else the CSV results file."""
    return ParquetResults(path, columns) if _is_parquet(path) else ResultsFile(path, columns)
