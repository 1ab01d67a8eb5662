"""Metrics of a finished run: expressions over ``net``, the script's ``set_score``, a fingerprint.

A metric is a Python expression evaluated after the run with ``net`` (the network), ``np`` and the
script's own globals in scope, e.g. ``"len(net['spike.i', 0])"`` or
``"np.mean(net['np.mean(voltage)', 0])"``. It must give one number.
"""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.io.files import NUMERIC_KINDS

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = ["SCORE", "MetricError", "evaluate_metric", "evaluate_metrics", "fingerprint", "as_number"]

#: the metric name that stands for the score a script reports with ``set_score(...)``
SCORE = "score"


class MetricError(ValueError):
    """A metric expression that failed or did not give one number."""


def as_number(value: Any, name: str) -> float:
    """``value`` as a float; a 1-element array is accepted, anything else is a :class:`MetricError`."""
    if isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, numbers.Real):
        return float(value)
    array = np.asarray(value) if isinstance(value, (np.ndarray, list, tuple)) else None
    if array is not None and array.size == 1 and array.dtype.kind in NUMERIC_KINDS:
        return float(array.reshape(-1)[0])
    shape = f"an array of shape {array.shape}" if array is not None else f"a {type(value).__name__}"
    raise MetricError(f"metric {name!r} gave {shape}, not one number (reduce it, e.g. np.mean(...))")


def evaluate_metric(expression: str, net: Network, namespace: Mapping[str, Any] | None = None) -> float:
    """Evaluate one metric expression; :class:`MetricError` with the expression and the error."""
    scope: dict[str, Any] = dict(namespace or {})
    scope.update(net=net, np=np)
    try:
        code = compile(expression, f"<metric {expression}>", "eval")
    except SyntaxError as exc:
        raise MetricError(f"metric {expression!r} is not a Python expression: {exc.msg}") from None
    try:
        value = eval(code, scope)  # noqa: S307 - the user's own expression over the user's own network
    except Exception as exc:  # noqa: BLE001 - reported in the row
        raise MetricError(f"metric {expression!r} failed: {type(exc).__name__}: {exc}") from None
    return as_number(value, expression)


def evaluate_metrics(
    expressions: Sequence[str], net: Network, namespace: Mapping[str, Any] | None = None
) -> dict[str, float]:
    """Every metric by its expression (the first failure raises :class:`MetricError`)."""
    return {expr: evaluate_metric(expr, net, namespace) for expr in expressions if expr != SCORE}


def fingerprint(net: Network) -> str:
    """16 hex digits of a SHA-256 over every recorder's numeric data and the iteration count: two runs
    with the same fingerprint recorded the same values bit for bit."""
    digest = hashlib.sha256(str(int(net.iteration)).encode())
    for obj in net.all_objects():
        for key, behavior in obj.behavior.items():
            get_state = getattr(behavior, "get_state", None)
            if not callable(get_state) or not hasattr(behavior, "clear_recorder"):
                continue
            for name, data in sorted(get_state().items()):
                array = np.asarray(data)
                if array.dtype.kind in NUMERIC_KINDS:
                    digest.update(f"{key}:{name}:{array.shape}:{array.dtype}".encode())
                    digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()[:16]


def finite_or_nan(value: float) -> float:
    """NaN for infinities too (CSV and plots read NaN as 'no value')."""
    return value if math.isfinite(value) else math.nan
