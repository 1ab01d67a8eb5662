"""What the parameter panel shows: fields of behaviors and groups, and the edit request type. No Qt here.

* :func:`behavior_fields` / :func:`variable_fields` list the editable values of a behavior or a group
  as :class:`FieldSpec` objects (read-only discovery; called at a few Hz from the GUI thread).
* Typed text → :class:`EditRequest` (or :class:`EditInputError`) is :mod:`studio.parameters.text`;
  tag paths and "copy as code" are :mod:`studio.parameters.code`.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.runtime.tag_paths import STRUCTURAL_ATTRIBUTES

__all__ = [
    "FieldSpec",
    "EditRequest",
    "EditInputError",
    "field_kind",
    "behavior_fields",
    "variable_fields",
    "HIDDEN_BEHAVIOR_ATTRS",
    "HIDDEN_GROUP_ATTRS",
]

#: Behavior attributes that are machinery, not parameters (``behavior_enabled`` is the header checkbox).
HIDDEN_BEHAVIOR_ATTRS = frozenset(
    {
        "behavior_enabled",
        "empty_iteration_function",
        "new_data_available",
        "initialize_on_init",
        "initialize_last",
        "tag",
    }
)
#: Group attributes that are geometry or bookkeeping.
HIDDEN_GROUP_ATTRS = frozenset({"mask", "id", "x", "y", "z"})


class EditInputError(ValueError):
    """Text that cannot become an edit; the message is shown next to the field."""


@dataclass(frozen=True)
class FieldSpec:
    """One row of the panel.

    Attributes
    ----------
    name: the attribute (or constructor argument) name.
    path: tag path that addresses it (``'my_neurons.Basic_Behavior.threshold'``); None if it cannot be
        addressed (then the row is read-only).
    kind: ``'bool'``, ``'int'``, ``'float'``, ``'array'`` or ``'arg'`` (a constructor argument that only
        ``initialize`` read: shown, not editable).
    dtype: numpy dtype name for arrays, the Python type name for scalars.
    shape: array shape (``()`` for scalars).
    value_range: ``(low, high)`` when known (from the behavior's ``parameter_ranges``), else None.
    is_parameter: read through ``parameter()`` / given to the constructor.
    note: a short hint (e.g. for constructor arguments).
    """

    name: str
    path: str | None
    kind: str
    dtype: str = ""
    shape: tuple[int, ...] = ()
    value_range: tuple[float, float] | None = None
    is_parameter: bool = False
    note: str = ""

    @property
    def signature(self) -> tuple[Any, ...]:
        """What must stay equal for a row widget to keep showing this field."""
        return (self.kind, self.dtype if self.kind == "array" else "", self.shape, self.value_range)

    def tooltip(self) -> str:
        """Path, kind and type (and range) of the field, for the row's name label."""
        kind = "parameter" if self.is_parameter else "attribute"
        rng = f"\nrange {self.value_range[0]:g} … {self.value_range[1]:g}" if self.value_range else ""
        return f"{self.path or '(not addressable by a tag path)'}\n{kind}, {self.describe_type()}{rng}"

    def describe_type(self) -> str:
        """``'float'``, ``'bool'``, ``'float32 array (100,)'``."""
        if self.kind == "array":
            return f"{self.dtype} array {self.shape}"
        return self.kind


@dataclass(frozen=True)
class EditRequest:
    """An edit to send to the runner.

    ``op``: ``'set'`` (``value`` is a number, bool, array or value string), ``'scale'`` (multiply by
    ``value``, computed between iterations from the value at that moment) or ``'enable'`` (``path``
    addresses a behavior, ``value`` is a bool). ``text`` is what the user typed (for messages).
    ``gesture``: part of a continuous gesture (slider drag, arrow steps): consecutive ones merge into one
    undo step.
    """

    path: str
    op: str
    value: Any
    text: str = ""
    gesture: bool = False


# ----------------------------------------------------------------------------------------------- kinds
def field_kind(value: Any) -> str | None:
    """``'bool'``, ``'int'``, ``'float'``, ``'array'`` for an editable value, else None."""
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (numbers.Integral, np.integer)):
        return "int"
    if isinstance(value, (numbers.Real, np.floating)):
        return "float"
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf" and value.size > 0:
        return "array"
    return None


def _spec_for(
    name: str, value: Any, path: str | None, value_range: Any, is_parameter: bool
) -> FieldSpec | None:
    kind = field_kind(value)
    if kind is None:
        return None
    if kind == "array":
        return FieldSpec(name, path, "array", str(value.dtype), tuple(value.shape), None, is_parameter)
    rng = _checked_range(value_range) if kind in ("int", "float") else None
    return FieldSpec(name, path, kind, type(value).__name__, (), rng, is_parameter)


def _checked_range(value_range: Any) -> tuple[float, float] | None:
    try:
        low, high = (float(v) for v in value_range)
    except (TypeError, ValueError):
        return None
    if math.isfinite(low) and math.isfinite(high) and low < high:
        return (low, high)
    return None


def _join(prefix: str | None, name: str) -> str | None:
    return None if prefix is None else f"{prefix}.{name}"


def behavior_fields(behavior: Any, prefix: str | None) -> list[FieldSpec]:
    """Fields of one behavior: its parameters first (constructor kwargs and names read through
    ``parameter()``, in that order), then every other scalar numeric/bool or numeric-array attribute.

    ``prefix`` is the tag path of the behavior (``'my_neurons.Basic_Behavior'``) or None. The behavior may
    declare ``parameter_ranges = {'sigma': (0, 20)}`` to get sliders and range checks.
    """
    ranges = getattr(behavior, "parameter_ranges", None)
    ranges = ranges if isinstance(ranges, dict) else {}
    attrs = dict(getattr(behavior, "__dict__", {}))
    kwargs = dict(getattr(behavior, "init_kwargs", {}) or {})
    params = [
        k for k in list(getattr(behavior, "used_attr_keys", []) or []) + list(kwargs) if isinstance(k, str)
    ]
    out: list[FieldSpec] = []
    seen = set()
    for name in dict.fromkeys(params):
        if name in HIDDEN_BEHAVIOR_ATTRS or name.startswith("_"):
            continue
        seen.add(name)
        spec = (
            _spec_for(name, attrs[name], _join(prefix, name), ranges.get(name), True)
            if name in attrs
            else None
        )
        if spec is not None:
            out.append(spec)
        elif name in kwargs:
            out.append(
                FieldSpec(
                    name, None, "arg", type(kwargs[name]).__name__, (), None, True, _arg_note(behavior, name)
                )
            )
    for name, value in attrs.items():
        if (
            name in seen
            or name.startswith("_")
            or name in HIDDEN_BEHAVIOR_ATTRS
            or name in STRUCTURAL_ATTRIBUTES
        ):
            continue
        spec = _spec_for(name, value, _join(prefix, name), ranges.get(name), False)
        if spec is not None:
            out.append(spec)
    return out


def _arg_note(behavior: Any, name: str) -> str:
    parent = getattr(behavior, "parent", None)
    if parent is not None and field_kind(getattr(parent, "__dict__", {}).get(name)) is not None:
        return f"init only → variable {name}"
    return "init only"


def variable_fields(obj: Any, prefix: str | None) -> list[FieldSpec]:
    """The own variables of a group / synapse group: arrays first (voltage, v, spike, W, ... ranked),
    then scalar numbers and bools."""
    arrays: list[FieldSpec] = []
    scalars: list[FieldSpec] = []
    for name, value in list(getattr(obj, "__dict__", {}).items()):
        if name.startswith("_") or name in HIDDEN_GROUP_ATTRS or name in STRUCTURAL_ATTRIBUTES:
            continue
        spec = _spec_for(name, value, _join(prefix, name), None, False)
        if spec is not None:
            (arrays if spec.kind == "array" else scalars).append(spec)
    return sorted(arrays, key=lambda s: _rank(s.name)) + scalars


def _rank(name: str) -> tuple[int, str]:
    preferred = ("voltage", "v", "spike", "spikes", "fired", "output", "activity", "u", "I", "W", "enabled")
    return (preferred.index(name) if name in preferred else len(preferred), name)
