"""Bad input through PymoNNto's paths: a path that 3.0.6 lacks, 2.x spellings, 2.x method names."""

from __future__ import annotations

import importlib
import sys

import pytest

import PymoNNto
from PymoNNto._finder import PymoNNtoPathFinder, module_paths


def import_error(path: str) -> ModuleNotFoundError:
    with pytest.raises(ModuleNotFoundError) as info:
        importlib.import_module(path)
    return info.value


def test_a_misspelt_path_names_the_closest_existing_one():
    error = import_error("PymoNNto.NetworkCore.Neuron_Groups")
    assert str(error) == (
        "No module named 'PymoNNto.NetworkCore.Neuron_Groups': "
        "did you mean PymoNNto.NetworkCore.Neuron_Group?"
    )
    assert error.name == "PymoNNto.NetworkCore.Neuron_Groups"
    assert "did you mean PymoNNto.NetworkBehavior.Basics.BasicHomeostasis?" in str(
        import_error("PymoNNto.NetworkBehavior.Basics.Homeostasis")
    )


def test_a_module_in_the_wrong_package_is_found_by_its_name():
    message = str(import_error("PymoNNto.NetworkCore.Recorder"))
    assert message.endswith(
        "did you mean PymoNNto.NetworkBehavior.Recorder or PymoNNto.NetworkBehavior.Recorder.Recorder?"
    )


def test_the_wrong_case_is_named():
    assert "did you mean PymoNNto.NetworkCore? (module paths are case-sensitive)" in str(
        import_error("PymoNNto.networkcore.behavior")
    )


def test_nothing_close_lists_what_the_package_holds():
    message = str(import_error("PymoNNto.Exploration.Network_UI.Basic_Tabs.nonsense_thing"))
    assert "PymoNNto 3.0.6 has no such module; PymoNNto.Exploration.Network_UI.Basic_Tabs holds: " in message
    assert "Analysis_Module_tab, Helper, PCA_tab" in message and message.endswith(", ...")
    assert str(import_error("PymoNNto.Foo")).endswith(
        "PymoNNto holds: Exploration, NetworkBehavior, NetworkCore, UI"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("PymoNNto.NetworkBehaviour.Basics.BasicHomeostasis", "PymoNNto.NetworkBehavior"),
        ("PymoNNto.NetworkCore.Behaviour", "PymoNNto.NetworkCore.Behavior"),
        ("PymoNNto.Exploration.Behaviour_UI", "PymoNNto.Exploration.Behavior_UI"),
    ],
)
def test_a_2x_spelling_names_the_3x_one(old, new):
    message = str(import_error(old))
    assert f"'Behaviour' is PymoNNto 2.x's spelling; PymoNNto 3.x spells it {new} " in message
    importlib.import_module(new)  # and that one exists


def test_the_reference_test_file_is_not_provided():
    assert "PymoNNto's own test file is not part of mnn-studio" in str(import_error("PymoNNto.test_pymoNNto"))


def test_from_import_of_a_missing_name_stays_an_import_error():
    with pytest.raises(ImportError, match="cannot import name 'Nope' from 'PymoNNto.NetworkCore'"):
        exec("from PymoNNto.NetworkCore import Nope", {})


def test_the_finder_only_answers_for_pymonnto_paths():
    finder = PymoNNtoPathFinder()
    assert finder.find_spec("numpy_not_here") is None
    assert finder.find_spec("PymoNNtoX.y") is None
    with pytest.raises(ModuleNotFoundError):
        finder.find_spec("PymoNNto.Nope")
    assert sum(isinstance(f, PymoNNtoPathFinder) for f in sys.meta_path) == 1
    PymoNNto._install_finder()  # installing twice keeps one
    assert sum(isinstance(f, PymoNNtoPathFinder) for f in sys.meta_path) == 1


def test_the_known_paths_are_this_packages_modules_without_private_helpers():
    paths = module_paths()
    assert len(paths) == 135 and "PymoNNto" in paths and "PymoNNto.NetworkCore.Behavior" in paths
    assert not [p for p in paths if "._" in p]


def test_a_bad_path_in_a_fresh_interpreter_says_what_to_import(run_python):
    proc = run_python(code="import PymoNNto.NetworkBehaviour.Basics.BasicHomeostasis")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == (
        "ModuleNotFoundError: No module named 'PymoNNto.NetworkBehaviour': 'Behaviour' is PymoNNto 2.x's "
        "spelling; PymoNNto 3.x spells it PymoNNto.NetworkBehavior (write 'Behavior' everywhere in the path)"
    )


def test_the_behaviour_class_says_to_use_behavior():
    from PymoNNto.NetworkCore.Behavior import Behaviour

    class Old(Behaviour):
        def initialize(self, neurons):
            neurons.v = neurons.vector()

    with pytest.raises(Exception, match="'Behaviour' is not supported: derive your class from 'Behavior'"):
        Old()


@pytest.mark.parametrize(("legacy", "new"), [("set_variables", "initialize"), ("new_iteration", "iteration")])
def test_a_2x_method_name_on_a_behavior_says_the_3x_one(legacy, new):
    from PymoNNto.NetworkBehavior.Basics.BasicHomeostasis import Behavior

    Old = type("Old", (Behavior,), {legacy: lambda self, neurons: None})
    with pytest.raises(Exception, match=f"Old defines '{legacy}', the old name of '{new}'"):
        Old()
