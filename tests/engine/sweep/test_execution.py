"""One headless run in this process: parameters through the tag paths, seeds, deadlines, errors."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from engine.runtime.tag_paths import resolve_path
from engine.sweep import RunSpec, execute, prepare_run, simulate
from engine.sweep.execution import RunFailed, RunTimeout
from engine.sweep.params import SweepError
from tests.support.paths import REPO_ROOT, SEED

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
SPIKES = "len(net['spike.i', 0])"


def test_parameters_are_applied_after_the_build():
    prepared = prepare_run(str(SEED), {THRESHOLD: 0.7}, seed=1, iterations=10)
    assert prepared.net.my_neurons.Basic_Behavior.threshold == 0.7
    assert prepared.iterations == 10


def test_the_script_iterations_are_the_default():
    assert prepare_run(str(SEED), {}, seed=1).iterations == 1000


def test_a_bad_path_gives_the_panel_message(seed_net):
    with pytest.raises(LookupError) as panel:
        resolve_path(seed_net, "my_neurons.Basic_Behavior.treshold")
    with pytest.raises(SweepError) as ours:
        prepare_run(str(SEED), {"my_neurons.Basic_Behavior.treshold": 0.6}, seed=1)
    assert str(panel.value) in str(ours.value)
    assert "did you mean 'threshold'" in str(ours.value)


def test_the_same_seed_gives_the_same_run_bit_for_bit():
    def spikes(seed):
        prepared = prepare_run(str(SEED), {}, seed=seed, iterations=300)
        simulate(prepared.net, prepared.iterations)
        return prepared.net["spike.i", 0].copy(), prepared.net.GLUTAMATE.W.copy()

    (a, wa), (b, wb), (c, wc) = spikes(5), spikes(5), spikes(6)
    assert np.array_equal(a, b) and np.array_equal(wa, wb)
    assert not np.array_equal(a, c)
    assert np.array_equal(wa, wc)  # the script seeds its own weights (np.random.seed(1))


def test_a_run_past_its_deadline_stops():
    prepared = prepare_run(str(SEED), {}, seed=1, iterations=10**9)
    with pytest.raises(RunTimeout, match="stopped after"):
        simulate(prepared.net, prepared.iterations, deadline=0.0)
    assert 0 < prepared.net.iteration < 1000


def test_a_raising_behavior_names_iteration_and_line(trouble_script):
    prepared = prepare_run(str(trouble_script), {"my_neurons.Trouble.mode": 1}, seed=1)
    with pytest.raises(RunFailed) as info:
        simulate(prepared.net, prepared.iterations)
    text = str(info.value)
    assert "trouble at five" in text and "iteration 5" in text and "trouble.py, line 13" in text


def test_execute_turns_every_failure_into_a_row(trouble_script):
    good = execute(RunSpec(str(SEED), {THRESHOLD: 0.5}, 3, iterations=100, metrics=(SPIKES,)))
    assert good["error"] == "" and good[SPIKES] > 0 and good["iterations"] == 100
    raising = execute(RunSpec(str(trouble_script), {"my_neurons.Trouble.mode": 1}, 3, metrics=("1",)))
    assert raising["error_kind"] == "run" and "trouble at five" in raising["error"]
    metric = execute(RunSpec(str(SEED), {}, 3, iterations=10, metrics=("net['nothing', 0].size",)))
    assert metric["error_kind"] == "metric" and "nothing" in metric["error"]
    timeout = execute(RunSpec(str(SEED), {}, 3, iterations=10**9, metrics=(SPIKES,), timeout=0.3))
    assert timeout["error_kind"] == "timeout" and timeout["duration_s"] < 30
    array = execute(RunSpec(str(SEED), {}, 3, iterations=10, metrics=("net['spike.i', 0]",)))
    assert array["error_kind"] == "metric" and "not one number" in array["error"]


def test_a_script_stuck_before_its_first_step_is_stopped_by_the_watchdog(write_text):
    stuck = write_text("stuck.py", "from PymoNNto import *\nnet = Network()\nwhile True:\n    pass\n")
    row = execute(RunSpec(str(stuck), {}, 1, iterations=10, metrics=("1",), timeout=0.5))
    assert row["error_kind"] == "timeout" and "time limit" in row["error"]
    assert row["duration_s"] < 60
    live = write_text("stuck_live.py", "from PymoNNto import *\nwhile True:\n    pass\n")
    row = execute(RunSpec(str(live), {}, 1, metrics=("score",), timeout=0.5))
    assert row["error_kind"] == "timeout"


def test_after_the_watchdog_stopped_a_run_line_tracing_still_works(write_text):
    """The interrupted thread is left clean: a line trace (what a debugger's import does) finishes.

    Cancelling a pending exception with PyThreadState_SetAsyncExc(id, NULL) left CPython 3.11's
    pending flag set, and this probe (pydevd's own check) then spun forever; it hung the suite at
    the console's kernel start."""
    stuck = write_text("stuck.py", "from PymoNNto import *\nnet = Network()\nwhile True:\n    pass\n")
    probe = (
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT)!r})\n"
        "from engine.sweep.task import RunSpec, execute\n"
        f"row = execute(RunSpec({str(stuck)!r}, {{}}, 1, iterations=10, metrics=('1',), timeout=0.3))\n"
        "def check():\n"
        "    sys._getframe().f_trace = None\n"
        "    a = 1\n"
        "    a = 2\n"
        "sys.settrace(lambda frame, event, arg: None)\n"
        "check()\n"
        "sys.settrace(None)\n"
        "print(row['error_kind'], 'traced')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["timeout", "traced"]


def test_a_run_builds_only_the_scripts_analysis_never_sees_an_unrun_network(write_text):
    """The code after simulate_iterations (plots, ratios over the recordings) is left out of a run:
    on the network as built it would divide by an empty recording; the metric takes its place."""
    from tests.support.library_scripts import spiking_script_head

    script = write_text(
        "analysed.py",
        spiking_script_head(10)
        + "net.simulate_iterations(40)\n"
        + "rate = 1 / len(net['v', 0, 'np'])  # ZeroDivisionError on the un-run network\n"
        + "print('ANALYSIS RAN')\n",
    )
    row = execute(RunSpec(str(script), {}, seed=3, iterations=40, metrics=("len(net['v', 0, 'np'])",)))
    assert row["error"] in ("", None) and row["len(net['v', 0, 'np'])"] == 40
    prepared = prepare_run(str(script), {}, seed=3)
    assert prepared.iterations == 40 and prepared.result.analysis is not None  # kept, not run
