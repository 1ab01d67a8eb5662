"""Collect PymoNNto 3.0.6's public surface: every module path and what ``from M import *`` gives.

Run it with the interpreter of an environment where the *reference* PymoNNto is installed (the
benchmark driver builds one in .bench/pymonnto-3.0.6), from a folder where our own PymoNNto/
package is not importable::

    cd /tmp && /path/to/.bench/pymonnto-3.0.6/bin/python /path/to/tools/collect_pymonnto_surface.py \\
        > /path/to/tests/data/pymonnto_3_0_6_surface.json

For each module (found from the installed package's file tree) it records whether it imports,
the error if not, and for every star-exported name its kind (module, class, function, other) and,
for classes and functions, the module that defines it. PyQt5's own names (which the UI modules
star-export by the thousand) are only counted per PyQt5 module. The test suite reads the JSON file; this
script is kept so the data can be regenerated, and it never runs in the tests.
"""

from __future__ import annotations

import importlib
import inspect
import io
import json
import os
import sys
import tempfile
import types
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


def module_paths(package_dir: Path, package: str) -> list[str]:
    names = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join([package, *parts]))
    return names


def star_names(module: types.ModuleType) -> list[str]:
    exported = getattr(module, "__all__", None)
    if exported is not None:
        return sorted(str(n) for n in exported)
    return sorted(n for n in vars(module) if not n.startswith("_"))


QT_PREFIXES = ("PyQt5", "sip")


def qt_origin(value: object) -> str | None:
    """The PyQt5 module a value comes from (classes, functions, enum values), else None."""
    for candidate in (getattr(value, "__module__", None), type(value).__module__):
        if isinstance(candidate, str) and candidate.startswith(QT_PREFIXES):
            return candidate
    return None


def describe(value: object) -> dict[str, str]:
    if isinstance(value, types.ModuleType):
        return {"kind": "module", "module": value.__name__}
    if inspect.isclass(value):
        return {"kind": "class", "module": getattr(value, "__module__", "") or ""}
    if inspect.isroutine(value):
        return {"kind": "function", "module": getattr(value, "__module__", "") or ""}
    return {"kind": "other", "type": type(value).__name__}


def main() -> int:
    workdir = tempfile.mkdtemp(prefix="pymonnto-surface-")
    os.chdir(workdir)  # PymoNNto creates ./Data at import
    import PymoNNto

    package_dir = Path(PymoNNto.__file__).parent
    result: dict[str, object] = {
        "version": getattr(PymoNNto, "__version__", "3.0.6"),
        "python": sys.version.split()[0],
        "modules": {},
    }
    modules: dict[str, object] = {}
    for name in module_paths(package_dir, "PymoNNto"):
        entry: dict[str, object] = {}
        sink = io.StringIO()
        try:
            with redirect_stdout(sink), redirect_stderr(sink):
                module = importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - record why a module does not import there
            entry["imports"] = False
            entry["error"] = f"{type(exc).__name__}: {exc}"
        else:
            entry["imports"] = True
            names: dict[str, object] = {}
            qt: dict[str, int] = {}
            for n in star_names(module):
                value = getattr(module, n, None)
                origin = qt_origin(value)
                if origin is not None and not isinstance(value, types.ModuleType):
                    qt[origin] = qt.get(origin, 0) + 1
                else:
                    names[n] = describe(value)
            entry["names"] = names
            if qt:  # Qt's own names (thousands per UI module) are counted, not listed
                entry["qt_names"] = qt
        modules[name] = entry
    # one line per module: small enough to keep in the repository, readable in a diff
    head = {k: v for k, v in result.items() if k != "modules"}
    sys.stdout.write("{" + json.dumps(head, sort_keys=True)[1:-1] + ', "modules": {\n')
    lines = [f"{json.dumps(name)}: {json.dumps(modules[name], sort_keys=True)}" for name in sorted(modules)]
    sys.stdout.write(",\n".join(lines) + "\n}}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
