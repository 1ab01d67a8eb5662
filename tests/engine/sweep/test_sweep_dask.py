"""Sweeps on a LocalCluster of two worker processes: the must-holds of issue #16.

The threshold of the seed network over 6 values x 2 repeats: the spike count falls with the
threshold, and the rows (seeds, metrics, fingerprints of every recording) are the same bit for bit
as the same sweep run one after the other in this process. A raising run, a run past its timeout and
a worker process that dies each give a row with the reason; the sweep completes.
"""

from __future__ import annotations

import statistics
import threading

import pytest

from engine.sweep import sweep
from engine.sweep.results import read_rows
from tests.support.paths import SEED

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
SPIKES = "len(net['spike.i', 0])"
VALUES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
_SAME = ("run", "key", "repeat", "seed", THRESHOLD, SPIKES, "iterations", "fingerprint", "error")


def _comparable(rows):
    return [{k: row[k] for k in _SAME} for row in rows]


def test_threshold_sweep_on_two_workers_matches_a_sequential_run(dask_client, tmp_path):
    out = tmp_path / "threshold.csv"
    kwargs = dict(grid={THRESHOLD: VALUES}, metric=SPIKES, repeats=2, seed=11, iterations=300)
    rows = sweep(str(SEED), client=dask_client, out=str(out), **kwargs)
    assert len(rows) == 12 and not any(r["error"] for r in rows)
    assert len({r["host"] for r in rows}) == 2  # both worker processes ran some
    means = [statistics.fmean(r[SPIKES] for r in rows if r[THRESHOLD] == v) for v in VALUES]
    assert all(a > b for a, b in zip(means, means[1:])), means
    assert {r["seed"] for r in rows if r["repeat"] == 0} != {r["seed"] for r in rows if r["repeat"] == 1}

    sequential = sweep(str(SEED), workers=0, **kwargs)
    assert _comparable(rows) == _comparable(sequential)

    on_disk = sorted(read_rows(str(out)), key=lambda r: int(r["run"]))
    assert [float(r[SPIKES]) for r in on_disk] == [r[SPIKES] for r in rows]
    again = sweep(str(SEED), client=dask_client, out=str(out), **kwargs)  # a rerun: nothing to do
    assert again.skipped == 12 and _comparable(again) == _comparable(rows)
    assert len(read_rows(str(out))) == 12


def test_a_rerun_does_only_the_missing_runs(dask_client, tmp_path):
    out = tmp_path / "partial.csv"
    kwargs = dict(grid={THRESHOLD: [0.4, 0.6]}, metric=SPIKES, repeats=2, iterations=50, out=str(out))
    sweep(str(SEED), client=dask_client, **{**kwargs, "grid": {THRESHOLD: [0.4]}})
    lines_before = out.read_text().splitlines()
    rows = sweep(str(SEED), client=dask_client, **kwargs)
    assert rows.skipped == 2 and len(rows) == 4
    assert out.read_text().splitlines()[: len(lines_before)] == lines_before  # append-only


def test_failures_are_rows_and_the_sweep_completes(dask_client, trouble_script):
    rows = sweep(
        str(trouble_script),
        grid={"my_neurons.Trouble.mode": [0, 1]},
        metric="float(net.iteration)",
        client=dask_client,
    )
    assert [r["error_kind"] for r in rows] == ["", "run"]
    assert rows[0]["float(net.iteration)"] == 50.0
    assert "trouble at five" in rows[1]["error"] and "iteration 5" in rows[1]["error"]


def test_a_run_past_the_timeout_is_a_row(dask_client):
    rows = sweep(
        str(SEED),
        grid={THRESHOLD: [0.5, 0.6]},
        metric=SPIKES,
        iterations=10**9,
        timeout=0.5,
        client=dask_client,
    )
    assert [r["error_kind"] for r in rows] == ["timeout", "timeout"]
    assert all("stopped after" in r["error"] for r in rows)


def test_a_script_stuck_in_its_build_is_stopped_on_the_worker(dask_client, write_text):
    stuck = write_text("stuck.py", "from PymoNNto import *\nnet = Network()\nwhile True:\n    pass\n")
    rows = sweep(str(stuck), grid={"x": [1, 2]}, metric="1", iterations=5, timeout=0.5, client=dask_client)
    assert [r["error_kind"] for r in rows] == ["timeout", "timeout"]
    assert all("time limit" in r["error"] for r in rows)


def test_identical_metric_failures_stop_the_sweep(dask_client):
    rows = sweep(
        str(SEED),
        grid={THRESHOLD: [0.1 * k for k in range(1, 9)]},
        metric="net['no_such_recording', 0].size",
        iterations=5,
        max_failures=3,
        client=dask_client,
    )
    assert rows.stopped and "3 runs failed the same way" in rows.stopped
    assert 3 <= len(rows) < 8 and all(r["error_kind"] == "metric" for r in rows)


def test_cancel_keeps_the_rows_so_far(dask_client, tmp_path):
    cancel = threading.Event()
    out = tmp_path / "cancelled.csv"
    rows = sweep(
        str(SEED),
        grid={THRESHOLD: [0.1 * k for k in range(1, 21)]},
        metric=SPIKES,
        iterations=2000,
        client=dask_client,
        workers=None,
        out=str(out),
        on_row=lambda row, progress: cancel.set(),
        cancel=cancel,
    )
    assert rows.stopped == "cancelled" and 1 <= len(rows) < 20
    assert len(read_rows(str(out))) == len(rows)


def test_a_worker_that_dies_gives_a_row(dask_client, trouble_script):
    """Last in the module: the nanny restarts the killed worker processes."""
    rows = sweep(
        str(trouble_script),
        grid={"my_neurons.Trouble.mode": [0, 2, 0]},
        metric="float(net.iteration)",
        client=dask_client,
    )
    assert [r["error_kind"] for r in rows] == ["", "killed", ""]
    assert "worker process died" in rows[1]["error"]


def test_bad_input_is_refused_before_anything_runs(tmp_path):
    from engine.sweep import SweepError

    with pytest.raises(SweepError, match="empty"):
        sweep(str(SEED), grid={}, metric=SPIKES, workers=0)
    with pytest.raises(SweepError, match="does not exist"):
        sweep(str(tmp_path / "missing.py"), grid={THRESHOLD: [1]}, workers=0)
    with pytest.raises(SweepError, match="empty"):
        sweep(str(SEED), grid={THRESHOLD: []}, workers=0)
