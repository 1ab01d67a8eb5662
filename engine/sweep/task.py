"""One sweep run as a Dask task: :class:`RunSpec` in, a small result row (a flat dict) out.

:func:`execute` never raises for what a run does wrong: a script error, a behavior that raises, a run
past its time limit, a parameter that does not resolve or a metric that fails each give a row with
``error`` (the message) and ``error_kind``. The row is small (numbers and short strings), so a sweep
of thousands of runs sends almost nothing back.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from engine.exceptions import ScriptError
from engine.sweep.bundle import materialize
from engine.sweep.execution import RunFailed, RunTimeout, prepare_run, simulate
from engine.sweep.live import run_live
from engine.sweep.metrics import SCORE, MetricError, as_number, evaluate_metrics, fingerprint
from engine.sweep.params import SweepError, param_key
from engine.sweep.watchdog import Watchdog

__all__ = ["RunSpec", "execute", "execute_bundled", "FIXED_COLUMNS", "TAIL_COLUMNS", "error_row"]

#: the columns every row has (parameters and metrics come between ``seed`` and ``iterations``)
FIXED_COLUMNS = ("run", "key", "repeat", "seed")
#: how long after its time limit a run stuck outside the stepping loop is interrupted
_GRACE_S = 1.0
TAIL_COLUMNS = ("iterations", "duration_s", "fingerprint", "error_kind", "error", "host")


@dataclass(frozen=True)
class RunSpec:
    """Everything one run needs; picklable, so it travels to a Dask worker as is.

    ``params``: gene names and tag paths with their values. ``metrics``: expressions over ``net``,
    or ``'score'`` for the value the script reports with ``set_score`` (then the script runs live,
    see :mod:`engine.sweep.live`). ``timeout``: seconds for the whole run (None: no limit).
    ``bundle``: the zipped script folder for workers that cannot see the path (or None).
    ``extra``: more columns for the row (an evolution's generation and individual).
    """

    script: str
    params: Mapping[str, Any]
    seed: int
    index: int = 0
    repeat: int = 0
    iterations: int | None = None
    metrics: tuple[str, ...] = ()
    timeout: float | None = None
    bundle: bytes | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The run's identity in a results file (parameters and seed)."""
        return param_key(self.params, self.seed)

    @property
    def live(self) -> bool:
        return SCORE in self.metrics


def base_row(spec: RunSpec) -> dict[str, Any]:
    row: dict[str, Any] = {"run": spec.index, "key": spec.key, "repeat": spec.repeat, "seed": spec.seed}
    row.update(spec.extra)
    row.update(spec.params)
    row.update({m: None for m in spec.metrics})
    row.update(iterations=None, duration_s=None, fingerprint="", error_kind="", error="", host="")
    return row


def error_row(spec: RunSpec, kind: str, message: str, duration: float | None = None) -> dict[str, Any]:
    """The row of a run that did not give results (also built by the driver for a killed worker)."""
    row = base_row(spec)
    row.update(error_kind=kind, error=message, duration_s=duration)
    return row


def _classify(exc: BaseException) -> str:
    if isinstance(exc, RunTimeout):
        return "timeout"
    if isinstance(exc, MetricError):
        return "metric"
    if isinstance(exc, ScriptError):
        return "script"
    if isinstance(exc, RunFailed):
        return "run"
    if isinstance(exc, SweepError):
        return "parameter"
    return "error"


def execute(spec: RunSpec) -> dict[str, Any]:
    """Run one spec and return its row (see the module docstring)."""
    start = time.perf_counter()
    deadline = time.monotonic() + spec.timeout if spec.timeout else None
    row = base_row(spec)
    row["host"] = f"{socket.gethostname()}:{os.getpid()}"
    watchdog = Watchdog(spec.timeout + _GRACE_S) if spec.timeout else None
    try:
        with watchdog if watchdog is not None else contextlib.nullcontext():
            script = materialize(spec.script, spec.bundle)
            if spec.live:
                outcome = run_live(script, spec.params, spec.seed, spec.iterations, deadline)
                if outcome.net is None and len(spec.metrics) > 1:
                    raise MetricError("the script built no Network, so only 'score' can be measured")
                values = evaluate_metrics(spec.metrics, outcome.net, outcome.namespace) if outcome.net else {}
                if outcome.score is None:
                    raise MetricError("the script set no score: call set_score(value) after the run")
                values[SCORE] = as_number(outcome.score, SCORE)
                net, iterations = outcome.net, outcome.iterations
            else:
                prepared = prepare_run(script, spec.params, spec.seed, spec.iterations)
                simulate(prepared.net, prepared.iterations, deadline)
                values = evaluate_metrics(spec.metrics, prepared.net, prepared.result.namespace)
                net, iterations = prepared.net, prepared.iterations
            row.update(values)
            row.update(iterations=iterations, fingerprint=fingerprint(net) if net is not None else "")
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure is a row, never the end of the sweep
        if isinstance(exc, ScriptError) and isinstance(exc.exception, RunTimeout):
            exc = exc.exception  # the watchdog stopped the script while it built
        row.update(error_kind=_classify(exc), error=str(exc).strip() or type(exc).__name__)
    finally:
        if watchdog is not None:
            watchdog.disarm()
    row["duration_s"] = round(time.perf_counter() - start, 6)
    return row


def execute_bundled(spec: RunSpec, bundle: bytes | None) -> dict[str, Any]:
    """:func:`execute` with the script folder's bundle passed separately (scattered once per worker)."""
    return execute(replace(spec, bundle=bundle))
