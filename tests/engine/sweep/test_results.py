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


# ---------------------------------------------------------------------------------------- Parquet
def test_parquet_results_are_typed_and_read_back_as_the_csv_gives_them(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from engine.sweep.results import JOURNAL_SUFFIX, ParquetResults, read_results

    path = tmp_path / "r.parquet"
    rows = [
        {"run": 0, "key": "1e5", "x": 1, "metric": 1 / 3, "error": ""},
        {"run": 1, "key": "k1", "x": 2.5, "metric": None, "error": "ValueError: bad"},
    ]
    with ParquetResults(str(path), COLUMNS) as out:
        for row in rows:
            out.append(row)
        assert (tmp_path / ("r.parquet" + JOURNAL_SUFFIX)).exists() and not path.exists()  # streamed
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    assert table.column("key").to_pylist() == ["1e5", "k1"]  # text stays text
    assert table.column("x").to_pylist() == [1.0, 2.5] and table.column("metric").to_pylist() == [1 / 3, None]
    assert not (tmp_path / ("r.parquet" + JOURNAL_SUFFIX)).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.parquet"]  # no temporary file left
    csv_path = tmp_path / "r.csv"
    with ResultsFile(str(csv_path), COLUMNS) as out:
        for row in rows:
            out.append(row)
    as_csv = read_rows(str(csv_path))
    as_parquet = read_results(str(path))
    assert [r["key"] for r in as_parquet] == ["1e5", "k1"]
    assert float(as_parquet[0]["metric"]) == float(as_csv[0]["metric"]) == 1 / 3
    assert as_parquet[1]["error"] == as_csv[1]["error"] == "ValueError: bad"


def test_a_killed_parquet_sweep_keeps_its_journal_and_the_next_one_merges_it(tmp_path):
    pytest.importorskip("pyarrow.parquet")
    from engine.sweep.results import JOURNAL_SUFFIX, ParquetResults, read_results

    path = tmp_path / "r.parquet"
    with ParquetResults(str(path), COLUMNS) as out:
        out.append({"run": 0, "key": "k0", "x": 1, "metric": 2.0})
    killed = ParquetResults(str(path), COLUMNS)
    killed.append({"run": 1, "key": "k1", "x": 2, "metric": 3.0})
    killed.journal.close()  # the process dies here: no close(), no Parquet rewrite
    assert (tmp_path / ("r.parquet" + JOURNAL_SUFFIX)).exists()
    assert sorted(r["key"] for r in read_results(str(path))) == ["k0", "k1"]  # nothing finished is lost
    with ParquetResults(str(path), COLUMNS) as out:
        out.append({"run": 2, "key": "k2", "x": 3, "metric": 4.0})
    assert sorted(r["key"] for r in read_results(str(path))) == ["k0", "k1", "k2"]
    with pytest.raises(SweepError, match="another sweep"):
        ParquetResults(str(path), ["run", "key", "y"])


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    import sys

    from engine.sweep.results import open_results

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    with pytest.raises(SweepError, match=r"pip install pyarrow.*or write --out results\.csv"):
        open_results(str(tmp_path / "r.parquet"), COLUMNS)


def test_a_sweep_into_parquet_skips_the_rows_it_has_on_a_rerun(tmp_path):
    pytest.importorskip("pyarrow.parquet")
    from engine.sweep import sweep
    from tests.support.paths import SEED

    out = str(tmp_path / "sweep.parquet")
    grid = {"my_neurons.Basic_Behavior.threshold": [0.4, 0.6]}
    first = sweep(str(SEED), workers=0, grid=grid, metric="len(net['spike.i', 0])", iterations=20, out=out)
    again = sweep(str(SEED), workers=0, grid=grid, metric="len(net['spike.i', 0])", iterations=20, out=out)
    assert again.skipped == 2 and [r["fingerprint"] for r in again] == [r["fingerprint"] for r in first]
