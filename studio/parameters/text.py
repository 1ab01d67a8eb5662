"""Typed text → edit requests, and numbers → short text (the panel's input and display rules). No Qt here."""

from __future__ import annotations

import ast
import math
import numbers
import re
from typing import Any

import numpy as np

from studio.parameters.model import EditInputError, EditRequest, FieldSpec

__all__ = ["parse_edit", "format_number", "default_step", "summary_text", "summarize_array"]

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
def _number(text: str, what: str) -> float:
    try:
        value = float(text.replace("−", "-"))
    except ValueError:
        raise EditInputError(f"{text!r} is not a number ({what})") from None
    if not math.isfinite(value):
        raise EditInputError(f"{text.strip()} is not allowed: give a finite number")
    return value


def _in_range(value: float, spec: FieldSpec) -> None:
    if spec.value_range is not None:
        low, high = spec.value_range
        if not low <= value <= high:
            raise EditInputError(
                f"{format_number(value)} is outside the range {format_number(low)} … {format_number(high)}"
            )


def parse_edit(text: str, spec: FieldSpec) -> EditRequest:
    """Turn typed ``text`` into an edit of ``spec``, or raise :class:`EditInputError`.

    Scalars: a number (``0.6``, ``1e-3``), or a factor (``×1.1``, ``x1.1``, ``*1.1``); bools: true/false.
    Arrays: a number (every element), a factor, a list (``[0.1, 0.2, ...]``), or a value string
    (``uniform(0.4,0.6)``), evaluated through the group's ``vector()`` / ``matrix()`` between iterations.
    NaN and inf are refused; integer fields need whole numbers; known ranges are enforced.
    """
    if spec.path is None:
        raise EditInputError(f"{spec.name} cannot be edited here ({spec.note or 'no tag path addresses it'})")
    raw = text
    text = text.strip()
    if not text:
        raise EditInputError("empty: type a value")
    if spec.kind == "bool" or (spec.kind == "array" and spec.dtype == "bool"):
        word = text.lower()
        if word in _BOOL_TEXT:
            return EditRequest(spec.path, "set", _BOOL_TEXT[word], raw)
        if spec.kind == "bool":
            raise EditInputError(f"{text!r} is not a bool: use true or false")
    factor = _FACTOR.match(text)
    if factor:
        if spec.kind == "bool" or spec.dtype == "bool":
            raise EditInputError("a factor cannot scale a bool")
        return EditRequest(spec.path, "scale", _number(factor.group("num"), "factor after ×"), raw)
    if spec.kind in ("int", "float"):
        value = _number(text, f"{spec.kind} expected")
        if spec.kind == "int":
            if value != int(value):
                raise EditInputError(f"{text} is not a whole number ({spec.name} is an integer)")
            value = int(value)
        _in_range(value, spec)
        return EditRequest(spec.path, "set", value, raw)
    if spec.kind != "array":
        raise EditInputError(f"{spec.name} cannot be edited here")
    if text.startswith("["):
        return EditRequest(spec.path, "set", _parse_list(text, spec), raw)
    try:
        value = _number(text, "")
    except EditInputError as exc:
        if "finite" in str(exc):
            raise
        if "(" in text or text.isidentifier():
            return EditRequest(spec.path, "set", _check_value_string(text), raw)
        raise EditInputError(
            f"{text!r} is neither a number, a factor (×1.1) nor a value string such as uniform(0.4,0.6)"
        ) from None
    if spec.dtype.startswith(("int", "uint")) and value != int(value):
        raise EditInputError(f"{text} is not a whole number ({spec.name} is an {spec.dtype} array)")
    return EditRequest(spec.path, "set", value, raw)


def _parse_list(text: str, spec: FieldSpec) -> np.ndarray:
    if re.search(r"\b(nan|inf|infinity)\b", text, re.IGNORECASE):
        raise EditInputError("NaN and inf are not allowed in the list")
    try:
        arr = np.asarray(ast.literal_eval(text), dtype=float)
    except (ValueError, SyntaxError, TypeError):
        raise EditInputError(f"{text!r} is not a list of numbers") from None
    if not np.all(np.isfinite(arr)):
        raise EditInputError("NaN and inf are not allowed in the list")
    try:
        np.broadcast_to(arr, spec.shape)
    except ValueError:
        raise EditInputError(
            f"wrong shape: {spec.name} has shape {spec.shape}, the list has {arr.shape}"
        ) from None
    return arr


def _check_value_string(text: str) -> str:
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
