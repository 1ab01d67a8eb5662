"""``mnn-studio run``: headless, no Qt, --set through the panels' tag paths, errors at the user's line."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from studio.commands.run import write_output
from tests.support.paths import SEED

THRESHOLD = "my_neurons.Basic_Behavior.threshold"


def _main(args: list[str]) -> str:
    return (
        "import sys\n"
        "from studio.app import main\n"
        f"code = main({args!r})\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PyQt6'))\n"
        "print('QT-MODULES', qt)\n"
        "sys.exit(code)\n"
    )


def test_run_writes_recordings_without_importing_qt(run_python, tmp_path):
    out = tmp_path / "results.npz"
    args = ["run", str(SEED), "-n", "300", "--set", f"{THRESHOLD}=0.6", "--seed", "4", "--out", str(out)]
    done = run_python(code=_main(args))
    assert done.returncode == 0, done.stderr
    assert "QT-MODULES []" in done.stdout
    assert "300 iterations" in done.stdout
    assert done.stderr == ""  # not a terminal: no progress bar
    with np.load(out) as data:
        assert data["my_neurons.my_recorder.np.mean(voltage)"].shape == (300,)
        spikes = data["my_neurons.my_event_recorder.spike"]
    again = tmp_path / "again.npz"
    run_python(code=_main(args[:-1] + [str(again)]))
    with np.load(again) as data:
        assert np.array_equal(data["my_neurons.my_event_recorder.spike"], spikes)  # --seed: reproducible


def test_a_bad_set_path_exits_2_with_the_panel_message(run_python):
    done = run_python(
        code=_main(["run", str(SEED), "-n", "5", "--set", "my_neurons.Basic_Behavior.treshold=1"])
    )
    assert done.returncode == 2
    assert "did you mean 'threshold'" in done.stderr and "treshold" in done.stderr


def test_a_failing_script_exits_1_at_the_users_line(run_python, tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("from PymoNNto import *\nnet = Network()\nvalue = undefined_name + 1\n")
    done = run_python(code=_main(["run", str(script)]))
    assert done.returncode == 1
    assert "broken.py, line 3" in done.stderr and "undefined_name" in done.stderr
    assert "QT-MODULES []" in done.stdout


def test_a_behavior_that_raises_exits_1_naming_iteration_and_line(run_python, tmp_path):
    script = tmp_path / "raises.py"
    script.write_text(
        "from PymoNNto import *\n"
        "class Bad(Behavior):\n"
        "    def iteration(self, neurons):\n"
        "        if neurons.iteration == 3:\n"
        "            raise RuntimeError('bad at three')\n"
        "net = Network()\n"
        "NeuronGroup(net=net, size=3, behavior={1: Bad()})\n"
        "net.initialize()\n"
    )
    done = run_python(code=_main(["run", str(script), "-n", "10"]))
    assert done.returncode == 1
    assert "iteration 3" in done.stderr and "line 5" in done.stderr and "bad at three" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-n", "0"], "at least 1"),
        (["--out", "x.txt"], "unknown format .txt"),
        (["--set", "threshold"], "expected PATH=VALUE"),
    ],
)
def test_bad_options_exit_2(run_python, args, message):
    done = run_python(code=_main(["run", str(SEED), *args]))
    assert done.returncode == 2 and message in done.stderr


def test_nwb_is_reported_when_not_available(seed_net, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "engine.io.nwb", None)
    with pytest.raises(RuntimeError, match="NWB export is not available"):
        write_output(seed_net, str(tmp_path / "x.nwb"))


def _analysed_script(tmp_path, rest: str):
    from tests.support.library_scripts import spiking_script_head

    script = tmp_path / "analysed.py"
    script.write_text(spiking_script_head(20) + "net.simulate_iterations(200)\n" + rest)
    return script


def test_the_scripts_analysis_runs_after_the_iterations(run_python, tmp_path):
    """The code after simulate_iterations sees the network that ran (as ``python script.py`` would),
    not the empty one of the build; --no-analysis leaves it out."""
    script = _analysed_script(
        tmp_path,
        "print('ANALYSIS', net.iteration, len(net['v', 0, 'np']), int(np.sum(net['spike', 0, 'np'])))\n",
    )
    done = run_python(code=_main(["run", str(script), "--seed", "3"]))
    assert done.returncode == 0, done.stderr
    line = next(t for t in done.stdout.splitlines() if t.startswith("ANALYSIS"))
    _, iteration, rows, spikes = line.split()
    assert (int(iteration), int(rows)) == (200, 200) and int(spikes) > 0
    skipped = run_python(code=_main(["run", str(script), "--no-analysis"]))
    assert skipped.returncode == 0 and "ANALYSIS" not in skipped.stdout


def test_an_analysis_that_raises_exits_1_at_its_line_and_the_recordings_are_written(run_python, tmp_path):
    script = _analysed_script(tmp_path, "total = net['v', 0, 'np'].sum()\nratio = total / missing_name\n")
    out = tmp_path / "kept.npz"
    done = run_python(code=_main(["run", str(script), "--out", str(out)]))
    assert done.returncode == 1
    line = script.read_text().splitlines().index("ratio = total / missing_name") + 1
    assert f"analysed.py, line {line}: NameError" in done.stderr and "missing_name" in done.stderr
    with np.load(out) as data:
        assert data["cells.rec.v"].shape == (200, 20)
