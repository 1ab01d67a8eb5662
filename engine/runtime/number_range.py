"""Numbers the target's type cannot hold: refused before they are written, never silently changed.

Overflow (``1e40`` into a float32 becomes ``inf``; ``1e12`` into an int32 wraps) and underflow
(``1e-400`` becomes ``0.0``; ``1e-40`` into a float32 becomes a subnormal that has lost digits) are
refused alike with :class:`~engine.exceptions.InvalidValueError` naming the attribute. A value that
is exactly zero, or NaN/inf given as such, is not changed by the conversion and passes.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from engine.exceptions import InvalidValueError

__all__ = ["check_text_range", "check_converted"]

# a decimal float literal: mantissa (group 1) and optional exponent
_FLOAT_TOKEN = re.compile(r"(?<![\w.])((?:\d+\.?\d*|\.\d+))(?:[eE][-+]?\d+)?(?![\w.(])")


def check_text_range(text: str, name: str) -> None:
    """Refuse number literals in ``text`` that Python itself cannot hold as a float: ``1e-400``
    (nonzero digits that read as 0.0) and ``1e400`` (a finite literal that reads as inf)."""
    for match in _FLOAT_TOKEN.finditer(text):
        token = match.group(0)
        if not any(c in token for c in ".eE"):
            continue  # an int literal: Python ints are exact
        value = float(token)
        if value == 0.0 and re.search(r"[1-9]", match.group(1)):
            raise InvalidValueError(
                f"{name}: {token} is too small to be represented (it would become 0.0; the smallest "
                f"normal float is {np.finfo(np.float64).tiny:.3g}); give 0 or a larger number"
            )
        if value in (float("inf"), float("-inf")):
            raise InvalidValueError(
                f"{name}: {token} is too large to be represented (it would become inf; the largest "
                f"float is {np.finfo(np.float64).max:.3g})"
            )


def check_converted(original: Any, converted: Any, dtype: np.dtype, name: str) -> None:
    """Refuse when converting ``original`` to ``dtype`` (giving ``converted``) overflowed, wrapped
    or underflowed, for float, complex and integer dtypes; other dtypes pass."""
    dtype = np.dtype(dtype)
    if dtype.kind not in "fciu":
        return
    before = np.asarray(original)
    after = np.asarray(converted)
    if before.dtype.kind not in "biufc":
        return
    if dtype.kind in "iu":
        if before.dtype.kind in "bc" or not before.size:
            return  # bools fit; complex values are refused elsewhere
        info = np.iinfo(dtype)
        wide = before.astype(object) if before.dtype.kind in "iu" else before
        outside = (wide < info.min) | (wide > info.max)
        if np.any(outside):
            raise InvalidValueError(
                f"{name} is {dtype}; {_first(before, np.asarray(outside, dtype=bool))} is outside its "
                f"range {info.min}..{info.max}"
            )
        return
    if before.dtype.kind not in "fc":
        before = before.astype(np.float64)
    parts = [(before.real, after.real), (before.imag, after.imag)] if dtype.kind == "c" else [(before, after)]
    tiny, largest = np.finfo(dtype).tiny, np.finfo(dtype).max
    for b, a in parts:
        b = np.asarray(b, dtype=np.float64) if b.dtype.kind != "f" else b
        with np.errstate(invalid="ignore", over="ignore"):
            finite = np.isfinite(b)
            over = finite & ~np.isfinite(a)
            under = finite & (b != 0) & (np.abs(a) < tiny)
        if over.any():
            raise InvalidValueError(
                f"{name} is {dtype}; {_first(b, over)} is too large for it (it would become inf; "
                f"the largest {dtype} is {largest:.3g})"
            )
        if under.any():
            became = float(np.asarray(a)[under].flat[0])
            result = "0.0" if became == 0 else f"the subnormal {became:.3g}, which has lost digits"
            raise InvalidValueError(
                f"{name} is {dtype}; {_first(b, under)} is too small for it (it would become {result}; "
                f"the smallest normal {dtype} is {tiny:.3g}); give 0 or a larger number"
            )


def _first(values: np.ndarray, mask: np.ndarray) -> str:
    value = np.asarray(values)[mask].flat[0]
    return repr(value.item() if isinstance(value, np.generic) else value)
