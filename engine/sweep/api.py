"""``sweep(script, grid=..., metric=...)``: the Python API of parameter sweeps (the CLI and dock use it)."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from engine.runtime.limits import check_iterations
from engine.sweep.driver import Progress, SweepRows, run_specs
from engine.sweep.metrics import SCORE
from engine.sweep.params import SweepError, grid_points, random_points, run_seeds
from engine.sweep.task import RunSpec

__all__ = ["sweep", "plan_runs", "to_frame"]


def _metrics(metric: str | Sequence[str] | None) -> tuple[str, ...]:
    if metric is None:
        return (SCORE,)
    items = (metric,) if isinstance(metric, str) else tuple(metric)
    items = tuple(m.strip() for m in items)
    if not items or any(not m for m in items):
        raise SweepError("give at least one non-empty metric expression (or 'score' for set_score)")
    return items


def plan_runs(
    script: str,
    grid: Mapping[str, Sequence[Any]] | None = None,
    random: Mapping[str, tuple[float, float]] | None = None,
    samples: int = 10,
    metric: str | Sequence[str] | None = None,
    repeats: int = 1,
    seed: int = 0,
    iterations: int | None = None,
    timeout: float | None = None,
) -> list[RunSpec]:
    """The runs of a sweep, in order: every parameter point times every repeat (seed per repeat)."""
    path = os.path.abspath(os.fspath(script))
    if not os.path.isfile(path):
        raise SweepError(f"the script {script} does not exist")
    if iterations is not None:
        iterations = check_iterations(iterations, "iterations")
    if timeout is not None and not timeout > 0:
        raise SweepError(f"timeout must be a positive number of seconds, got {timeout!r}")
    points = grid_points(grid or {}) + random_points(random or {}, samples, seed)
    if not points:
        raise SweepError("the sweep is empty: give grid={path: [values]} or random={path: (low, high)}")
    metrics = _metrics(metric)
    seeds = run_seeds(seed, repeats)
    return [
        RunSpec(path, dict(point), seeds[r], j * repeats + r, r, iterations, metrics, timeout)
        for j, point in enumerate(points)
        for r in range(repeats)
    ]


def sweep(
    script: str,
    grid: Mapping[str, Sequence[Any]] | None = None,
    random: Mapping[str, tuple[float, float]] | None = None,
    samples: int = 10,
    metric: str | Sequence[str] | None = None,
    repeats: int = 1,
    seed: int = 0,
    iterations: int | None = None,
    client: Any = None,
    workers: int | None = None,
    scheduler: str | None = None,
    out: str | None = None,
    timeout: float | None = None,
    max_failures: int = 5,
    ship: bool | None = None,
    on_row: Callable[[dict[str, Any], Progress], None] | None = None,
    cancel: threading.Event | None = None,
    as_frame: bool = False,
) -> Any:
    """Run ``script`` for every parameter point and repeat, on Dask; return the result rows.

    Parameters
    ----------
    grid: ``{path: [values]}``, every combination is run; ``random``: ``{path: (low, high)}``,
        ``samples`` uniform draws. A path is a tag path (``'my_neurons.Basic_Behavior.threshold'``)
        or a gene name (``'I'`` for ``'[2#I]'`` placeholders and ``get_gene``).
    metric: one expression or several over ``net`` (``"len(net['spike.i', 0])"``); ``None`` or
        ``'score'``: the value the script reports with ``set_score`` (the script then runs live).
    repeats / seed: each parameter point runs ``repeats`` times with seeds derived from ``seed``.
    iterations: steps per run (default: what the script's ``simulate_iterations`` asked for).
    client / scheduler / workers: an existing ``distributed.Client``, a scheduler address, or the
        number of LocalCluster processes (default: the CPU count); ``workers=0`` runs in this process.
    out: a CSV file the rows stream into; a rerun skips the rows already there.
    timeout: seconds per run; max_failures: stop after this many identical errors (0: never).
    on_row(row, progress), cancel (a ``threading.Event``): for live displays.
    as_frame: return a pandas DataFrame (pandas must be installed).

    Returns a :class:`~engine.sweep.driver.SweepRows` (a list of dicts) unless ``as_frame``.
    """
    specs = plan_runs(script, grid, random, samples, metric, repeats, seed, iterations, timeout)
    rows = run_specs(
        specs,
        client=client,
        workers=workers,
        scheduler=scheduler,
        out=out,
        max_failures=max_failures,
        ship=ship,
        on_row=on_row,
        cancel=cancel,
    )
    return to_frame(rows) if as_frame else rows


def to_frame(rows: SweepRows) -> Any:
    """The rows as a pandas DataFrame; :class:`SweepError` if pandas is not installed."""
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise SweepError("as_frame=True needs pandas (pip install pandas); the rows are a list") from None
    return pandas.DataFrame(list(rows))
