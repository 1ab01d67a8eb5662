"""Array helpers shared by the library behaviors: in-place updates only where they change nothing.

The library behaviors compute what PymoNNto 3.0.6's formulas compute, bit for bit. Where PymoNNto
builds a new array at every step (``neurons.bias = neurons.bias + add``, ``s.W = s.W / sums``), an
elementwise ufunc gives the same bits when it writes into an existing array of the result's dtype
and shape. So the behaviors write in place when :func:`fits` says so *and* the array is one a
library formula made (:func:`owned`): arrays a script created or shares between objects are never
changed in place, they are replaced as PymoNNto replaces them, and the replacement is then reused.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

__all__ = ["fits", "owned", "mark_owned", "abs_row_sums", "abs_column_sums", "ROW_BLOCK_ELEMENTS"]

#: rows of |W| are summed in blocks of about this many elements (a bounded scratch buffer instead of
#: a whole |W| temporary per step)
ROW_BLOCK_ELEMENTS = 1 << 18


def fits(target: Any, *operands: Any) -> bool:
    """True if ``ufunc(target, *operands)`` has ``target``'s dtype and shape and may be written into it."""
    if type(target) is not np.ndarray or not target.flags.writeable:
        return False
    try:
        if np.result_type(target, *operands) != target.dtype:
            return False
        return np.broadcast_shapes(target.shape, *(np.shape(o) for o in operands)) == target.shape
    except (TypeError, ValueError):
        return False


# id -> array for the arrays the library made; an entry disappears with its array, so a reused id
# never matches a stale one.
_OWNED: weakref.WeakValueDictionary[int, np.ndarray] = weakref.WeakValueDictionary()


def mark_owned(array: Any) -> Any:
    """Remember ``array`` as made by a library formula (later steps may update it in place)."""
    if type(array) is np.ndarray:
        _OWNED[id(array)] = array
    return array


def owned(array: Any) -> bool:
    """True if ``array`` is an array :func:`mark_owned` remembered."""
    return type(array) is np.ndarray and _OWNED.get(id(array)) is array


def abs_row_sums(matrix: Any) -> np.ndarray:
    """``np.sum(np.abs(matrix), axis=1)``, the same bits, without a matrix-sized temporary.

    For a C-contiguous float matrix numpy sums each row on its own (pairwise), so summing blocks of rows
    gives the identical result; any other layout takes the plain expression.
    """
    if (
        type(matrix) is not np.ndarray
        or matrix.ndim != 2
        or matrix.dtype.kind != "f"  # integer sums widen; keep numpy's own choice
        or not matrix.flags.c_contiguous
    ):
        return np.sum(np.abs(matrix), axis=1)
    rows, columns = matrix.shape
    block = max(1, ROW_BLOCK_ELEMENTS // max(columns, 1))
    if block >= rows:
        return np.sum(np.abs(matrix), axis=1)
    sums = np.empty(rows, dtype=matrix.dtype)
    scratch = np.empty((block, columns), dtype=sums.dtype)
    for start in range(0, rows, block):
        stop = min(start + block, rows)
        part = scratch[: stop - start]
        np.abs(matrix[start:stop], out=part)
        np.sum(part, axis=1, out=sums[start:stop])
    return sums


def abs_column_sums(matrix: Any) -> np.ndarray:
    """``np.sum(np.abs(matrix), axis=0)`` (the transposed case of :func:`abs_row_sums`)."""
    if type(matrix) is np.ndarray and matrix.ndim == 2 and matrix.flags.f_contiguous:
        return abs_row_sums(matrix.T)
    return np.sum(np.abs(matrix), axis=0)
