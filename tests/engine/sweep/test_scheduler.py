"""The README's cluster commands: ``dask scheduler`` and two ``dask worker`` processes on this machine,
and ``mnn-studio sweep --scheduler``; a scheduler that does not answer; shipping a script's folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.sweep import RunSpec, SweepError, execute
from engine.sweep.bundle import make_bundle, materialize
from engine.sweep.results import read_rows
from tests.support.paths import REPO_ROOT, SEED

pytest.importorskip("distributed")

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
SPIKES = "len(net['spike.i', 0])"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(REPO_ROOT))
    return env


@pytest.fixture
def local_scheduler(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes on free ports; stopped in teardown."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = [open(tmp_path / f"dask-{i}.log", "w") for i in range(3)]  # noqa: SIM115 - closed below
    scheduler = [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port)]
    worker = [sys.executable, "-m", "dask", "worker", address, "--nthreads", "1", "--no-dashboard"]
    procs = [
        subprocess.Popen(
            scheduler + ["--dashboard-address", ":0"], stdout=logs[0], stderr=logs[0], env=_env()
        )
    ]
    procs += [subprocess.Popen(worker, stdout=log, stderr=log, env=_env(), cwd=tmp_path) for log in logs[1:]]
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        client = None
        while client is None:
            try:
                client = Client(address, timeout=2)
            except OSError:
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    raise
        client.wait_for_workers(2, timeout=60)
        client.close()
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in logs:
            log.close()


@pytest.mark.slow
def test_sweep_through_a_scheduler_and_two_workers(local_scheduler, run_python, tmp_path):
    out = tmp_path / "cluster.csv"
    args = ["sweep", str(SEED), "--grid", f"{THRESHOLD}=0.4,0.6", "--repeats", "2", "-n", "200"]
    args += ["--metric", SPIKES, "--scheduler", local_scheduler, "--out", str(out)]
    done = run_python(code=f"import sys; from studio.app import main; sys.exit(main({args!r}))", timeout=120)
    assert done.returncode == 0, done.stderr
    rows = sorted(read_rows(str(out)), key=lambda r: int(r["run"]))
    assert len(rows) == 4 and not any(r["error"] for r in rows)
    low = [float(r[SPIKES]) for r in rows if r[THRESHOLD] == "0.4"]
    high = [float(r[SPIKES]) for r in rows if r[THRESHOLD] == "0.6"]
    assert sum(low) > sum(high)
    assert "4 rows, 0 failed" in done.stdout


def test_a_scheduler_that_does_not_answer_is_a_clear_error(run_python):
    address = f"tcp://127.0.0.1:{_free_port()}"
    args = ["sweep", str(SEED), "--grid", f"{THRESHOLD}=0.4", "--metric", SPIKES, "--scheduler", address]
    start = time.monotonic()
    done = run_python(code=f"import sys; from studio.app import main; sys.exit(main({args!r}))", timeout=60)
    assert done.returncode == 2
    assert f"no Dask scheduler answers at {address}" in done.stderr
    assert time.monotonic() - start < 30


def test_the_script_folder_travels_to_workers_that_cannot_see_it(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "level.txt").write_text("0.7")
    script = project / "reads_a_file.py"
    reads = (
        "import os\nwith open(os.path.join(os.path.dirname(__file__), 'level.txt')) as fh:\n"
        "    LEVEL = float(fh.read())\n"
    )
    source = SEED.read_text().replace("self.threshold = 0.5", "self.threshold = LEVEL")
    script.write_text(source.replace("np.random.seed(1)", "np.random.seed(1)\n" + reads))
    bundle = make_bundle(str(script))
    elsewhere = tmp_path / "not-here" / "reads_a_file.py"
    unpacked = Path(materialize(str(elsewhere), bundle))
    assert unpacked.name == "reads_a_file.py" and (unpacked.parent / "level.txt").read_text() == "0.7"
    row = execute(
        RunSpec(
            str(elsewhere),
            {},
            1,
            iterations=10,
            metrics=("net.my_neurons.Basic_Behavior.threshold",),
            bundle=bundle,
        )
    )
    assert row["error"] == "" and row["net.my_neurons.Basic_Behavior.threshold"] == 0.7
    with pytest.raises(SweepError, match="does not exist on this worker"):
        materialize(str(elsewhere), None)
