"""Plain ``python script.py`` runs of a PymoNNto project of several files (PymoNNto's root rule).

``from PymoNNto import *`` puts the project root on ``sys.path``: the folder holding the nearest
``Data`` folder above the working directory, else the working directory. The loader's own rule
(from the script's place): tests/engine/io/test_projects.py.
"""

from pathlib import Path

BEHAVIOR = """\
from PymoNNto import *


class Grow(Behavior):
    def initialize(self, neurons):
        neurons.value = neurons.vector() + 1.0

    def iteration(self, neurons):
        neurons.value += self.parameter('step', 1.0)
"""

MAIN = """\
from PymoNNto import *
from Models.behaviors import *

net = Network()
NeuronGroup(net=net, tag='cells', size=3, behavior={1: Grow(step=0.5)})
net.initialize(info=False)
net.simulate_iterations(3, measure_block_time=False)
print('values', net['cells', 0].value.tolist())
"""


def make_project(root: Path, data: bool) -> Path:
    (root / "Models").mkdir(parents=True)
    (root / "Models" / "behaviors.py").write_text(BEHAVIOR)
    (root / "Runs" / "exp").mkdir(parents=True)
    main = root / "Runs" / "exp" / "main.py"
    main.write_text(MAIN)
    if data:
        (root / "Data").mkdir()
    return main


def test_root_is_found_through_the_data_folder_from_a_sub_folder(run_python, tmp_path):
    main = make_project(tmp_path / "proj", data=True)
    done = run_python(script=main, cwd=main.parent)
    assert done.returncode == 0, done.stderr
    assert "values [2.5, 2.5, 2.5]" in done.stdout


def test_without_data_the_working_directory_is_the_root(run_python, tmp_path):
    main = make_project(tmp_path / "proj", data=False)
    done = run_python(script=main, cwd=tmp_path / "proj")
    assert done.returncode == 0, done.stderr
    assert "values [2.5, 2.5, 2.5]" in done.stdout
    assert not (tmp_path / "proj" / "Data").exists()  # nothing is created at import


def test_without_data_a_run_from_the_script_folder_cannot_see_the_root(run_python, tmp_path):
    main = make_project(tmp_path / "proj", data=False)
    done = run_python(script=main, cwd=main.parent)
    assert done.returncode != 0
    assert "No module named 'Models'" in done.stderr


def test_a_project_copy_inside_data_replaces_the_original_on_the_path(run_python, tmp_path):
    original = tmp_path / "proj"
    clone = original / "Data" / "Clones" / "copy1"
    (clone / "Data").mkdir(parents=True)
    code = (
        "import sys\n"
        f"sys.path.append({str(original)!r})\n"
        "import PymoNNto\n"
        f"print({str(original)!r} in sys.path, {str(clone)!r} in sys.path)\n"
    )
    done = run_python(code=code, cwd=clone)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
