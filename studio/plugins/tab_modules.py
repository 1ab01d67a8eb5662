"""Tab modules: a ``.py`` file with :class:`TabBase` subclasses, loaded into the window; and the
guard that keeps PyQt5 out of the studio's process.

PymoNNto's tabs were written for PyQt5. In the studio the Qt names come from PyQt6, through the
star import ``from PymoNNto.Exploration.Network_UI.TabBase import *``; a second Qt binding in the
same process would crash it, so a direct ``import PyQt5`` raises :class:`PyQt5ImportError` naming
the file and line that asked for it.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import inspect
import linecache
import sys
import traceback
from pathlib import Path
from typing import Any

__all__ = ["PyQt5ImportError", "TabModuleError", "install_pyqt5_guard", "load_tab_module", "tab_classes"]


class PyQt5ImportError(ImportError):
    """A module imported PyQt5 inside the studio."""


class TabModuleError(Exception):
    """A tab module could not be loaded; ``str(err)`` is the message to show, ``details`` the traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _importer_line() -> str:
    """``file, line N: source`` of the code that is importing (outside importlib and this module)."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (filename.startswith("<frozen") or filename == __file__ or "importlib" in filename):
            source = linecache.getline(filename, frame.f_lineno).strip()
            return f"{filename}, line {frame.f_lineno}: {source}"
        frame = frame.f_back
    return "an unknown place"


class _PyQt5Guard(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        if fullname == "PyQt5" or fullname.startswith("PyQt5."):
            raise PyQt5ImportError(
                f"PyQt5 is not available in mnn-studio ({_importer_line()}): PyQt5 names come through "
                "TabBase's star import (from PymoNNto.Exploration.Network_UI.TabBase import *), which "
                "gives PyQt6's QtCore, QtGui, QtWidgets, Qt and pyqtgraph's pg. Replace the direct PyQt5 "
                "import with that line."
            )
        return None


_GUARD = _PyQt5Guard()


def install_pyqt5_guard() -> None:
    """Refuse PyQt5 imports in this process from now on (idempotent)."""
    if _GUARD not in sys.meta_path:
        sys.meta_path.insert(0, _GUARD)


def tab_classes(module: Any) -> list[type]:
    """The public :class:`TabBase` subclasses defined in ``module``, in source order (a class whose
    name starts with ``_`` is a helper, e.g. a shared base class, and is not made into a tab)."""
    from PymoNNto.Exploration.Network_UI.TabBase import TabBase

    found = [
        obj
        for name, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, TabBase) and obj.__module__ == module.__name__ and not name.startswith("_")
    ]
    return sorted(found, key=lambda cls: inspect.getsourcelines(cls)[1] if _has_source(cls) else 0)


def _has_source(cls: type) -> bool:
    try:
        inspect.getsourcelines(cls)
    except (OSError, TypeError):
        return False
    return True


def load_tab_module(path: str | Path) -> list[Any]:
    """Import the file at ``path`` and make one instance of each of its tab classes (no arguments).

    Raises :class:`TabModuleError` for a missing file, a module that raises (its line is named),
    a module without tab classes and a tab class that needs constructor arguments.
    """
    install_pyqt5_guard()
    p = Path(path).expanduser()
    if not p.is_file() or p.suffix != ".py":
        raise TabModuleError(f"Not a Python file: {p}")
    name = f"mnn_studio_tabs_{abs(hash(str(p.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, p)
    if spec is None or spec.loader is None:
        raise TabModuleError(f"Cannot import {p}")
    module = importlib.util.module_from_spec(spec)
    folder = str(p.resolve().parent)
    sys.path.insert(0, folder)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - the module's own error, reported with its line
        sys.modules.pop(name, None)
        line = _line_in(exc, p)
        where = f"{p.name}, line {line}" if line else p.name
        raise TabModuleError(
            f"{where}: {type(exc).__name__}: {exc}", "".join(traceback.format_exception(exc))
        ) from exc
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
    classes = tab_classes(module)
    if not classes:
        raise TabModuleError(
            f"{p.name} defines no TabBase subclass (from PymoNNto.Exploration.Network_UI.TabBase)"
        )
    tabs = []
    for cls in classes:
        try:
            tabs.append(cls())
        except TypeError as exc:
            raise TabModuleError(
                f"{p.name}: {cls.__name__}() cannot be made without arguments ({exc}); "
                "give its constructor parameters defaults"
            ) from exc
    return tabs


def _line_in(exc: BaseException, path: Path) -> int | None:
    resolved = str(path.resolve())
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if str(Path(frame.filename).resolve()) == resolved:
            line = frame.lineno
    if line is None and isinstance(exc, SyntaxError) and exc.lineno:
        line = exc.lineno
    return line
