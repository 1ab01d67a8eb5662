"""What the Sweep dialog and dock compute without widgets: the parameters the user touched, grid
suggestions, the sweep set-up, and metric-vs-parameter summaries (1-D means with error bars over
repeats, 2-D tables for a heat map)."""

from __future__ import annotations

import math
import numbers
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "SweepSetup",
    "touched_parameters",
    "suggest_values",
    "default_metric",
    "curve",
    "heat_map",
]


@dataclass
class SweepSetup:
    """Everything the dialog asks for; ``grid`` maps a tag path (or gene) to its values."""

    script: str
    grid: dict[str, list[Any]]
    metric: str
    repeats: int = 2
    iterations: int | None = None
    workers: int = 2
    seed: int = 0
    timeout: float | None = None
    out: str | None = None
    scheduler: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def touched_parameters(events: Iterable[Any]) -> dict[str, tuple[float, float]]:
    """``path -> (value before the first edit, value after the last edit)`` for every scalar number the
    user set (runner event log entries of kind ``'set_value'`` without an error), in first-edit order."""
    touched: dict[str, tuple[float, float]] = {}
    for event in events:
        if getattr(event, "kind", "") != "set_value" or getattr(event, "error", None):
            continue
        old, new = _number(event.old), _number(event.new)
        if new is None:
            continue
        first = touched[event.path][0] if event.path in touched else (old if old is not None else new)
        touched[event.path] = (first, new)
    return touched


def suggest_values(before: float, after: float, count: int = 5) -> list[float]:
    """``count`` values spanning what the user tried (before .. after), or ±20 % around one value."""
    low, high = min(before, after), max(before, after)
    if math.isclose(low, high):
        low, high = (low * 0.8, low * 1.2) if low else (-1.0, 1.0)
        low, high = min(low, high), max(low, high)
    if count < 2:
        return [after]
    step = (high - low) / (count - 1)
    return [float(f"{low + k * step:.6g}") for k in range(count)]


def default_metric(net: Any) -> str:
    """A metric to start from: the number of events of the first EventRecorder, else the iteration."""
    from engine.recording.recorders import EventRecorder

    for obj in [net, *getattr(net, "NeuronGroups", [])]:
        for behavior in getattr(obj, "behavior", {}).values():
            if isinstance(behavior, EventRecorder):
                variables = list(getattr(behavior, "variables", {}) or [])
                if variables:
                    return f"len(net['{variables[0]}.t', 0])"
    return "float(net.iteration)"


def _ok(rows: Iterable[dict[str, Any]], metric: str) -> list[dict[str, Any]]:
    return [r for r in rows if not r.get("error") and _number(r.get(metric)) is not None]


def curve(
    rows: Iterable[dict[str, Any]], param: str, metric: str
) -> tuple[list[float], list[float], list[float]]:
    """(x, mean, standard deviation over repeats) of ``metric`` against ``param``, sorted by x."""
    groups: dict[float, list[float]] = {}
    for row in _ok(rows, metric):
        x = _number(row.get(param))
        if x is not None:
            groups.setdefault(x, []).append(float(row[metric]))
    xs = sorted(groups)
    means = [statistics.fmean(groups[x]) for x in xs]
    sds = [statistics.stdev(groups[x]) if len(groups[x]) > 1 else 0.0 for x in xs]
    return xs, means, sds


def heat_map(
    rows: Iterable[dict[str, Any]], params: Sequence[str], metric: str
) -> tuple[list[float], list[float], list[list[float]]]:
    """(x values, y values, mean of ``metric`` per (x, y); NaN where nothing finished yet)."""
    px, py = params[0], params[1]
    ok = _ok(rows, metric)
    xs = sorted({v for r in ok if (v := _number(r.get(px))) is not None})
    ys = sorted({v for r in ok if (v := _number(r.get(py))) is not None})
    cells: dict[tuple[float, float], list[float]] = {}
    for row in ok:
        x, y = _number(row.get(px)), _number(row.get(py))
        if x is not None and y is not None:
            cells.setdefault((x, y), []).append(float(row[metric]))
    table = [[statistics.fmean(cells[(x, y)]) if (x, y) in cells else math.nan for y in ys] for x in xs]
    return xs, ys, table
