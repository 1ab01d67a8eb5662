"""Load a user script in *build mode*: run it to build its Network(s) without simulating them.

While :func:`load_script` runs a script (in the calling thread):

* ``Network.simulate_iterations(n)`` is recorded, not executed (``result.requested_iterations``);
* matplotlib, if the script imports it, uses the non-interactive Agg backend, so ``plt.show()``
  returns at once (matplotlib is never imported on the script's behalf);
* ``Network_UI(net, ...).show()`` hands ``net`` over (``result.network``) instead of opening a window;
* the script's folder is first on ``sys.path`` and its project root (:mod:`engine.io.projects`) last,
  so ``from MyProject.behaviors import *`` works as in PymoNNto; ``sys.argv`` is ``[path, *argv]``;
  ``__name__`` is ``'__main__'``; the genome store is reset first;
* modules the script imports from its folder or its project root are forgotten afterwards (and no
  bytecode is cached for them meanwhile), so the next load of the script sees edits to them;
* ``input()`` raises :class:`ScriptInputError`; ``sys.exit(0)`` ends the script normally, another
  exit code raises :class:`ScriptExitError`;
* its stdout/stderr are captured (only the writes of this thread; other threads print normally).

Code after a deferred ``simulate_iterations`` usually analyses results that do not exist yet (plots of
empty recordings). An exception there does not fail the load: it ends the script and is reported in
``result.deferred_error`` (pass ``strict=True`` to raise instead). Any other exception becomes a
:class:`ScriptError` carrying the script's line number.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import io
import os
import sys
import threading
import traceback
import types
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from engine.exceptions import (  # noqa: F401 (re-exported)
    NoNetworkError,
    ScriptError,
    ScriptExitError,
    ScriptImportError,
    ScriptInputError,
    ScriptRuntimeError,
    ScriptSyntaxError,
)
from engine.io.projects import forget_project_modules, project_root

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = [
    "load_script",
    "ScriptResult",
    "ScriptError",
    "ScriptSyntaxError",
    "ScriptImportError",
    "ScriptRuntimeError",
    "ScriptExitError",
    "ScriptInputError",
    "NoNetworkError",
    "SimulationRequest",
    "UIRequest",
    "hand_over",
    "in_build_mode",
]

_BUILD_LOCK = threading.RLock()  # sys.path, sys.argv, sys.modules['__main__'] are process-wide
_local = threading.local()
_MAX_CAPTURE = 1 << 20  # keep at most the last 1 MiB of captured output


# ------------------------------------------------------------------------------------------- result
@dataclass
class SimulationRequest:
    """One deferred ``simulate_iterations`` call."""

    network: Network
    iterations: Any
    lineno: int | None = None
    #: the call's other arguments (batch_size, measure_block_time, disable_recording, ...)
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class UIRequest:
    """One ``Network_UI(...)`` / ``.show()`` hand-over."""

    network: Network
    title: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScriptResult:
    """What a script built.

    Attributes
    ----------
    path: absolute path of the script.
    networks: every Network constructed while the script ran, in order.
    namespace: the script's globals after it ran.
    stdout, stderr: text the script printed.
    simulation_requests / requested_iterations: the deferred ``simulate_iterations`` calls.
    ui_requests: ``Network_UI`` hand-overs.
    deferred_error: a ScriptError raised after a deferred simulation (the rest of the script was
        skipped), or None.
    exit_code: the code of a ``sys.exit()`` that ended the script, or None.
    docstring: the script's module docstring.
    """

    path: str
    networks: list[Network]
    namespace: dict[str, Any]
    stdout: str = ""
    stderr: str = ""
    simulation_requests: list[SimulationRequest] = field(default_factory=list)
    ui_requests: list[UIRequest] = field(default_factory=list)
    deferred_error: ScriptError | None = None
    exit_code: str | int | None = None
    docstring: str | None = None
    module: types.ModuleType | None = field(default=None, repr=False)

    @property
    def network(self) -> Network | None:
        """The network handed to ``Network_UI`` (the last one), else the last network built."""
        if self.ui_requests:
            return self.ui_requests[-1].network
        return self.networks[-1] if self.networks else None

    @property
    def requested_iterations(self) -> list[Any]:
        """Iteration counts of the deferred ``simulate_iterations`` calls, in order."""
        return [r.iterations for r in self.simulation_requests]

    @property
    def title(self) -> str:
        """The ``Network_UI`` title, else the first docstring line (minus ``Title:``), else the file name."""
        for req in reversed(self.ui_requests):
            if req.title:
                return str(req.title)
        first = (self.docstring or "").strip().splitlines()[:1]
        if first and first[0].strip():
            text = first[0].strip()
            return text[6:].strip() if text.lower().startswith("title:") else text
        return os.path.splitext(os.path.basename(self.path))[0]


# ------------------------------------------------------------------------------------------- build context
class _Build:
    def __init__(self, path: str) -> None:
        self.path = path
        self.simulations: list[SimulationRequest] = []
        self.ui: list[UIRequest] = []


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


def _script_line(build: _Build) -> int | None:
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == build.path:
            return frame.f_lineno
        frame = frame.f_back
    return None


class _ThreadCapture(io.TextIOBase):
    """Replaces sys.stdout/sys.stderr: writes of one thread go to a buffer, others pass through."""

    def __init__(self, original: TextIO | None, thread_id: int, echo: bool) -> None:
        self._original, self._thread, self._echo = original, thread_id, echo
        self._chunks: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        if threading.get_ident() != self._thread:
            return self._original.write(text) if self._original else len(text)
        self._chunks.append(text)
        self._size += len(text)
        while self._size > _MAX_CAPTURE and len(self._chunks) > 1:
            self._size -= len(self._chunks.pop(0))
        if self._echo and self._original is not None:
            self._original.write(text)
        return len(text)

    def flush(self) -> None:
        if self._original is not None:
            self._original.flush()

    def getvalue(self) -> str:
        return "".join(self._chunks)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


@contextlib.contextmanager
def _patched(obj: object, name: str, value: object) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _no_input(thread_id: int, original: Callable[[str], str]) -> Callable[[str], str]:
    def input(prompt: str = "") -> str:  # noqa: A001 - replaces the builtin while building
        if threading.get_ident() != thread_id:
            return original(prompt)
        raise ScriptInputError(
            "the script called input(); scripts opened in the studio cannot read from "
            "the terminal. Replace input() by a constant or a command-line argument "
            "(sys.argv)."
        )

    return input


@contextlib.contextmanager
def _matplotlib_headless() -> Iterator[None]:
    """Agg for scripts that import matplotlib during the build; never imports it ourselves."""
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


# ------------------------------------------------------------------------------------------- errors → lines
def _locate(
    exc: BaseException, path: str, root: str | None = None
) -> tuple[int | None, str, traceback.FrameSummary | None]:
    """(script lineno, script line text, innermost user frame outside the script or None).

    A user frame is one in the script's folder or, for a project, below its root.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    lineno, text, inner = None, "", None
    for fr in frames:
        if fr.filename == path:
            lineno, text, inner = fr.lineno, fr.line or "", None
        elif lineno is not None and _is_user_file(fr.filename, path, root):
            inner = fr
    if lineno is None and isinstance(exc, SyntaxError) and exc.filename == path:
        lineno, text = exc.lineno, exc.text or ""
    return lineno, text, inner


def _is_user_file(filename: str, path: str, root: str | None) -> bool:
    where = os.path.abspath(filename)
    if os.path.dirname(where) == os.path.dirname(path):
        return True
    return root is not None and where.startswith(root + os.sep) and "site-packages" not in where


def _script_traceback(exc: BaseException, path: str) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))


def _convert(exc: BaseException, path: str, root: str | None = None) -> ScriptError:
    lineno, text, inner = _locate(exc, path, root)
    tb_text = _script_traceback(exc, path)
    if isinstance(exc, ScriptError):
        exc.path, exc.lineno = path, lineno
        return type(exc)(exc.message, path, lineno, text, exc.exception or exc, tb_text)
    if isinstance(exc, ModuleNotFoundError):
        name = exc.name or str(exc)
        if name.split(".")[0] == "PymoNNto":
            what = "a PymoNNto module that mnn-studio's compat package does not provide"
        else:
            what = "which is not installed"
        return ScriptImportError(
            f"the script imports '{name}', {what} (No module named '{name}')",
            path,
            lineno,
            text,
            exc,
            tb_text,
        )
    msg = f"{type(exc).__name__}: {exc}"
    if inner is not None:
        msg += f" (in {os.path.basename(inner.filename)}, line {inner.lineno})"
    return ScriptRuntimeError(msg, path, lineno, text, exc, tb_text)


# ------------------------------------------------------------------------------------------- main entry
def load_script(
    path: str,
    argv: Sequence[str] = (),
    *,
    source: str | None = None,
    echo: bool = False,
    chdir: bool = False,
    strict: bool = False,
) -> ScriptResult:
    """Run the script at ``path`` in build mode and return what it built.

    Parameters
    ----------
    path: the script file (also the name used in tracebacks when ``source`` is given).
    argv: extra command-line arguments (``sys.argv[1:]`` for the script).
    source: run this text instead of reading ``path`` (e.g. an unsaved editor buffer).
    echo: also print the script's output to the real stdout/stderr.
    chdir: run with the script's folder as working directory (process-wide: not while other threads
        depend on the working directory).
    strict: raise also for errors after a deferred ``simulate_iterations`` (see module docstring).

    Raises
    ------
    ScriptError: a subclass naming the script line (syntax error, missing module, exception,
        ``input()``, ``sys.exit(n != 0)``, no Network built).
    """
    path = os.path.abspath(os.fspath(path))
    if source is None:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            raise ScriptError(f"cannot read the script: {exc.strerror or exc}", path) from None
        source_text: str | bytes = raw
    else:
        source_text = source
    try:
        code = compile(source_text, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise ScriptSyntaxError(
            f"{type(exc).__name__}: {exc.msg}", path, exc.lineno, exc.text or "", exc
        ) from None
    except ValueError as exc:  # null bytes and the like
        raise ScriptSyntaxError(f"the file is not a Python script ({exc})", path) from None
    with _BUILD_LOCK:
        root = project_root(path, source_text)
        return _run(code, path, root, list(argv), echo, chdir, strict)


def _run(
    code: types.CodeType,
    path: str,
    root: str | None,
    argv: list[str],
    echo: bool,
    chdir: bool,
    strict: bool,
) -> ScriptResult:
    from engine.model import genome
    from engine.model import network as network_module

    folder = os.path.dirname(path)
    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = builtins  # type: ignore[attr-defined]
    namespace = module.__dict__
    build = _Build(path)
    me = threading.get_ident()
    out = _ThreadCapture(sys.stdout, me, echo)
    err = _ThreadCapture(sys.stderr, me, echo)
    modules_before = set(sys.modules)
    old_main, old_argv, old_cwd = sys.modules.get("__main__"), sys.argv, os.getcwd()

    def defer(net: Network, iterations: Any, **options: Any) -> None:
        build.simulations.append(SimulationRequest(net, iterations, _script_line(build), dict(options)))
        return None

    genome.reset_genome()
    _local.builds = getattr(_local, "builds", []) + [build]
    sys.path.insert(0, folder)
    added_root = root is not None and root not in sys.path
    if added_root:
        sys.path.append(str(root))
    old_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    importlib.invalidate_caches()  # files created since the last load are seen
    sys.argv = [path] + argv
    sys.modules["__main__"] = module
    failure: BaseException | None = None
    exit_code = None
    try:
        if chdir:
            os.chdir(folder)
        with (
            network_module.collect_networks() as networks,
            network_module.intercept_simulation(defer),
            _patched(sys, "stdout", out),
            _patched(sys, "stderr", err),
            _patched(builtins, "input", _no_input(me, builtins.input)),
            _matplotlib_headless(),
        ):
            try:
                exec(code, namespace)
            except SystemExit as exc:
                exit_code = exc.code
                if exc.code not in (None, 0):
                    failure = ScriptExitError(
                        f"the script called sys.exit({exc.code!r})", path, exception=exc
                    )
                    failure.__traceback__ = exc.__traceback__
            except Exception as exc:  # noqa: BLE001 - converted to a ScriptError below
                failure = exc
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

    result = ScriptResult(
        path,
        list(networks),
        namespace,
        out.getvalue(),
        err.getvalue(),
        build.simulations,
        build.ui,
        None,
        exit_code,
        namespace.get("__doc__"),
        module,
    )
    for req in build.ui:
        if not any(req.network is n for n in result.networks):
            result.networks.append(req.network)
    if failure is not None:
        converted = (
            failure if isinstance(failure, ScriptError) and failure.lineno else _convert(failure, path, root)
        )
        if build.simulations and result.networks and not strict and not isinstance(failure, ScriptExitError):
            result.deferred_error = converted
        else:
            raise converted from (failure if failure is not converted else None)
    if not result.networks:
        raise NoNetworkError(
            "the script ran but built no Network. A script for the studio must create one, "
            "e.g. net = Network(), add NeuronGroups and call net.initialize()",
            path,
        )
    return result
