"""PymoNNto._shim.export: how a path re-exports its sources' star names, lazily where heavy."""

from __future__ import annotations

import sys
import types

import pytest

from PymoNNto import _shim
from PymoNNto._shim import MissingModule, export


def module(name: str, **names: object) -> types.ModuleType:
    made = types.ModuleType(name)
    made.__dict__.update(names)
    return made


def star(made: types.ModuleType) -> dict[str, object]:
    return {name: getattr(made, name) for name in made.__all__}


def test_sources_are_copied_in_order_and_own_names_win():
    first = module("fake.first", a=1, b=1, _private=1)
    second = module("fake.second", b=2, c=2)
    target = module("fake.target", c="own")
    export(vars(target), first, second)
    assert star(target) == {"a": 1, "b": 2, "c": "own"}


def test_an_external_source_gives_its_all():
    target = module("fake.target")
    export(vars(target), module("fake.ext", __all__=["x"], x=1, y=2))
    assert target.__all__ == ["x"]


def test_a_heavy_alias_is_imported_when_first_used_and_passed_on_lazily(monkeypatch):
    monkeypatch.setitem(_shim.HEAVY, "fake_mod", "colorsys")
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    inner = module("fake.inner")
    export(vars(inner), lazy=("fake_mod",))
    outer = module("fake.outer")
    export(vars(outer), inner)
    assert "colorsys" not in sys.modules and "fake_mod" in outer.__all__
    lazy = outer.fake_mod
    assert lazy.__name__ == "colorsys" and not _shim.is_loaded(lazy) and "colorsys" not in sys.modules
    assert lazy.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)  # first use: imported
    assert _shim.is_loaded(lazy) and "colorsys" in sys.modules and "rgb_to_hsv" in dir(lazy)
    assert repr(lazy) == "<lazy module 'colorsys' (imported)>"
    assert "fake_mod" not in vars(inner)  # each module resolves its own copy


def test_a_missing_optional_package_fails_when_used_not_when_imported(monkeypatch):
    monkeypatch.setitem(_shim.HEAVY, "nothere", "no_such_package_xyz.sub:thing")
    target = module("fake.target")
    export(vars(target), lazy=("nothere",))
    value = target.nothere
    assert isinstance(value, MissingModule)
    with pytest.raises(
        ImportError, match="'nothere' needs 'no_such_package_xyz.sub'.*pip install no_such_package_xyz"
    ):
        _ = value.anything


def test_qt_names_are_pyqt6_and_pyqtgraph_imported_on_first_use():
    import pyqtgraph
    from PyQt6 import QtCore

    target = module("fake.target")
    export(vars(target), lazy=("QtCore", "pg", "Qt"))
    assert "QtCore" not in vars(target)  # not imported by the export itself
    assert target.QtCore is QtCore and target.pg is pyqtgraph and target.Qt is QtCore.Qt
    assert "PyQt5" not in sys.modules


def test_without_pyqt6_a_qt_name_says_what_to_install(monkeypatch):
    monkeypatch.setitem(_shim.QT, "QtCore", "no_such_qt_xyz.QtCore")
    target = module("fake.target")
    export(vars(target), lazy=("QtCore",))
    with pytest.raises(
        ImportError, match="'QtCore' needs 'no_such_qt_xyz.QtCore'.*pip install no_such_qt_xyz"
    ):
        _ = target.QtCore.QTimer


def test_a_heavy_star_source_is_read_only_when_a_star_import_asks():
    target = module("fake.target", own=1)
    export(vars(target), lazy_stars=("string",))
    assert "ascii_letters" not in vars(target)
    assert target.ascii_letters == "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert {"own", "ascii_letters", "digits"} <= set(target.__all__)
    with pytest.raises(AttributeError, match="module 'fake.target' has no attribute 'nope'"):
        _ = target.nope


def test_a_class_named_like_its_module_stands_for_the_module(monkeypatch):
    home = module("fake.pkg.Thing", helper=3)

    class Thing:
        pass

    Thing.__module__ = "fake.pkg.Thing"
    home.Thing = Thing
    monkeypatch.setitem(sys.modules, "fake.pkg.Thing", home)
    target = module("fake.target")
    export(vars(target), Thing)
    assert target.helper == 3 and target.Thing is Thing
    with pytest.raises(TypeError, match="export\\(\\) takes modules, got 5"):
        export(vars(target), 5)


def test_the_equation_paths_import_sympy_only_for_a_star_import(run_python):
    result = run_python(
        code=(
            "import sys\n"
            "import PymoNNto.NetworkBehavior.EulerEquationModules.Equation as eq\n"
            "print('sympy' in sys.modules, eq.Equation.__module__)\n"
            "from PymoNNto.NetworkBehavior.EulerEquationModules.Equation import *\n"
            "print('sympy' in sys.modules, type(ms).__name__, symbols.__module__, Equation.__name__)\n"
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "False engine.library.equations.equation",
        "True Quantity sympy.core.symbol Equation",
    ]
