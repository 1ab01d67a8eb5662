"""Loading a user script into a network, with errors turned into readable messages."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: File suffixes accepted as Python scripts.
PYTHON_SUFFIXES = (".py", ".pyw")


class ScriptLoadError(Exception):
    """A script could not be turned into a network; ``str(err)`` is the message to show."""

    def __init__(
        self, message: str, path: Path | None = None, line: int | None = None, details: str = ""
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.details = details


@dataclass
class LoadedNetwork:
    """A network built by a script (or handed over directly) and what we know about it."""

    network: Any
    script: Path | None = None
    title: str = "network"
    requested_iterations: int | None = None
    stdout: str = ""
    networks: list = field(default_factory=list)
    namespace: dict = field(default_factory=dict, repr=False)


def script_title(path: Path) -> str:
    """First line of the script's module docstring, else the file name."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        doc = None
    if doc:
        first = doc.strip().splitlines()[0].strip()
        if first:
            return first
    return path.name


def check_script_path(path: str | Path) -> Path:
    """Validate a script path: it exists, is a file, has a Python suffix and is text."""
    p = Path(path).expanduser()
    if not p.exists():
        raise ScriptLoadError(f"Script not found: {p}", path=p)
    if not p.is_file():
        raise ScriptLoadError(f"Not a file: {p}", path=p)
    if p.suffix.lower() not in PYTHON_SUFFIXES:
        raise ScriptLoadError(f"Not a Python script (expected a .py file): {p.name}", path=p)
    try:
        p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScriptLoadError(f"Not a Python script (the file is not UTF-8 text): {p.name}", path=p)
    except OSError as exc:
        raise ScriptLoadError(f"Cannot read {p}: {exc}", path=p)
    return p.resolve()


def _requested(result: Any) -> int | None:
    """Total of the script's deferred ``simulate_iterations`` calls, when the loader reports it."""
    for name in ("requested_iterations", "iterations", "simulate_calls"):
        value = getattr(result, name, None)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            total = 0
            for item in value:
                try:
                    total += int(item if not isinstance(item, (list, tuple)) else item[0])
                except (TypeError, ValueError):
                    continue
            return total or None
        try:
            return int(value) or None
        except (TypeError, ValueError):
            continue
    return None


def load_network_script(path: str | Path) -> LoadedNetwork:
    """Run a script in build mode (engine.io.scripts) and return the network it built.

    Raises
    ------
    ScriptLoadError
        For a missing / non-Python path, a script that raises (the message names its line) and
        a script that builds no network.
    """
    p = check_script_path(path)
    from engine.io import scripts  # late: keeps ``import studio.core.script_loading`` light

    script_error = getattr(scripts, "ScriptError", ())
    try:
        result = scripts.load_script(str(p))
    except script_error as exc:  # type: ignore[misc]
        raise ScriptLoadError(
            str(exc), path=p, line=getattr(exc, "lineno", None), details=getattr(exc, "traceback", "") or ""
        )
    except Exception as exc:  # noqa: BLE001 - anything a user script does is reported, not fatal
        raise ScriptLoadError(f"{p.name}: {type(exc).__name__}: {exc}", path=p)
    nets = list(getattr(result, "networks", None) or [])
    net = getattr(result, "network", None) or (nets[-1] if nets else None)
    if net is None:
        raise ScriptLoadError(f"{p.name} ran, but it builds no Network.", path=p)
    return LoadedNetwork(
        network=net,
        script=p,
        title=str(getattr(result, "title", "") or script_title(p)),
        requested_iterations=_requested(result),
        stdout=str(getattr(result, "stdout", "") or ""),
        networks=nets or [net],
        namespace=dict(getattr(result, "namespace", None) or {}),
    )
