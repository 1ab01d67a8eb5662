"""Run a script *for real*, the way PymoNNto's evolution runs a slave script: for ``set_score``.

A script written for PymoNNto's evolution computes its score after ``simulate_iterations`` and
reports it with ``set_score(score)``; in build mode that code would see empty recordings. Here the
script runs top to bottom with its genes preset; each ``simulate_iterations`` call applies the run's
tag-path parameters (first call per network), seeds the simulation (first call) and steps the network
under the run's deadline, then the script goes on and sets its score. The score, the last network
built and the script's globals are returned. Windows (``Network_UI(...).show()``) are not opened.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import traceback
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.exceptions import ScriptError, ScriptRuntimeError, ScriptSyntaxError
from engine.model import network as network_module
from engine.model.genome import evolution_meta, preset_genes, reset_genome
from engine.runtime.limits import check_iterations
from engine.sweep.execution import RunFailed, RunTimeout, apply_settings, seed_everything, seed_pair, simulate
from engine.sweep.params import SweepError, is_gene

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = ["LiveOutcome", "run_live"]


@dataclass
class LiveOutcome:
    """What a live run left: the score it set (or None), its last network and its globals."""

    score: Any
    net: Network | None
    namespace: dict[str, Any]
    iterations: int


@contextlib.contextmanager
def _script_context(path: str) -> Iterator[types.ModuleType]:
    module = types.ModuleType("__main__")
    module.__file__ = path
    old_main, old_argv = sys.modules.get("__main__"), sys.argv
    folder = os.path.dirname(path)
    no_window = "studio.app" not in sys.modules  # never open a window from a worker
    sys.path.insert(0, folder)
    sys.argv = [path]
    sys.modules["__main__"] = module
    if no_window:
        sys.modules["studio.app"] = None  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # set_score prints; a sweep reads the row
            yield module
    finally:
        if no_window and sys.modules.get("studio.app", 0) is None:
            del sys.modules["studio.app"]
        sys.argv = old_argv
        if old_main is not None:
            sys.modules["__main__"] = old_main
        with contextlib.suppress(ValueError):
            sys.path.remove(folder)


def _user_line(exc: BaseException, path: str) -> tuple[int | None, str]:
    lineno, text = None, ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == path:
            lineno, text = frame.lineno, frame.line or ""
    return lineno, text


def run_live(
    script: str,
    params: Mapping[str, Any],
    seed: int,
    iterations: int | None = None,
    deadline: float | None = None,
) -> LiveOutcome:
    """Run ``script`` top to bottom with ``params`` and ``seed``; see the module docstring.

    ``iterations`` replaces the count of every ``simulate_iterations`` call. Raises
    :class:`~engine.exceptions.ScriptError` (at the script's line), :class:`RunFailed`,
    :class:`RunTimeout`, or :class:`~engine.sweep.params.SweepError` for a parameter that does not resolve.
    """
    path = os.path.abspath(script)
    try:
        with open(path, "rb") as handle:
            code = compile(handle.read(), path, "exec", dont_inherit=True)
    except OSError as exc:
        raise ScriptError(f"cannot read the script: {exc.strerror or exc}", path) from None
    except SyntaxError as exc:
        raise ScriptSyntaxError(f"SyntaxError: {exc.msg}", path, exc.lineno, exc.text or "", exc) from None
    genes = {k: v for k, v in params.items() if is_gene(k)}
    settings = {k: v for k, v in params.items() if not is_gene(k)}
    build_seed, sim_seed = seed_pair(seed)
    prepared: list[Network] = []
    stepped = [0]

    def handler(net: Network, count: Any, **options: Any) -> None:
        if not any(net is other for other in prepared):
            apply_settings(net, settings)
            if not prepared:
                seed_everything(sim_seed)
            prepared.append(net)
        if iterations is not None:
            count = iterations
        elif isinstance(count, str):
            count = net._time_to_iterations(count)
        n = check_iterations(count, "simulate_iterations", allow_zero=True)
        simulate(net, n, deadline)
        stepped[0] += n

    seed_everything(build_seed)
    with (
        preset_genes(genes),
        _script_context(path) as module,
        network_module.collect_networks() as networks,
        network_module.intercept_simulation(handler),
    ):
        reset_genome()
        try:
            exec(code, module.__dict__)
        except (RunFailed, RunTimeout, ScriptError, SweepError, KeyboardInterrupt):
            raise
        except SystemExit as exc:
            if exc.code not in (None, 0):
                raise ScriptError(f"the script called sys.exit({exc.code!r})", path) from None
        except Exception as exc:  # noqa: BLE001 - becomes an error at the script's line
            lineno, text = _user_line(exc, path)
            raise ScriptRuntimeError(f"{type(exc).__name__}: {exc}", path, lineno, text, exc) from None
        score = evolution_meta()["score"]
    return LiveOutcome(score, networks[-1] if networks else None, dict(module.__dict__), stepped[0])
