"""New values for tag paths: check a value against the attribute it is meant for and plan the write.

:func:`prepare_value` checks everything (type, shape, value strings) and returns a
:class:`ValuePlan`; :func:`apply_value` executes it later, between two iterations, so nothing here
writes to the network while it steps.
"""

from __future__ import annotations

import ast
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.exceptions import InvalidValueError, PathError
from engine.runtime.number_range import check_converted, check_text_range
from engine.runtime.tag_paths import STRUCTURAL_ATTRIBUTES, Target, object_kind, summarize

__all__ = ["ValuePlan", "prepare_value", "apply_value"]

# ----------------------------------------------------------------------------------------------- values
_BOOL_WORDS = {
    "true": True,
    "false": False,
    "1": True,
    "0": False,
    "yes": True,
    "no": False,
    "on": True,
    "off": False,
}


def _coerce_scalar(value: Any, current: Any, name: str) -> Any:
    """Convert ``value`` to the type of the scalar ``current``."""
    kind = type(current)
    if isinstance(current, (bool, np.bool_)):
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return kind(_BOOL_WORDS[value.strip().lower()])
        if isinstance(value, (bool, np.bool_)) or (isinstance(value, numbers.Number) and value in (0, 1)):
            return kind(bool(value))
        raise InvalidValueError(f"{name} is a bool; cannot set it to {value!r} (use True/False)")
    if isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) > 0:
        raise InvalidValueError(
            f"{name} is a scalar {kind.__name__}; cannot set it to an array of shape {np.shape(value)}"
        )
    if isinstance(value, str):
        text = value.strip()
        check_text_range(text, name)
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            raise InvalidValueError(
                f"{name} is a {kind.__name__}; {value!r} is not a number"
                + (" (value strings such as uniform(...) need an array attribute)" if "(" in text else "")
            ) from None
    if isinstance(value, np.ndarray):
        value = value.item()
    if isinstance(current, (numbers.Integral, np.integer)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise InvalidValueError(f"{name} is an integer; cannot set it to {value!r}")
        # int() of a numbers.Real: typeshed's Real lacks __int__, every real number type has it
        if isinstance(value, numbers.Integral):
            value = int(value)  # exact: 10**20 is not rounded through a float
        elif not math.isfinite(float(value)) or float(value) != int(value):  # type: ignore[call-overload]
            raise InvalidValueError(f"{name} is an integer; {value!r} is not a whole number")
        if isinstance(current, np.integer):
            check_converted(int(value), None, current.dtype, name)
        return kind(int(value))
    if isinstance(current, (numbers.Real, np.floating)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise InvalidValueError(f"{name} is a number; cannot set it to {value!r}")
        return _converted(kind, value, name)
    if isinstance(current, numbers.Complex):
        if not isinstance(value, numbers.Number):
            raise InvalidValueError(f"{name} is a complex number; cannot set it to {value!r}")
        return _converted(kind, value, name)
    raise InvalidValueError(f"{name} has type {kind.__name__}; set_value cannot set it")


def _converted(kind: type, value: Any, name: str) -> Any:
    """``kind(value)``, refused when the number does not fit (see :mod:`engine.runtime.number_range`)."""
    try:
        with np.errstate(over="ignore", under="ignore"):
            result = kind(value)
    except OverflowError:
        raise InvalidValueError(f"{name}: {value!r} is too large for a {kind.__name__}") from None
    dtype = np.asarray(result).dtype
    if isinstance(value, numbers.Integral) and dtype.kind in "fc" and abs(int(value)) > np.finfo(dtype).max:
        raise InvalidValueError(f"{name} is {dtype}; {value!r} is too large for it")
    if not isinstance(value, numbers.Integral):
        check_converted(value, result, dtype, name)
    return result


def _array_from(value: Any, current: np.ndarray, name: str) -> np.ndarray:
    """Validate a number, bool or array-like for the array ``current``; return it cast to its dtype."""
    if isinstance(value, str):
        low = value.strip().lower()
        if current.dtype == bool and low in _BOOL_WORDS:
            value = _BOOL_WORDS[low]
        else:
            check_text_range(value, name)
            try:
                value = ast.literal_eval(value.strip())
            except (ValueError, SyntaxError):
                raise InvalidValueError(f"{name}: cannot read {value!r} as a number or array") from None
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise InvalidValueError(f"{name}: cannot convert {value!r} to an array ({exc})") from None
    if arr.dtype == object or arr.dtype.kind in "USV":
        raise InvalidValueError(f"{name} is a {current.dtype} array; {value!r} is not numeric")
    if current.dtype == bool and arr.dtype != bool:
        if not np.isin(arr, (0, 1)).all():
            raise InvalidValueError(f"{name} is a bool array; values must be True/False or 0/1")
    elif current.dtype.kind in "iu" and arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise InvalidValueError(
                f"{name} is an integer array ({current.dtype}); values must be whole numbers"
            )
    elif current.dtype.kind in "biuf" and arr.dtype.kind == "c":
        raise InvalidValueError(f"{name} is a real array ({current.dtype}); complex values are not allowed")
    try:
        np.broadcast_to(arr, current.shape)
    except ValueError:
        raise InvalidValueError(
            f"{name} has shape {current.shape}; a value of shape {arr.shape} does not fit "
            f"(give a scalar or an array of shape {current.shape})"
        ) from None
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        converted = arr.astype(current.dtype, copy=True)
    check_converted(arr, converted, current.dtype, name)
    return converted


def _check_value_string(text: str, name: str) -> None:
    try:
        ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise InvalidValueError(
            f"{name}: value string {text!r} is not a valid expression ({exc.msg})"
        ) from None


def _value_string_maker(target: Target, current: np.ndarray, text: str) -> Callable[[], np.ndarray]:
    """A function that evaluates ``text`` through the owner's vector()/matrix() at apply time."""
    owner = target.obj if object_kind(target.obj) in ("group", "synapse group") else target.parent
    kind = object_kind(owner)
    name = f"{target.attr} of {target.description}"
    if kind == "group" and current.shape == (owner.size,):
        make = owner.vector
    elif kind == "synapse group" and hasattr(owner, "matrix") and current.ndim == 2:
        make = owner.matrix
    else:
        raise InvalidValueError(
            f"{name}: value strings such as {text!r} need a per-neuron vector of a group "
            f"or a synapse matrix; this attribute has shape {current.shape}"
        )
    _check_value_string(text, name)

    def evaluate() -> np.ndarray:
        out = np.asarray(make(text))
        if out.shape != current.shape:
            raise InvalidValueError(f"{name}: {text!r} produced shape {out.shape}, expected {current.shape}")
        return out

    return evaluate


@dataclass
class ValuePlan:
    """A validated ``set_value``: what to write where. ``make()`` returns the value to write."""

    target: Target
    make: Callable[[], Any]
    expect_shape: tuple[int, ...] | None = None
    description: str = ""
    raw: Any = field(default=None, repr=False)


def prepare_value(target: Target, value: Any) -> ValuePlan:
    """Validate ``value`` for ``target`` without touching the network.

    Rules: scalars (int/float/bool, numpy scalars) keep their type (``'0.7'`` → 0.7, ``'true'`` → True);
    a number the type cannot hold is refused, overflow (``1e400``, ``1e40`` for a float32, ``2**40``
    for an int32) and underflow (``1e-400`` → 0.0, a subnormal that loses digits) alike;
    arrays accept a scalar (broadcast), an array of a broadcastable shape, or a value string
    (``'uniform(0.4,0.6)'``) that is evaluated through the group's ``vector()`` / the synapse group's
    ``matrix()`` when the command is applied; strings stay strings; ``None`` accepts anything.
    """
    name = f"'{target.attr}' of {target.description}"
    if target.attr in STRUCTURAL_ATTRIBUTES or target.attr.startswith("_"):
        raise InvalidValueError(
            f"{name} defines the structure of the network and cannot be set with set_value "
            f"(use runner.call(fn) for structural changes)"
        )
    if not target.exists():
        raise PathError(f"no attribute {name}")
    current = target.get()
    if isinstance(current, np.ndarray):
        if current.dtype == object:
            raise InvalidValueError(f"{name} is an object array; set_value only sets numeric arrays")
        if isinstance(value, str) and "(" in value:
            maker = _value_string_maker(target, current, value)
            return ValuePlan(target, maker, current.shape, value, value)
        arr = _array_from(value, current, name)
        return ValuePlan(
            target,
            lambda: arr,
            current.shape,
            repr(value) if np.ndim(value) == 0 else f"array{arr.shape}",
            value,
        )
    if isinstance(current, (bool, np.bool_, numbers.Number)):
        coerced = _coerce_scalar(value, current, name)
        return ValuePlan(target, lambda: coerced, None, repr(coerced), value)
    if isinstance(current, str):
        if not isinstance(value, str):
            raise InvalidValueError(f"{name} is a string; cannot set it to {value!r}")
        return ValuePlan(target, lambda: value, None, repr(value), value)
    if current is None:
        return ValuePlan(target, lambda: value, None, repr(value), value)
    raise InvalidValueError(
        f"{name} is a {type(current).__name__}; set_value sets numbers, bools, strings and "
        f"numpy arrays (use runner.call(fn) for anything else)"
    )


def apply_value(plan: ValuePlan) -> tuple[Any, Any]:
    """Write a validated value; returns ``(old, new)`` as :func:`summarize` gives them. Arrays are updated
    in place (so references held by behaviors stay valid) unless they are read-only."""
    t = plan.target
    if not t.exists():
        raise PathError(f"no attribute '{t.attr}' on {t.description} any more")
    current = t.get()
    new = plan.make()
    if isinstance(current, np.ndarray):
        if plan.expect_shape is not None and current.shape != plan.expect_shape:
            raise InvalidValueError(
                f"'{t.attr}' of {t.description} changed shape from {plan.expect_shape} to "
                f"{current.shape} before the edit was applied"
            )
        old = summarize(current)
        if current.flags.writeable:
            np.copyto(current, new, casting="unsafe")
            return old, summarize(current)
        replacement = np.array(np.broadcast_to(new, current.shape), dtype=current.dtype)
        setattr(t.obj, t.attr, replacement)
        return old, summarize(replacement)
    setattr(t.obj, t.attr, new)
    return summarize(current), summarize(new)
