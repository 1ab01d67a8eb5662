"""Text rules of the panel: numbers → short text, and the pieces typed text is read with. No Qt here.

The pieces (numbers, factors ``×1.1``, bool words, lists, value strings, range checks) are what the
field kinds' parsers are made of; :func:`studio.parameters.field_kinds.parse_edit` turns typed text
into an edit request for a field of any kind.
"""

from __future__ import annotations

import ast
import math
import numbers
import re
from typing import Any

import numpy as np

from engine.exceptions import InvalidValueError
from engine.runtime.number_range import check_text_range
from studio.parameters.spec import EditInputError, FieldSpec

__all__ = [
    "parse_number",
    "parse_factor",
    "parse_bool_word",
    "parse_list",
    "check_range",
    "check_value_string",
    "format_number",
    "default_step",
    "summary_text",
    "summarize_array",
]

_FACTOR = re.compile(r"^\s*[×x*]\s*(?P<num>\S.*)$")
_BOOL_TEXT = {
    "true": True,
    "false": False,
    "on": True,
    "off": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
}


# ----------------------------------------------------------------------------------------------- parse
def parse_number(text: str, what: str) -> float:
    """``text`` as a finite float, or :class:`EditInputError` (``what`` says what was expected)."""
    try:
        value = float(text.replace("−", "-"))
    except ValueError:
        raise EditInputError(f"{text!r} is not a number ({what})") from None
    if not math.isfinite(value):
        raise EditInputError(f"{text.strip()} is not allowed: give a finite number")
    _check_literals(text, what)
    return value


def _check_literals(text: str, what: str) -> None:
    """Refuse literals a float cannot hold (``1e-400`` reads as 0.0), as the engine does."""
    try:
        check_text_range(text.replace("−", "-"), what)
    except InvalidValueError as exc:
        raise EditInputError(str(exc)) from None


def parse_factor(text: str) -> float | None:
    """The factor of ``×1.1`` / ``x1.1`` / ``*1.1`` (None when ``text`` is not a factor)."""
    factor = _FACTOR.match(text)
    return None if factor is None else parse_number(factor.group("num"), "factor after ×")


def parse_bool_word(text: str) -> bool | None:
    """``true``/``false``/``on``/``off``/``yes``/``no``/``1``/``0`` → bool, else None."""
    return _BOOL_TEXT.get(text.lower())


def check_range(value: float, spec: FieldSpec) -> None:
    """:class:`EditInputError` when ``spec`` has a range and ``value`` is outside it."""
    if spec.value_range is not None:
        low, high = spec.value_range
        if not low <= value <= high:
            raise EditInputError(
                f"{format_number(value)} is outside the range {format_number(low)} … {format_number(high)}"
            )


def parse_list(text: str, spec: FieldSpec) -> np.ndarray:
    """``[0.1, 0.2, ...]`` → a float array that broadcasts to ``spec.shape`` (finite values only)."""
    if re.search(r"\b(nan|inf|infinity)\b", text, re.IGNORECASE):
        raise EditInputError("NaN and inf are not allowed in the list")
    try:
        arr = np.asarray(ast.literal_eval(text), dtype=float)
    except (ValueError, SyntaxError, TypeError):
        raise EditInputError(f"{text!r} is not a list of numbers") from None
    if not np.all(np.isfinite(arr)):
        raise EditInputError("NaN and inf are not allowed in the list")
    _check_literals(text, spec.name)
    try:
        np.broadcast_to(arr, spec.shape)
    except ValueError:
        raise EditInputError(
            f"wrong shape: {spec.name} has shape {spec.shape}, the list has {arr.shape}"
        ) from None
    return arr


def check_value_string(text: str) -> str:
    """``text`` when it is a valid value string (``uniform(0.4,0.6)``), else :class:`EditInputError`."""
    from engine.model.values import compile_mode  # parses and checks names; draws nothing

    try:
        compile_mode(text)
    except (SyntaxError, NameError, ValueError) as exc:
        raise EditInputError(str(exc)) from None
    return text


# ----------------------------------------------------------------------------------------------- display
def format_number(value: Any) -> str:
    """Short text for a number: ``0.5``, ``-65``, ``1.235e-05``, ``true``."""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (numbers.Integral, np.integer)):
        return str(int(value))
    try:
        return f"{float(value):.6g}"
    except (TypeError, ValueError):
        return str(value)


def default_step(value: Any, kind: str, value_range: tuple[float, float] | None = None) -> float:
    """Spin-box step: 1 for ints; 1/100 of a known range; else a tenth of the value's order of magnitude
    (0.5 → 0.01 … 0.05 steps of 0.01, 30 → 1, 0 → 0.1)."""
    if kind == "int":
        return 1.0
    if value_range is not None:
        span = value_range[1] - value_range[0]
        return 10.0 ** math.floor(math.log10(span / 100.0)) if span > 0 else 0.1
    try:
        v = abs(float(value))
    except (TypeError, ValueError):
        return 0.1
    if v == 0 or not math.isfinite(v):
        return 0.1
    return 10.0 ** (math.floor(math.log10(v)) - 1)


def summary_text(summary: dict | None) -> str:
    """``'min 0 · mean 0.04 · max 0.49'`` (bool arrays: ``'12 of 100 true'``)."""
    if not summary:
        return "…"
    if summary.get("bool"):
        return f"{summary['true']} of {summary['size']} true"
    if summary.get("nonfinite"):
        extra = f" · {summary['nonfinite']} NaN/inf"
    else:
        extra = ""
    return f"min {_g4(summary['min'])} · mean {_g4(summary['mean'])} · max {_g4(summary['max'])}{extra}"


def _g4(value: Any) -> str:
    return (
        format_number(value) if isinstance(value, (numbers.Integral, np.integer)) else f"{float(value):.4g}"
    )


def summarize_array(value: Any) -> dict | None:
    """Numbers for :func:`summary_text` (runs on the engine thread)."""
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf" or value.size == 0:
        return None
    if value.dtype == bool:
        return {
            "bool": True,
            "true": int(np.count_nonzero(value)),
            "size": int(value.size),
            "shape": value.shape,
            "dtype": str(value.dtype),
        }
    finite = np.isfinite(value) if value.dtype.kind == "f" else None
    bad = 0 if finite is None else int(value.size - np.count_nonzero(finite))
    data = value if not bad else value[finite]
    if data.size == 0:
        return {
            "min": math.nan,
            "mean": math.nan,
            "max": math.nan,
            "nonfinite": bad,
            "shape": value.shape,
            "dtype": str(value.dtype),
        }
    return {
        "min": data.min().item(),
        "mean": float(data.mean(dtype=np.float64)),
        "max": data.max().item(),
        "nonfinite": bad,
        "shape": value.shape,
        "dtype": str(value.dtype),
    }
