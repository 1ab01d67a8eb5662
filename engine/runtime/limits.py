"""Limits every entry point checks the same way: how many iterations one request may ask for.

The spin box of the studio, the command line (``--iterations``), ``Runner.run_for`` /
``Runner.step`` and the console all call :func:`check_iterations`, so a count is refused with
the same message wherever it was typed.
"""

from __future__ import annotations

import math
import numbers

from engine.exceptions import IterationCountError

__all__ = ["MAX_ITERATIONS", "check_iterations"]

#: The largest iteration count one request may ask for (10^9: at 100 000 it/s, about three hours;
#: far below the int64 counters, above any run a studio session makes in one go).
MAX_ITERATIONS = 10**9


def check_iterations(n: object, source: str = "iterations", allow_zero: bool = False) -> int:
    """``n`` as an int, or :class:`~engine.exceptions.IterationCountError` naming ``source``.

    Accepts ints and integral floats (``1e6``); refuses booleans, fractions, NaN, infinities,
    negative counts, zero (unless ``allow_zero``) and counts above :data:`MAX_ITERATIONS`.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Real):
        raise IterationCountError(f"{source}: expected a whole number of iterations, got {n!r}")
    value = float(n)
    if not math.isfinite(value) or value != math.floor(value):
        raise IterationCountError(f"{source}: expected a whole number of iterations, got {n!r}")
    count = int(value)
    lowest = 0 if allow_zero else 1
    if count < lowest:
        raise IterationCountError(f"{source}: {count} iterations; give at least {lowest}")
    if count > MAX_ITERATIONS:
        raise IterationCountError(
            f"{source}: {count:,} iterations is more than one run may ask for "
            f"(at most {MAX_ITERATIONS:,}); run in parts"
        )
    return count
