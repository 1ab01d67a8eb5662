"""The parameters of a sweep: ``PATH=VALUE`` assignments, grids, random ranges and per-run seeds.

A parameter *path* is either a tag path (``'my_neurons.Basic_Behavior.threshold'``, applied after the
script built its network, like an edit in the Parameters dock) or a bare gene name (``'I'``, read by
the script through ``'[2#I]'`` placeholders or ``get_gene('I', 2)`` while it builds).
"""

from __future__ import annotations

import ast
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from engine.exceptions import EngineError

__all__ = [
    "SweepError",
    "parse_value",
    "parse_assignment",
    "parse_grid",
    "parse_random",
    "grid_points",
    "random_points",
    "run_seeds",
    "is_gene",
    "param_key",
]


class SweepError(EngineError, ValueError):
    """A sweep that cannot start: bad parameters, an empty grid, no answer from a scheduler, ..."""


def parse_value(text: str) -> Any:
    """``'0.5'`` -> 0.5, ``'3'`` -> 3, ``'true'`` -> True, ``'[1, 2]'`` -> [1, 2]; anything else (a
    value string such as ``'uniform(0.4,0.6)'``) stays the text."""
    stripped = text.strip()
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return stripped
    return value if isinstance(value, (int, float, list, tuple)) and not isinstance(value, bool) else stripped


def parse_assignment(text: str, option: str = "--set") -> tuple[str, str]:
    """``'PATH=VALUE'`` -> ``('PATH', 'VALUE')`` (both stripped); a clear error otherwise."""
    path, sep, value = str(text).partition("=")
    if not sep or not path.strip() or not value.strip():
        raise SweepError(
            f"{option} {text!r}: expected PATH=VALUE, e.g. my_neurons.Basic_Behavior.threshold=0.6"
        )
    return path.strip(), value.strip()


def is_gene(path: str) -> bool:
    """A bare identifier names a gene (set before the script builds); a dotted path names an attribute."""
    return "." not in path and path.isidentifier()


def parse_grid(items: Iterable[str]) -> dict[str, list[Any]]:
    """``['PATH=v1,v2,...', ...]`` -> ``{PATH: [v1, v2, ...]}`` (values parsed by :func:`parse_value`).

    Value strings with commas inside brackets (``uniform(0.4,0.6)``) stay whole.
    """
    grid: dict[str, list[Any]] = {}
    for item in items:
        path, text = parse_assignment(item, "--grid")
        values = [parse_value(part) for part in _split_top_level(text)]
        if not values:
            raise SweepError(f"--grid {item!r}: no values")
        if path in grid:
            raise SweepError(f"--grid names {path!r} twice")
        grid[path] = values
    return grid


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def parse_random(items: Iterable[str]) -> dict[str, tuple[float, float]]:
    """``['PATH=low:high', ...]`` -> ``{PATH: (low, high)}``, uniform ranges for random search."""
    ranges: dict[str, tuple[float, float]] = {}
    for item in items:
        path, text = parse_assignment(item, "--random")
        low_text, sep, high_text = text.partition(":")
        try:
            low, high = float(low_text), float(high_text)
        except ValueError:
            low = high = math.nan
        if not sep or not (math.isfinite(low) and math.isfinite(high)) or high < low:
            raise SweepError(f"--random {item!r}: expected PATH=LOW:HIGH with numbers LOW <= HIGH")
        ranges[path] = (low, high)
    return ranges


def grid_points(grid: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination of the grid's values, the first path varying slowest."""
    if not grid:
        return []
    for path, values in grid.items():
        if len(values) == 0:
            raise SweepError(f"the grid of {path!r} is empty; give at least one value")
    paths = list(grid)
    return [dict(zip(paths, combo)) for combo in itertools.product(*(grid[p] for p in paths))]


def random_points(
    ranges: Mapping[str, tuple[float, float]], samples: int, seed: int | None
) -> list[dict[str, Any]]:
    """``samples`` uniform draws from the ranges (reproducible with ``seed``)."""
    if not ranges:
        return []
    if samples < 1:
        raise SweepError(f"random search needs samples >= 1, got {samples}")
    rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(1)[0] if seed is not None else None)
    return [{p: float(rng.uniform(lo, hi)) for p, (lo, hi) in ranges.items()} for _ in range(samples)]


def run_seeds(seed: int | None, repeats: int) -> list[int]:
    """One seed per repeat, derived from the sweep seed with ``numpy.random.SeedSequence.spawn``.

    Every parameter point uses the same seeds for the same repeat (common random numbers), so the
    differences between points come from the parameters, not from the noise.
    """
    if repeats < 1:
        raise SweepError(f"repeats must be at least 1, got {repeats}")
    children = np.random.SeedSequence(seed).spawn(repeats)
    return [int(child.generate_state(1, dtype=np.uint32)[0]) for child in children]


def param_key(params: Mapping[str, Any], seed: int) -> str:
    """A stable text key of one run (its parameters and seed): what a rerun compares to skip rows."""
    inner = ";".join(f"{k}={params[k]!r}" for k in sorted(params))
    return f"{inner}|seed={seed}"
