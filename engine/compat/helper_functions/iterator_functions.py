"""Grids of ever finer resolution (PymoNNto's ``Exploration/HelperFunctions/IteratorFunctions``).

Each generator yields the points of a 1-, 2- or 3-D grid over ``[min, max)``: first with 5 points
per axis, then 10, 20, ... (doubling), never yielding a point twice. The longer a loop runs over it,
the finer the sampling gets; ``max_resolution=r`` stops after the grid with ``5 * 2**r`` points per
axis (-1: never stops).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import numpy as np

__all__ = ["infinite_resolution_1D", "infinite_resolution_2D", "infinite_resolution_3D"]

#: two points closer than this (sum of the per-axis distances) count as the same point
_SAME = 0.00001


def _refine(bounds: list[tuple[float, float]], max_resolution: int) -> Iterator[list[float]]:
    seen = np.full((1, len(bounds)), -100000.0)
    level = 0
    while max_resolution == -1 or level <= max_resolution:
        per_axis = 5 * 2**level
        axes = [np.arange(low, high, (high - low) / per_axis) for low, high in bounds]
        for point in product(*axes):
            candidate = np.array(point, dtype=float)
            if np.min(np.sum(np.abs(seen - candidate), axis=1)) > _SAME:
                seen = np.concatenate([seen, candidate[None, :]])
                yield [float(v) for v in point]
        level += 1


def _check(name: str, max_resolution: int, *bounds: float) -> None:
    for low, high in zip(bounds[::2], bounds[1::2]):
        if not high > low:
            raise ValueError(f"{name}: every max must be above its min, got {low} and {high}")
    if max_resolution < -1:
        raise ValueError(f"{name}: max_resolution must be -1 (no limit) or >= 0, got {max_resolution}")


def infinite_resolution_1D(minx: float, maxx: float, max_resolution: int = -1) -> Iterator[float]:
    """Values in ``[minx, maxx)``, ever finer (see the module docstring)."""
    _check("infinite_resolution_1D", max_resolution, minx, maxx)
    for point in _refine([(minx, maxx)], max_resolution):
        yield point[0]


def infinite_resolution_2D(
    minx: float, maxx: float, miny: float, maxy: float, max_resolution: int = -1
) -> Iterator[list[float]]:
    """``[x, y]`` points, ever finer (see the module docstring)."""
    _check("infinite_resolution_2D", max_resolution, minx, maxx, miny, maxy)
    yield from _refine([(minx, maxx), (miny, maxy)], max_resolution)


def infinite_resolution_3D(
    minx: float, maxx: float, miny: float, maxy: float, minz: float, maxz: float, max_resolution: int = -1
) -> Iterator[list[float]]:
    """``[x, y, z]`` points, ever finer (see the module docstring)."""
    _check("infinite_resolution_3D", max_resolution, minx, maxx, miny, maxy, minz, maxz)
    yield from _refine([(minx, maxx), (miny, maxy), (minz, maxz)], max_resolution)
