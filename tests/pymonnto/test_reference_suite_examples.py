"""tools/check_pymonnto_examples.py: what it skips, how it fingerprints and compares, and its driver.

The driver runs here in our interpreter only (plain and loader modes must agree); the comparison with
PymoNNto 3.0.6 itself needs the reference installation and is run by hand (see the tool's docstring).
"""

import importlib.util
import json

import numpy as np
import pytest

from tests.support.paths import REPO_ROOT

TOOL = REPO_ROOT / "tools" / "check_pymonnto_examples.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("check_pymonnto_examples", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("source", "needs"),
    [
        ("from PymoNNto import *\nimport tensorflow as tf\n", "tensorflow"),
        ("from brian2 import *\n", "brian2"),
        ("import nest\n", "NEST"),
        ("import pyqtgraph.opengl as gl\n", "OpenGL (pyqtgraph.opengl)"),
        ("from Examples_UI.OpenGLTab import *\n", "OpenGL (the OpenGL tab)"),
        ("from PymoNNto import *\nimport numpy as np\nimport nestle\n", None),
    ],
)
def test_unsupported_libraries_are_recognised(tool, source, needs):
    assert tool.unsupported(source) == needs


def test_digest_tells_values_dtypes_and_shapes_apart(tool):
    a = np.arange(6, dtype=np.float64)
    assert tool._digest(a) == tool._digest(a.copy())
    assert tool._digest([a[:3], a[3:]]) == tool._digest(a.reshape(2, 3))  # a recording: list of steps
    assert tool._digest(a.reshape(2, 3).T) == tool._digest(np.ascontiguousarray(a.reshape(2, 3).T))
    assert tool._digest(a)[2] != tool._digest(a.astype(np.float32))[2]
    assert tool._digest(a)[2] != tool._digest(a.reshape(2, 3))[2]
    assert tool._digest(a)[3] == 15.0
    ragged = tool._digest([np.zeros(2), np.zeros(3)])
    assert ragged[0] == "object" and ragged[1] == [2]


def test_compare_counts_recordings_and_lists_one_sided_arrays(tool):
    def snap(**entries):
        return {"snapshot": {"at": "end", "networks": 1, "entries": entries}}

    same = ["<f8", [3], "aaaa", 1.0]
    other = ["<f8", [3], "bbbb", 2.0]
    ref = snap(
        **{"net0.iteration": same, "net0.ng0:a.rec@9.v": same, "net0.ng0:a.v": same, "net0.ng0:a.x": same}
    )
    assert tool.compare(ref, ref)[:2] == ("yes (2)", "yes (2)")
    here = snap(
        **{"net0.iteration": same, "net0.ng0:a.rec@9.v": other, "net0.ng0:a.v": same, "net0.ng0:a.y": same}
    )
    recordings, arrays, details = tool.compare(ref, here)
    assert (recordings, arrays) == ("no (1/2)", "yes (1)")
    assert any("differs net0.ng0:a.rec@9.v" in d for d in details)
    assert any("one side only (2)" in d for d in details)
    assert tool.compare(ref, {"status": "error", "snapshot": None})[:2] == ("n/a", "n/a")


SCRIPT = """\
from PymoNNto import *
from Models.behaviors import *

net = Network()
NeuronGroup(net=net, tag='cells', size=20, behavior={
    1: Noisy(), 9: Recorder(['v', 'np.mean(v)'], tag='rec'), 10: EventRecorder(['v > 0.8'])})
syn = SynapseGroup(net=net, src='cells', dst='cells', tag='GLUTAMATE')
net.initialize(info=False)
syn.W = syn.matrix('uniform')
net.simulate_iterations(500, measure_block_time=False)
net.simulate_iterations(10, measure_block_time=False, disable_recording=True)
import matplotlib.pyplot as plt
plt.imshow(net['v', 0, 'np'].T)
"""

BEHAVIOR = """\
from PymoNNto import *


class Noisy(Behavior):
    def initialize(self, n):
        n.v = n.vector('uniform')

    def iteration(self, n):
        n.v = n.v * 0.5 + n.vector('uniform') * 0.5
"""


def test_the_driver_gives_the_same_fingerprint_plain_and_through_the_loader(tool, run_python, tmp_path):
    root = tmp_path / "project"
    (root / "Data").mkdir(parents=True)
    (root / "Models").mkdir()
    (root / "Models" / "behaviors.py").write_text(BEHAVIOR)
    (root / "Runs").mkdir()
    script = root / "Runs" / "run.py"
    script.write_text(SCRIPT)
    reports = {}
    for mode in ("plain", "loader"):
        out = tmp_path / f"{mode}.json"
        args = ["--drive", mode, str(script), str(out), "--seed", "3", "--iterations", "40"]
        done = run_python(script=TOOL, args=args, cwd=tmp_path, env={"MPLBACKEND": "Agg"})
        assert done.returncode == 0, done.stderr
        reports[mode] = json.loads(out.read_text())
    plain, loader = reports["plain"], reports["loader"]
    assert (plain["status"], loader["status"]) == ("ok", "ok"), (plain["error"], loader["error"])
    assert plain["simulations"] == [["500", "40"], ["10", "10"]]
    assert "Invalid shape" in loader["deferred_error"]  # the plot ran before the deferred simulation
    entries = plain["snapshot"]["entries"]
    assert entries["net0.iteration"][3] == 50.0
    assert entries["net0.ng0:cells.rec@9.v"][1] == [40, 20]  # nothing recorded while disabled
    assert any(".rec@10.v > 0.8" in key for key in entries)
    recordings, arrays, details = tool.compare(plain, loader)
    assert recordings == "yes (4)" and arrays.startswith("yes"), details
