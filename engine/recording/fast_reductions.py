"""Bit-identical shortcuts for ``np.mean``, ``np.sum``, ``np.max`` and ``np.min`` in recorder expressions.

Recorders evaluate expressions such as ``'np.mean(voltage)'`` at every step. For a small group,
numpy's Python-level wrapper around the reduction costs several times more than the reduction
itself (about 10 us against 1 us for 100 float32 values). For the plain case, a whole-array
reduction of a float (or, for sums, maxima and minima, any) ndarray with no further arguments,
numpy's own code path is exactly ``np.add.reduce(a, None)`` (followed, for the mean, by a division
by the item count as ``np.intp`` and a cast back to the result's scalar type), respectively
``np.maximum.reduce(a, None)`` / ``np.minimum.reduce(a, None)`` (the same ufunc, so NaN and an
empty array behave as in numpy); these helpers take that path directly and hand every other call
to numpy unchanged, so results are identical bit for bit.
"""

from __future__ import annotations

import ast
from typing import Any

import numpy as np

__all__ = ["fast_mean", "fast_sum", "fast_max", "fast_min", "FastReductions", "FAST_NAMES"]

_add_reduce = np.add.reduce
_max_reduce = np.maximum.reduce
_min_reduce = np.minimum.reduce
_ndarray = np.ndarray
#: dtypes whose sums convert to a Python float exactly (float16 is summed in float32 by
#: numpy's mean and longdouble would lose digits, so both go to numpy)
_SCALAR_TYPES = {np.dtype(np.float32): np.float32, np.dtype(np.float64): np.float64}


def fast_mean(a: Any, *args: Any, **kwargs: Any) -> Any:
    """``np.mean(a)``; the whole-array mean of a float32/float64 ndarray without numpy's wrapper.

    numpy divides the sum (a numpy scalar of the array's type) by the item count as ``np.intp``,
    which promotes to float64, and casts back; a Python float division is that same IEEE double
    division, without numpy's scalar machinery.
    """
    if args or kwargs or type(a) is not _ndarray or not a.size:
        return np.mean(a, *args, **kwargs)
    scalar_type = _SCALAR_TYPES.get(a.dtype)
    if scalar_type is None:
        return np.mean(a, *args, **kwargs)
    return scalar_type(float(_add_reduce(a, None)) / a.size)


def fast_sum(a: Any, *args: Any, **kwargs: Any) -> Any:
    """``np.sum(a)``; the whole-array sum of an ndarray without numpy's wrapper."""
    if args or kwargs or type(a) is not _ndarray:
        return np.sum(a, *args, **kwargs)
    return _add_reduce(a, None)


def fast_max(a: Any, *args: Any, **kwargs: Any) -> Any:
    """``np.max(a)``; the whole-array maximum of an ndarray without numpy's wrapper."""
    if args or kwargs or type(a) is not _ndarray:
        return np.max(a, *args, **kwargs)
    return _max_reduce(a, None)


def fast_min(a: Any, *args: Any, **kwargs: Any) -> Any:
    """``np.min(a)``; the whole-array minimum of an ndarray without numpy's wrapper."""
    if args or kwargs or type(a) is not _ndarray:
        return np.min(a, *args, **kwargs)
    return _min_reduce(a, None)


FAST_NAMES = {
    "__fast_mean__": fast_mean,
    "__fast_sum__": fast_sum,
    "__fast_max__": fast_max,
    "__fast_min__": fast_min,
}
_REPLACEMENTS = {
    "mean": "__fast_mean__",
    "sum": "__fast_sum__",
    "max": "__fast_max__",
    "amax": "__fast_max__",
    "min": "__fast_min__",
    "amin": "__fast_min__",
}


class FastReductions(ast.NodeTransformer):
    """Rewrite ``np.mean`` / ``np.sum`` / ``np.max`` / ``np.min`` calls (``np``: numpy) to the helpers."""

    def __init__(self, namespace: dict[str, Any]):
        self.numpy_names = {name for name, value in namespace.items() if value is np}

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _REPLACEMENTS
            and isinstance(func.value, ast.Name)
            and func.value.id in self.numpy_names
        ):
            node.func = ast.copy_location(ast.Name(_REPLACEMENTS[func.attr], ast.Load()), func)
        return node
