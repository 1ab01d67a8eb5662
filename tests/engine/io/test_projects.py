"""Projects of several files through the loader: the project root, reload after edits, what is forgotten.

Plain ``python script.py`` runs of the same layout: tests/pymonnto/test_projects.py.
"""

import os
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from engine.io.projects import forget_project_modules, imported_top_names, project_root
from engine.io.scripts import ScriptImportError, ScriptRuntimeError, load_script

BEHAVIORS = """\
from PymoNNto import *

START = {start}


class Grow(Behavior):
    def initialize(self, neurons):
        neurons.value = neurons.vector() + START
        self.step = self.parameter('step', 1.0)

    def iteration(self, neurons):
        neurons.value += self.step
"""

MAIN = """\
from PymoNNto import *
from {package}.behaviors import *

net = Network()
NeuronGroup(net=net, tag='cells', size=4, behavior={{1: Grow(step=0.5), 2: Recorder(['value'])}})
net.initialize(info=False)
net.simulate_iterations(3)
"""


def make_project(root: Path, package: str = "ProjModels_a", start: str = "1.0", data: bool = True) -> Path:
    """root/<package>/behaviors.py (a namespace package, as in PymoNNto's examples) and
    root/Runs/exp/main.py importing it through the root; a Data folder marks the root."""
    (root / package).mkdir(parents=True)
    (root / package / "behaviors.py").write_text(BEHAVIORS.format(start=start))
    (root / "Runs" / "exp").mkdir(parents=True)
    main = root / "Runs" / "exp" / "main.py"
    main.write_text(MAIN.format(package=package))
    if data:
        (root / "Data").mkdir()
    return main


def values(result):
    return result.network["cells", 0].value.tolist()


@pytest.mark.parametrize("data", [True, False], ids=["data-folder", "import-scan"])
def test_script_imports_a_sibling_package_through_the_project_root(tmp_path, data):
    main = make_project(tmp_path / "proj", package=f"ProjModels_{int(data)}", data=data)
    path_before = list(sys.path)
    result = load_script(str(main))
    assert values(result) == [1.0] * 4  # initialize ran, the 3 iterations were deferred
    assert result.requested_iterations == [3]
    assert type(result.network["cells", 0].Grow).__module__ == f"ProjModels_{int(data)}.behaviors"
    assert sys.path == path_before  # the root was added for the build only


def test_reload_sees_an_edit_of_an_imported_module(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as in a normal Python process
    main = make_project(tmp_path / "proj", package="ProjModels_edit", start="1.0")
    behaviors = tmp_path / "proj" / "ProjModels_edit" / "behaviors.py"
    assert values(load_script(str(main))) == [1.0] * 4
    # same length, written within the same second: a cached bytecode file would hide the edit
    behaviors.write_text(BEHAVIORS.format(start="7.0"))
    second = load_script(str(main))
    assert values(second) == [7.0] * 4
    second.network.simulate_iterations(2)
    assert values(second) == [8.0] * 4
    assert not any(name.startswith("ProjModels_edit") for name in sys.modules)
    assert not (behaviors.parent / "__pycache__").exists()
    assert sys.dont_write_bytecode is False  # restored after each build


def test_reload_sees_a_module_added_between_loads(tmp_path):
    main = make_project(tmp_path / "proj", package="ProjModels_new")
    assert values(load_script(str(main))) == [1.0] * 4
    (tmp_path / "proj" / "ProjModels_new" / "sizes.py").write_text("SIZE = 6\n")
    main.write_text(
        main.read_text()
        + "from ProjModels_new.sizes import SIZE\nNeuronGroup(net=net, tag='more', size=SIZE)\n"
    )
    assert load_script(str(main)).network["more", 0].size == 6


def test_nested_namespace_packages_as_in_pymonntos_examples(tmp_path):
    """Examples_Paper/STDP_Hom_Norm/Complex.py imports Examples_Paper.Basic.Basic_Tab: two folders
    without __init__.py above the module, the script in a sibling folder."""
    root = tmp_path / "repo"
    (root / "Data").mkdir(parents=True)
    (root / "NsPaper_x" / "Basic").mkdir(parents=True)
    (root / "NsPaper_x" / "Basic" / "tab.py").write_text("SIZE = 3\n")
    (root / "NsPaper_x" / "Other").mkdir()
    main = root / "NsPaper_x" / "Other" / "main.py"
    main.write_text(
        "from PymoNNto import *\nfrom NsPaper_x.Basic.tab import *\n"
        "net = Network()\nNeuronGroup(net=net, tag='g', size=SIZE)\nnet.initialize(info=False)\n"
    )
    for size in (3, 5):
        (root / "NsPaper_x" / "Basic" / "tab.py").write_text(f"SIZE = {size}\n")
        assert load_script(str(main)).network["g", 0].size == size
    assert not any(name.startswith("NsPaper_x") for name in sys.modules)


def test_deferred_simulations_keep_their_arguments(tmp_path):
    main = make_project(tmp_path / "proj", package="ProjModels_opts")
    main.write_text(main.read_text() + "net.simulate_iterations(5, batch_size=2, disable_recording=True)\n")
    requests = load_script(str(main)).simulation_requests
    assert [r.iterations for r in requests] == [3, 5]
    assert requests[1].options["batch_size"] == 2 and requests[1].options["disable_recording"] is True
    assert requests[0].options["disable_recording"] is False


def test_two_copies_of_one_project_do_not_mix(tmp_path):
    first = make_project(tmp_path / "one", package="ProjModels_twin", start="1.0")
    second = make_project(tmp_path / "two", package="ProjModels_twin", start="2.0")
    assert values(load_script(str(first))) == [1.0] * 4
    assert values(load_script(str(second))) == [2.0] * 4
    assert values(load_script(str(first))) == [1.0] * 4


def test_an_error_in_a_project_module_names_its_file_and_line(tmp_path):
    main = make_project(tmp_path / "proj", package="ProjModels_err")
    behaviors = tmp_path / "proj" / "ProjModels_err" / "behaviors.py"
    behaviors.write_text(BEHAVIORS.format(start="1.0").replace("self.step = ", "self.step = 1 / 0 + "))
    with pytest.raises(ScriptRuntimeError) as info:
        load_script(str(main))
    line = next(n for n, t in enumerate(behaviors.read_text().splitlines(), 1) if "1 / 0" in t)
    assert f"(in behaviors.py, line {line})" in str(info.value)
    assert info.value.lineno == 6  # net.initialize(...) in main.py


def test_a_missing_project_package_is_named(tmp_path):
    (tmp_path / "lone").mkdir()
    main = tmp_path / "lone" / "main.py"
    main.write_text("from PymoNNto import *\nfrom NoSuchProjectPkg_x.behaviors import *\n")
    with pytest.raises(ScriptImportError, match="imports 'NoSuchProjectPkg_x', which is not installed"):
        load_script(str(main))


def test_a_missing_pymonnto_module_is_named_as_such(tmp_path):
    main = tmp_path / "main.py"
    main.write_text("from PymoNNto.NoSuchPart_x.Module import *\n")
    with pytest.raises(
        ScriptImportError, match="PymoNNto module that mnn-studio's compat package does not provide"
    ):
        load_script(str(main))


# ------------------------------------------------------------------------------------------ project_root
def test_project_root_is_the_nearest_folder_holding_data(tmp_path):
    (tmp_path / "outer" / "Data").mkdir(parents=True)
    (tmp_path / "outer" / "inner" / "Data").mkdir(parents=True)
    (tmp_path / "outer" / "inner" / "a" / "b").mkdir(parents=True)
    script = tmp_path / "outer" / "inner" / "a" / "b" / "s.py"
    script.write_text("import numpy\n")
    assert project_root(str(script)) == str(tmp_path / "outer" / "inner")
    (tmp_path / "outer" / "inner" / "a" / "b" / "Data").mkdir()
    assert project_root(str(script)) == str(script.parent)


def test_project_root_from_imports_skips_installed_and_sibling_names(tmp_path):
    (tmp_path / "numpy").mkdir()  # a folder named like an installed package is not a reason
    (tmp_path / "sub" / "helper_sib").mkdir(parents=True)
    (tmp_path / "sub" / "deeper").mkdir()
    (tmp_path / "sub" / "deeper" / "local_mod.py").write_text("X = 1\n")
    script = tmp_path / "sub" / "deeper" / "s.py"
    script.write_text("import numpy, os\nimport local_mod\n")
    assert project_root(str(script)) is None
    script.write_text("import numpy\nfrom helper_sib.x import y\n")
    assert project_root(str(script)) == str(tmp_path / "sub")
    assert project_root(str(script), source="import os\n") is None


def test_imported_top_names():
    source = "import a.b, c\nfrom d.e import f\nfrom . import g\nfrom .h import i\ndef k():\n    import a\n"
    assert imported_top_names(source) == ["a", "c", "d"]
    assert imported_top_names("def (:") == []


# ------------------------------------------------------------------------------------------ forgetting
def fake_module(name: str, file: str | None, locations: list[str] | None = None) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = file
    module.__spec__ = types.SimpleNamespace(submodule_search_locations=locations)
    return module


def test_forget_drops_project_modules_only(tmp_path, monkeypatch):
    root = str(tmp_path)
    made = {
        "projmod_plain": fake_module("projmod_plain", os.path.join(root, "pkg", "m.py")),
        "projmod_ns": fake_module("projmod_ns", None, [os.path.join(root, "pkg")]),
        "projmod_installed": fake_module(
            "projmod_installed", os.path.join(root, ".venv", "lib", "site-packages", "x.py")
        ),
        "projmod_ext": fake_module("projmod_ext", os.path.join(root, "fast.cpython-311-x86_64-linux-gnu.so")),
        "PymoNNto.projmod_fake": fake_module("PymoNNto.projmod_fake", os.path.join(root, "p.py")),
        "projmod_elsewhere": fake_module("projmod_elsewhere", "/elsewhere/m.py"),
    }
    before = set(sys.modules)
    for name, module in made.items():
        monkeypatch.setitem(sys.modules, name, module)
    dropped = forget_project_modules(before, [root])
    assert dropped == ["projmod_ns", "projmod_plain"]
    kept = {"projmod_installed", "projmod_ext", "PymoNNto.projmod_fake", "projmod_elsewhere"}
    assert kept <= set(sys.modules) and not ({"projmod_ns", "projmod_plain"} & set(sys.modules))


def test_modules_imported_before_the_build_stay(tmp_path):
    import numpy.linalg

    script = tmp_path / "s.py"
    (tmp_path / "Data").mkdir()
    script.write_text(
        "from PymoNNto import *\nimport numpy.linalg\nnet = Network()\nnet.initialize(info=False)\n"
    )
    load_script(str(script))
    assert sys.modules["numpy.linalg"] is numpy.linalg and sys.modules["numpy"] is np
    assert Path(np.__file__).exists()
