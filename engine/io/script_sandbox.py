"""The process state a script runs in while it builds (build mode) and while its rest runs.

:func:`script_environment` sets it up and restores it: the script's folder first on ``sys.path``
and its project root last, ``sys.argv``, ``sys.modules['__main__']``, no bytecode cache, optionally
the working directory; captured stdout/stderr, a closed stdin and a refusing ``input()`` (for the
calling thread only); matplotlib's Agg backend; ``simulate_iterations`` intercepted; every Network
constructed collected; ``Network_UI(...).show()`` handed over (:func:`hand_over`). Afterwards it
forgets the modules imported from the script's folder or project root (the next load sees edits).
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import os
import sys
import threading
import types
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.io.projects import forget_project_modules
from engine.io.script_result import SimulationRequest, UIRequest
from engine.io.script_streams import ClosedStdin, ThreadCapture, no_input

if TYPE_CHECKING:
    from engine.model.network import Network, SimulationHandler

__all__ = ["BUILD_LOCK", "Build", "in_build_mode", "hand_over", "script_line", "script_environment"]

BUILD_LOCK = threading.RLock()  # sys.path, sys.argv, sys.modules['__main__'] are process-wide
_local = threading.local()


@dataclass
class Build:
    """What one run of script code asked for, and what it printed."""

    path: str
    simulations: list[SimulationRequest] = field(default_factory=list)
    ui: list[UIRequest] = field(default_factory=list)
    networks: list[Network] = field(default_factory=list)
    out: ThreadCapture | None = None
    err: ThreadCapture | None = None

    @property
    def stdout(self) -> str:
        """What the script printed to stdout."""
        return self.out.getvalue() if self.out is not None else ""

    @property
    def stderr(self) -> str:
        """What the script printed to stderr."""
        return self.err.getvalue() if self.err is not None else ""


def in_build_mode() -> bool:
    """Whether the calling thread is running a script under :func:`load_script`."""
    return bool(getattr(_local, "builds", None))


def hand_over(network: Network, title: str | None = None, **options: Any) -> bool:
    """Called by ``Network_UI.show()``: in build mode record the hand-over and return True; otherwise
    return False (the caller then opens the studio)."""
    builds = getattr(_local, "builds", None)
    if not builds:
        return False
    builds[-1].ui.append(UIRequest(network, title, dict(options)))
    return True


def script_line(path: str) -> int | None:
    """The line of the innermost frame of the calling stack that runs the script at ``path``."""
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == path:
            return frame.f_lineno
        frame = frame.f_back
    return None


@contextlib.contextmanager
def _patched(obj: object, name: str, value: object) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


@contextlib.contextmanager
def matplotlib_headless() -> Iterator[None]:
    """Agg for scripts that import matplotlib; never imports it ourselves."""
    old_env = os.environ.get("MPLBACKEND")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if "matplotlib" not in sys.modules:
        os.environ["MPLBACKEND"] = "Agg"
    elif pyplot is None:
        sys.modules["matplotlib"].use("Agg")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*non-interactive.*cannot be shown")
        warnings.filterwarnings("ignore", message=".*Matplotlib is currently using agg.*")
        try:
            if pyplot is not None:  # already imported with some backend: make show() a no-op
                with _patched(pyplot, "show", lambda *a, **k: None):
                    yield
            else:
                yield
        finally:
            if old_env is None:
                os.environ.pop("MPLBACKEND", None)
            else:
                os.environ["MPLBACKEND"] = old_env


@contextlib.contextmanager
def script_environment(
    build: Build,
    module: types.ModuleType,
    root: str | None,
    argv: list[str],
    simulate: SimulationHandler | None,
    *,
    echo: bool = False,
    chdir: bool = False,
) -> Iterator[Build]:
    """Run the body as the script ``build.path`` (see the module docstring); hold :data:`BUILD_LOCK`.

    ``simulate`` handles ``simulate_iterations`` calls (None: they simulate). ``build`` receives the
    networks constructed, the hand-overs and the captured output.
    """
    from engine.model import network as network_module

    path = build.path
    folder = os.path.dirname(path)
    me = threading.get_ident()
    build.out = ThreadCapture(sys.stdout, me, echo)
    build.err = ThreadCapture(sys.stderr, me, echo)
    with BUILD_LOCK:
        modules_before = set(sys.modules)
        old_main, old_argv, old_cwd = sys.modules.get("__main__"), sys.argv, os.getcwd()
        _local.builds = getattr(_local, "builds", []) + [build]
        sys.path.insert(0, folder)
        added_root = root is not None and root not in sys.path
        if added_root:
            sys.path.append(str(root))
        old_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
        importlib.invalidate_caches()  # files created since the last load are seen
        sys.argv = [path] + argv
        sys.modules["__main__"] = module
        try:
            if chdir:
                os.chdir(folder)
            with (
                network_module.collect_networks() as networks,
                network_module.intercept_simulation(simulate),
                _patched(sys, "stdout", build.out),
                _patched(sys, "stderr", build.err),
                _patched(sys, "stdin", ClosedStdin(sys.stdin, me)),
                _patched(builtins, "input", no_input(me, builtins.input)),
                matplotlib_headless(),
            ):
                build.networks = networks
                yield build
        finally:
            _local.builds = _local.builds[:-1]
            sys.argv = old_argv
            if old_main is not None:
                sys.modules["__main__"] = old_main
            with contextlib.suppress(ValueError):
                sys.path.remove(folder)
            if added_root:
                with contextlib.suppress(ValueError):
                    sys.path.remove(str(root))
            sys.dont_write_bytecode = old_bytecode
            if chdir:
                os.chdir(old_cwd)
            forget_project_modules(modules_before, [folder] + ([root] if root else []))
