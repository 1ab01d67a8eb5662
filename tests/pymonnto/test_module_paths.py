"""Every module path of PymoNNto 3.0.6 imports here and star-exports the names it gives there.

The reference's paths and star names are tests/data/pymonnto_3_0_6_surface.json (collected by
tools/collect_pymonnto_surface.py). One fresh interpreter imports every path in the order the
collector did (file order), noting the Qt / matplotlib modules each import loads, then records what
``from M import *`` gives for each. ``PymoNNto.test_pymoNNto`` (PymoNNto's own pytest file) is not
provided.

Names we export beyond the reference's, and why (the only ones allowed):

* ``reset_genome``, ``UnknownDistributionError``, ``ValueStringError``: ``from PymoNNto import *``
  has always given them here; every module that star-imports PymoNNto passes them on.
* submodules: a package lists the submodules imported so far (as in PymoNNto); this run imports
  every path first, so a package lists all of them.
* ``Network_UI``: PymoNNto's is a QApplication subclass (counted under ``qt_names``); ours is the
  plain class that hands the network to the studio.
* Qt classes: where PymoNNto's module star-exports PyQt5's QtGui/QtWidgets classes (its
  ``qt_names``), ours star-exports PyQt6's (the names differ a little between the two bindings).
* modules that do not import in PymoNNto 3.0.6 have no reference names to compare with.

Names we do not export: ``example_slave_2``'s script variables (``My_Network``, ...), which exist
in PymoNNto only because importing that example runs a simulation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.paths import REPO_ROOT

SURFACE = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_surface.json").read_text(encoding="utf-8"))
MODULES = SURFACE["modules"]
NOT_PROVIDED = {"PymoNNto.test_pymoNNto"}  # PymoNNto's own test file
PATHS = sorted(set(MODULES) - NOT_PROVIDED)
OURS_IN_THE_STAR = {"reset_genome", "UnknownDistributionError", "ValueStringError"}
PLAIN_CLASS_FOR_A_QT_ONE = {"Network_UI"}
NOT_EXPORTED = {
    "PymoNNto.Exploration.Evolution.example_slave_2": {
        "My_Network",
        "My_Neurons",
        "My_Synapses",
        "sm",
        "score",
    }
}
HEAVY = ("PyQt5", "PyQt6", "PySide2", "PySide6", "pyqtgraph", "qtconsole", "matplotlib")

PROBE = """
import importlib, json, sys, types
from pathlib import Path

root = Path(sys.argv[1])
names = []
for file in sorted(root.rglob("*.py")):  # the collector's order: file paths, sorted
    parts = list(file.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    if not any(p.startswith("_") for p in parts):
        names.append(".".join(parts))
heavy = tuple(sys.argv[2].split(","))
loaded = lambda: {m for m in sys.modules if m.split(".")[0] in heavy}
report = {"order": names, "error": {}, "heavy": {}, "names": {}, "modules": {}, "qt_stars": []}
for name in names:
    before = loaded()
    try:
        importlib.import_module(name)
    except ImportError as error:
        report["error"][name] = f"{type(error).__name__}: {error}"
    report["heavy"][name] = sorted(loaded() - before)
for name in names:
    if name in report["error"]:
        continue
    namespace = {}
    exec(f"from {name} import *", namespace)
    namespace.pop("__builtins__", None)
    report["names"][name] = sorted(namespace)
    ours = [k for k, v in namespace.items() if isinstance(v, types.ModuleType)]
    report["modules"][name] = sorted(k for k in ours if namespace[k].__name__.startswith("PymoNNto."))
qt = {}
exec("from PyQt6.QtGui import *; from PyQt6.QtWidgets import *", qt)
report["qt_stars"] = sorted(n for n in qt if not n.startswith("_"))
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Import every path, then star-import each, in one fresh interpreter (in an empty folder)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(REPO_ROOT / "PymoNNto"), ",".join(HEAVY)],
        cwd=tmp_path_factory.mktemp("paths"),
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_our_paths_are_the_references_paths(report):
    assert len(PATHS) == 135
    assert sorted(report["order"]) == PATHS


@pytest.mark.parametrize("path", PATHS)
def test_the_path_imports(report, path):
    error = report["error"].get(path)
    if MODULES[path]["imports"]:
        assert error is None, f"{path}: {error}"
    else:  # PymoNNto 3.0.6 cannot import it either: it may say so, naming the module and why
        assert error is None or f"{path} is not provided by mnn-studio: " in error, error


def test_the_paths_that_fail_on_the_reference_too():
    failing = sorted(p for p in PATHS if not MODULES[p]["imports"])
    assert [p.rpartition(".")[2] for p in failing] == [
        "WP_testing",
        "Pyplot_visualizer",
        "Plot_Synapse_Transition_scatter",
        "Plot_weights",
        "read_write_np_experiment",
        "Normalization_Tensorflow",
    ]


@pytest.mark.parametrize("path", PATHS)
def test_the_star_import_gives_the_references_names(report, path):
    if path in report["error"]:
        assert not MODULES[path]["imports"]
        return
    ours = set(report["names"][path])
    reference = set(MODULES[path].get("names", {}))
    missing = sorted(reference - ours - NOT_EXPORTED.get(path, set()))
    assert missing == [], f"{path} misses {len(missing)} of PymoNNto's names: {missing}"
    if MODULES[path]["imports"]:
        qt = (
            set(report["qt_stars"]) | {"Qt"}
            if MODULES[path].get("qt_names", {}).get("PyQt5.QtWidgets", 0) > 1
            else set()
        )
        unexplained = (
            ours - reference - OURS_IN_THE_STAR - PLAIN_CLASS_FOR_A_QT_ONE - set(report["modules"][path]) - qt
        )
        assert sorted(unexplained) == [], f"{path} exports names PymoNNto does not: {sorted(unexplained)}"


def test_the_reference_names_that_are_not_exported_exist_there():
    for path, names in NOT_EXPORTED.items():
        assert names <= set(MODULES[path]["names"])


def test_importing_a_path_loads_no_qt_and_no_matplotlib(report):
    offenders = {path: mods for path, mods in report["heavy"].items() if mods}
    assert offenders == {}, "importing these paths loads Qt or matplotlib: " + json.dumps(offenders)
    assert len(report["heavy"]) == len(PATHS)


def test_the_heavy_names_come_with_the_star_import(run_python):
    """A star import gives ``plt`` and ``sp``; their modules are imported when the script first uses
    them, not by the star import (a script that never plots never imports matplotlib)."""
    result = run_python(
        code=(
            "import sys\n"
            "import PymoNNto.NetworkBehavior.Basics.Refractory as m\n"
            "print('before', 'matplotlib' in sys.modules, 'scipy' in sys.modules)\n"
            "from PymoNNto.NetworkBehavior.Basics.Refractory import *\n"
            "loaded = lambda: 'matplotlib' in sys.modules\n"
            "print('star', plt.__name__, sp.__name__, type(refractory).__name__, loaded())\n"
            "print('used', plt.get_backend() is not None, sp.csr_matrix((2, 2)).shape, loaded())\n"
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == [
        "before False False",
        "star matplotlib.pyplot scipy.sparse type False",
        "used True (2, 2) True",
    ]
