"""What the parameter panel shows: the fields of behaviors and groups. No Qt here.

* :func:`behavior_fields` / :func:`variable_fields` list the editable values of a behavior or a group
  as :class:`FieldSpec` objects (read-only discovery; called at a few Hz from the GUI thread). Which
  values are shown, and as what, is up to the field kinds (:mod:`studio.parameters.field_kinds`).
* Typed text → :class:`EditRequest` (or :class:`EditInputError`) is
  :func:`studio.parameters.field_kinds.parse_edit`; tag paths and "copy as code" are
  :mod:`studio.parameters.code`.

Attributes are read through :mod:`engine.model.introspection` (never an instance ``__dict__``).
"""

from __future__ import annotations

import math
from typing import Any

from engine.model.introspection import MISSING, instance_attributes, own_attribute
from engine.runtime.tag_paths import STRUCTURAL_ATTRIBUTES
from studio.parameters.field_kinds import ARG, kind_of
from studio.parameters.spec import EditInputError, EditRequest, FieldSpec

__all__ = [
    "FieldSpec",
    "EditRequest",
    "EditInputError",
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


def _spec_for(
    name: str, value: Any, path: str | None, value_range: Any, is_parameter: bool
) -> FieldSpec | None:
    kind = kind_of(value)
    if kind is None:
        return None
    dtype, shape = kind.describe(value)
    rng = _checked_range(value_range) if kind.ranged else None
    return FieldSpec(name, path, kind.name, dtype, shape, rng, is_parameter)


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
    ranges = getattr(behavior, "parameter_ranges", None)  # optional, declared by the behavior's class
    ranges = ranges if isinstance(ranges, dict) else {}
    attrs = instance_attributes(behavior)
    kwargs = dict(behavior.init_kwargs)
    params = [k for k in list(behavior.used_attr_keys) + list(kwargs) if isinstance(k, str)]
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
                    name, None, ARG, type(kwargs[name]).__name__, (), None, True, _arg_note(behavior, name)
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
    parent = behavior.parent
    if parent is not None:
        value = own_attribute(parent, name)
        if value is not MISSING and kind_of(value) is not None:
            return f"init only → variable {name}"
    return "init only"


def variable_fields(obj: Any, prefix: str | None) -> list[FieldSpec]:
    """The own variables of a group / synapse group: arrays first (voltage, v, spike, W, ... ranked),
    then scalar numbers and bools."""
    arrays: list[FieldSpec] = []
    scalars: list[FieldSpec] = []
    for name, value in instance_attributes(obj).items():
        if name.startswith("_") or name in HIDDEN_GROUP_ATTRS or name in STRUCTURAL_ATTRIBUTES:
            continue
        spec = _spec_for(name, value, _join(prefix, name), None, False)
        if spec is not None:
            (arrays if spec.kind == "array" else scalars).append(spec)
    return sorted(arrays, key=lambda s: _rank(s.name)) + scalars


def _rank(name: str) -> tuple[int, str]:
    preferred = ("voltage", "v", "spike", "spikes", "fired", "output", "activity", "u", "I", "W", "enabled")
    return (preferred.index(name) if name in preferred else len(preferred), name)
