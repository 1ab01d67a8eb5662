"""Load a user script in *build mode*: run it to build its Network(s) without simulating them.

While :func:`load_script` runs a script (in the calling thread; the environment is
:func:`engine.io.script_sandbox.script_environment`):

* ``Network.simulate_iterations(n)`` is recorded, not executed (``result.requested_iterations``);
* matplotlib, if the script imports it, uses the non-interactive Agg backend, so ``plt.show()``
  returns at once (matplotlib is never imported on the script's behalf);
* ``Network_UI(net, ...).show()`` hands ``net`` over (``result.network``) instead of opening a window;
* the script's folder is first on ``sys.path`` and its project root (:mod:`engine.io.projects`) last,
  so ``from MyProject.behaviors import *`` works as in PymoNNto; ``sys.argv`` is ``[path, *argv]``;
  ``__name__`` is ``'__main__'``; the genome store is reset first;
* modules the script imports from its folder or its project root are forgotten afterwards (and no
  bytecode is cached for them meanwhile), so the next load of the script sees edits to them;
* stdin is closed: ``input()``, ``sys.stdin.readline()`` / ``read()`` / iteration raise
  :class:`ScriptInputError` naming the line (a script waiting for the terminal would hang the caller);
* ``sys.exit(0)`` ends the script normally, another exit code raises :class:`ScriptExitError`;
* its stdout/stderr are captured (only the writes of this thread; other threads print normally).

Code after a deferred ``simulate_iterations`` usually analyses results that do not exist yet (plots of
empty recordings). By default it still runs at once; an exception there does not fail the load: it ends
the script and is reported in ``result.deferred_error`` (pass ``strict=True`` to raise instead). With
``defer_rest=True`` the script runs only up to its first top-level ``simulate_iterations`` statement
and the rest is kept, unrun, as ``result.analysis`` (:class:`engine.io.script_rest.ScriptAnalysis`):
run it once the iterations have run. When the call sits in a loop, a ``with``/``try`` block or a
function, the rest cannot be cut off: the script runs whole and ``result.analysis_note`` says so.

Any other exception (``KeyboardInterrupt`` included) becomes a :class:`ScriptError` carrying the
script's line number.
"""

from __future__ import annotations

import builtins
import os
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from engine.exceptions import (  # noqa: F401 (re-exported)
    NoNetworkError,
    ScriptError,
    ScriptExitError,
    ScriptImportError,
    ScriptInputError,
    ScriptRuntimeError,
    ScriptSyntaxError,
)
from engine.io.projects import project_root
from engine.io.script_errors import convert_error
from engine.io.script_figures import open_figures
from engine.io.script_rest import AnalysisOutcome, ScriptAnalysis
from engine.io.script_result import ScriptResult, SimulationRequest, UIRequest
from engine.io.script_sandbox import (
    BUILD_LOCK,
    Build,
    hand_over,
    in_build_mode,
    script_environment,
    script_line,
)
from engine.io.script_split import ScriptSplit, split_script

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = [
    "load_script",
    "ScriptResult",
    "ScriptAnalysis",
    "AnalysisOutcome",
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


def _read(path: str, source: str | None) -> str | bytes:
    if source is not None:
        return source
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ScriptError(f"cannot read the script: {exc.strerror or exc}", path) from None


def _compile(source_text: str | bytes, path: str, defer_rest: bool) -> ScriptSplit:
    try:
        if defer_rest:
            return split_script(source_text, path)
        return ScriptSplit(compile(source_text, path, "exec", dont_inherit=True))
    except SyntaxError as exc:
        raise ScriptSyntaxError(
            f"{type(exc).__name__}: {exc.msg}", path, exc.lineno, exc.text or "", exc
        ) from None
    except ValueError as exc:  # null bytes and the like
        raise ScriptSyntaxError(f"the file is not a Python script ({exc})", path) from None


def load_script(
    path: str,
    argv: Sequence[str] = (),
    *,
    source: str | None = None,
    echo: bool = False,
    chdir: bool = False,
    strict: bool = False,
    defer_rest: bool = False,
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
    defer_rest: stop after the first top-level ``simulate_iterations`` statement and keep the rest as
        ``result.analysis`` (see module docstring).

    Raises
    ------
    ScriptError: a subclass naming the script line (syntax error, missing module, exception,
        ``input()`` or a read of stdin, ``sys.exit(n != 0)``, no Network built).
    """
    path = os.path.abspath(os.fspath(path))
    source_text = _read(path, source)
    split = _compile(source_text, path, defer_rest)
    with BUILD_LOCK:
        root = project_root(path, source_text)
        before = open_figures()
        result = _run(split.head, path, root, list(argv), echo, chdir, strict)
        drawn = [fig for fig in open_figures() if not any(fig is b for b in before)]
    if defer_rest:
        _attach_rest(result, split, root, list(argv), chdir, drawn)
    return result


def _attach_rest(
    result: ScriptResult, split: ScriptSplit, root: str | None, argv: list[str], chdir: bool, drawn: list[Any]
) -> None:
    if split.rest is not None and result.deferred_error is None and result.module is not None:
        result.analysis = ScriptAnalysis(
            result.path,
            split.rest,
            split.rest_first_line,
            split.rest_last_line,
            result.module,
            result.network,
            root,
            argv,
            chdir,
            head_figures=drawn,
        )
        return
    if split.note:
        result.analysis_note = split.note
    elif result.simulation_requests and not split.simulate_line:
        line = result.simulation_requests[0].lineno
        result.analysis_note = (
            f"simulate_iterations is called from a function (line {line}): the code after it ran at "
            "once while the script was loaded, before any iteration; it could not be deferred"
        )


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

    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = builtins  # type: ignore[attr-defined]
    namespace = module.__dict__
    build = Build(path)

    def defer(net: Network, iterations: Any, **options: Any) -> None:
        build.simulations.append(SimulationRequest(net, iterations, script_line(path), dict(options)))
        return None

    genome.reset_genome()
    failure: BaseException | None = None
    exit_code = None
    with script_environment(build, module, root, argv, defer, echo=echo, chdir=chdir):
        try:
            exec(code, namespace)
        except SystemExit as exc:
            exit_code = exc.code
            if exc.code not in (None, 0):
                failure = ScriptExitError(f"the script called sys.exit({exc.code!r})", path, exception=exc)
                failure.__traceback__ = exc.__traceback__
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - converted to a ScriptError below
            failure = exc

    result = ScriptResult(
        path,
        list(build.networks),
        namespace,
        build.stdout,
        build.stderr,
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
            failure
            if isinstance(failure, ScriptError) and failure.lineno
            else convert_error(failure, path, root)
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
