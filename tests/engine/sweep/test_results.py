"""The results file: append-only CSV rows with a checksum, repaired after a crash, read back exactly."""

from __future__ import annotations

import pytest

from engine.sweep.params import SweepError
from engine.sweep.results import ResultsFile, read_rows

COLUMNS = ["run", "key", "x", "metric", "error"]


def test_rows_read_back_exactly(tmp_path):
    path = tmp_path / "r.csv"
    with ResultsFile(str(path), COLUMNS) as out:
        out.append({"run": 0, "key": "k0", "x": 0.1, "metric": 1 / 3, "error": ""})
        out.append({"run": 1, "key": "k1", "x": 0.2, "metric": None, "error": "line 1\nline 2"})
    rows = read_rows(str(path))
    assert [r["key"] for r in rows] == ["k0", "k1"]
    assert float(rows[0]["metric"]) == 1 / 3  # repr round-trips bit for bit
    assert rows[1]["metric"] == "" and rows[1]["error"] == "line 1 line 2"
    assert path.read_text().count("\n") == 3  # one line per row


def test_a_line_cut_short_is_dropped_and_the_file_continues(tmp_path):
    path = tmp_path / "r.csv"
    with ResultsFile(str(path), COLUMNS) as out:
        out.append({"run": 0, "key": "k0", "x": 1, "metric": 2.0})
    with open(path, "a") as fh:
        fh.write("1,k1,2,3.0")  # a crash in the middle of a write
    assert [r["key"] for r in read_rows(str(path))] == ["k0"]
    with ResultsFile(str(path), COLUMNS) as out:
        out.append({"run": 2, "key": "k2", "x": 3, "metric": 4.0})
    assert [r["key"] for r in read_rows(str(path))] == ["k0", "k2"]


def test_a_row_whose_checksum_fails_is_ignored(tmp_path):
    path = tmp_path / "r.csv"
    with ResultsFile(str(path), COLUMNS) as out:
        out.append({"run": 0, "key": "k0", "x": 1, "metric": 2.0})
        out.append({"run": 1, "key": "k1", "x": 1, "metric": 3.0})
    text = path.read_text().replace("3.0", "9.0")
    path.write_text(text)
    assert [r["key"] for r in read_rows(str(path))] == ["k0"]


def test_a_file_of_another_sweep_is_refused(tmp_path):
    path = tmp_path / "r.csv"
    ResultsFile(str(path), COLUMNS).close()
    with pytest.raises(SweepError, match="another sweep"):
        ResultsFile(str(path), ["run", "key", "y"])
