"""Scripts that belong to a project of several files: the project root and what a reload forgets.

A PymoNNto project imports its own packages through the project root, e.g. a script in
``Project/Examples/Run/main.py`` doing ``from Examples.Behaviors.stdp import *``. PymoNNto puts that
root on ``sys.path`` when it is imported: the nearest folder above the working directory that holds
a ``Data`` folder. A script opened in the studio has no meaningful working directory, so
:func:`project_root` decides from the script's own place:

1. the nearest folder at or above the script's folder that holds a ``Data`` folder (PymoNNto's rule,
   started from the script instead of the working directory);
2. else the nearest folder above the script's folder that holds the first package of one of the
   script's absolute imports which nothing on ``sys.path`` provides.

:func:`forget_project_modules` drops, after a build, the modules the build imported from the
script's folder or the project root, so that the next load (the studio's Reload) reads edited files
again. It never drops the engine, the studio, the compat package, anything installed (site-packages,
the standard library) or a compiled extension (those cannot be imported twice).
"""

from __future__ import annotations

import ast
import importlib.machinery
import os
import site
import sys
import sysconfig
from collections.abc import Iterable

__all__ = ["project_root", "forget_project_modules", "imported_top_names", "PROTECTED_PACKAGES"]

#: Top-level packages a reload never forgets (the process runs on them).
PROTECTED_PACKAGES = ("engine", "PymoNNto", "studio")
_INSTALL_MARKERS = ("site-packages", "dist-packages")


def _ancestors(folder: str) -> Iterable[str]:
    """``folder`` and every folder above it, nearest first."""
    current = os.path.abspath(folder)
    while True:
        yield current
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent


def imported_top_names(source: str | bytes) -> list[str]:
    """First components of the absolute imports in ``source`` (in order, without repeats).

    Unparsable source gives an empty list (the build reports the syntax error itself).
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found = [node.module]
        else:
            continue
        for name in found:
            top = name.split(".")[0]
            if top not in names:
                names.append(top)
    return names


def _provided_elsewhere(name: str, search_path: list[str]) -> bool:
    if name in sys.modules or name in sys.stdlib_module_names or name in sys.builtin_module_names:
        return True
    try:
        return importlib.machinery.PathFinder.find_spec(name, search_path) is not None
    except (ImportError, ValueError):
        return False


def _holds_module(folder: str, name: str) -> bool:
    return os.path.isdir(os.path.join(folder, name)) or os.path.isfile(os.path.join(folder, name + ".py"))


def project_root(script: str, source: str | bytes | None = None) -> str | None:
    """The project root of ``script`` (see the module docstring), or None when it needs none.

    ``source`` is the script's text (read from ``script`` when not given).
    """
    folder = os.path.dirname(os.path.abspath(script))
    for candidate in _ancestors(folder):
        if os.path.isdir(os.path.join(candidate, "Data")):
            return candidate
    if source is None:
        try:
            with open(script, "rb") as fh:
                source = fh.read()
        except OSError:
            return None
    search_path = [folder] + [p for p in sys.path if p]
    wanted = [n for n in imported_top_names(source) if not _provided_elsewhere(n, search_path)]
    if not wanted:
        return None
    for candidate in list(_ancestors(folder))[1:]:
        if any(_holds_module(candidate, name) for name in wanted):
            return candidate
    return None


def _installed_prefixes() -> tuple[str, ...]:
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            places.add(path)
    try:
        places.update(site.getsitepackages())
        places.add(site.getusersitepackages())
    except AttributeError:  # a virtualenv's old site module
        pass
    return tuple(os.path.abspath(p) + os.sep for p in places if p)


def _module_places(module: object) -> list[str]:
    places = []
    file = getattr(module, "__file__", None)
    if isinstance(file, str):
        places.append(os.path.abspath(file))
    spec = getattr(module, "__spec__", None)
    locations = getattr(spec, "submodule_search_locations", None)
    if file is None and locations is not None:  # a namespace package: only its folders
        try:  # a nested namespace path is recomputed from its parent package
            places.extend(os.path.abspath(p) for p in list(locations))
        except (KeyError, AttributeError, TypeError):
            pass
    return places


def _is_installed(place: str, prefixes: tuple[str, ...]) -> bool:
    parts = place.split(os.sep)
    if any(marker in parts for marker in _INSTALL_MARKERS):
        return True
    return any(place.startswith(prefix) for prefix in prefixes)


def forget_project_modules(before: set[str], folders: Iterable[str]) -> list[str]:
    """Drop the modules imported since ``before`` that live below one of ``folders``.

    Returns the names dropped. Protected packages, installed files and compiled extensions stay.
    """
    prefixes = tuple(os.path.abspath(f) + os.sep for f in folders)
    installed = _installed_prefixes()
    extensions = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    dropped = []
    # decide for every module before dropping any: a nested namespace package reads its parent's path
    for name in sorted(set(sys.modules) - before):
        if name.split(".")[0] in PROTECTED_PACKAGES or name == "__main__":
            continue
        places = _module_places(sys.modules.get(name))
        if not places or any(p.endswith(extensions) or _is_installed(p, installed) for p in places):
            continue
        if any(p.startswith(prefixes) for p in places):
            dropped.append(name)
    for name in dropped:
        sys.modules.pop(name, None)
    return dropped
