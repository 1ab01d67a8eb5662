"""The names users import keep working where they always were, after the rooms moved."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import engine
from tests.support.paths import REPO_ROOT


def test_engine_top_level_names():
    for name in ("Network", "NeuronGroup", "SynapseGroup", "Behavior", "Recorder", "EventRecorder", "Runner"):
        assert name in engine.__all__
        assert getattr(engine, name).__name__ == name
    assert engine.Runner is importlib.import_module("engine.runtime.runner").Runner


def test_load_script_keeps_its_documented_path():
    from engine.io.scripts import load_script as new_home
    from engine.scripts import ScriptError, load_script

    assert load_script is new_home
    assert ScriptError is engine.exceptions.ScriptError


def test_pymonnto_star_import_gives_the_engine_names_and_not_ours():
    namespace: dict[str, object] = {}
    exec("from PymoNNto import *", namespace)
    assert namespace["Network"] is engine.Network
    assert namespace["Behavior"] is engine.Behavior
    for ours in ("Runner", "EngineError", "EngineWarning"):
        assert ours not in namespace


def test_every_engine_error_has_one_root_and_keeps_its_builtin_parent():
    from engine import exceptions as ex

    errors = [getattr(ex, n) for n in ex.__all__ if isinstance(getattr(ex, n), type)]
    errors = [e for e in errors if issubclass(e, Exception) and not issubclass(e, Warning)]
    assert len(errors) >= 15
    assert all(issubclass(e, ex.EngineError) for e in errors)
    assert issubclass(ex.PathError, LookupError) and issubclass(ex.InvalidValueError, ValueError)
    assert issubclass(ex.StateFileError, ValueError) and issubclass(ex.ValueStringError, SyntaxError)
    assert issubclass(ex.UnknownDistributionError, NameError)
    assert issubclass(ex.NotInitializedWarning, ex.EngineWarning)
    assert issubclass(ex.EngineWarning, UserWarning)


def test_except_valueerror_still_catches_a_bad_value():
    net = engine.Network()
    engine.NeuronGroup(net=net, tag="g", size=3)
    with pytest.raises(engine.EngineError) as info:
        net["g", 0].vector("nonsense_distribution(1)")
    assert isinstance(info.value, NameError)
    assert "nonsense_distribution" in str(info.value)


def test_not_initialized_warning_is_an_engine_warning():
    net = engine.Network()
    engine.NeuronGroup(net=net, tag="g", size=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        net.simulate_iterations(1, measure_block_time=False)
    assert [w.category for w in caught] == [engine.NotInitializedWarning]


def test_the_studio_entry_point_is_studio_app_main():
    text = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'mnn-studio = "studio.app:main"' in text
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import studio.app, sys; print(callable(studio.app.main)); "
            "print('PyQt6.QtWidgets' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert out.stdout.split() == ["True", "False"], out.stderr  # importing the entry point loads no widgets
