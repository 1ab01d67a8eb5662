"""Field kinds, registered by name: which values a kind shows, how typed text becomes an edit of it,
and which row widget edits it. No Qt is imported here (row classes load when a row is made).

Every value the panel lists gets the first registered kind whose ``accepts(value)`` is true (bool
before int before float before array; :func:`register_field_kind` can insert before another kind).
The discovery (:mod:`studio.parameters.model`), the rows (:func:`make_row`), the text rules
(:func:`parse_edit`), the live refresh and the edit checks all ask the kind, so a new kind is one
:func:`register_field_kind` call, e.g.::

    register_field_kind(FieldKind(
        "complex", accepts=lambda v: isinstance(v, (complex, np.complexfloating)), parse=parse_complex,
        row="my_package.rows:ComplexRow", live_value=True,
    ), before="float")

A row class is constructed as ``cls(spec, value, parse)`` (see :class:`studio.parameters.fields.FieldRow`).
"""

from __future__ import annotations

import dataclasses
import importlib
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from studio.parameters.spec import EditInputError, EditRequest, FieldSpec
from studio.parameters.text import (
    check_range,
    check_value_string,
    parse_bool_word,
    parse_factor,
    parse_list,
    parse_number,
)

__all__ = [
    "FieldKind",
    "ARG",
    "register_field_kind",
    "field_kinds",
    "kind_named",
    "kind_of",
    "parse_edit",
    "make_row",
]

#: The kind of a constructor argument that only ``initialize`` read: shown, never edited, and read
#: from the behavior's ``init_kwargs`` (no value is ever given this kind by ``accepts``).
ARG = "arg"

Parser = Callable[[str, FieldSpec], EditRequest]


def _describe_scalar(value: Any) -> tuple[str, tuple[int, ...]]:
    return type(value).__name__, ()


@dataclass(frozen=True)
class FieldKind:
    """One kind of field.

    Attributes
    ----------
    name: the kind's name (``FieldSpec.kind``).
    accepts: ``accepts(value)``: whether a value is shown as this kind (None: never chosen by value).
    parse: ``parse(text, spec) -> EditRequest`` for stripped, non-empty text; raises
        :class:`EditInputError`. None: the field is read-only.
    row: the row widget: ``"package.module:Class"`` or a callable ``(spec, value, parse) -> FieldRow``.
    describe: ``describe(value) -> (dtype, shape)`` for the field's spec (default: type name, ``()``).
    ranged: takes a ``parameter_ranges`` entry (range checks, a slider).
    live_value: the panel reads the value from the GUI thread at each refresh (cheap scalars).
    live_summary: the panel shows a summary (min / mean / max) computed on the engine thread.
    scalable: the value may be multiplied by a factor (``×1.1``; the runner's ``scale`` edit).
    """

    name: str
    accepts: Callable[[Any], bool] | None
    parse: Parser | None
    row: str | Callable[..., Any]
    describe: Callable[[Any], tuple[str, tuple[int, ...]]] = _describe_scalar
    ranged: bool = False
    live_value: bool = False
    live_summary: bool = False
    scalable: bool = False

    def make_row(self, spec: FieldSpec, value: Any) -> Any:
        """The row widget for ``spec`` showing ``value``."""
        factory = self.row
        if isinstance(factory, str):
            module, _, attr = factory.partition(":")
            factory = getattr(importlib.import_module(module), attr)
        return factory(spec, value, parse_edit)


_kinds: dict[str, FieldKind] = {}


def register_field_kind(kind: FieldKind, before: str | None = None) -> FieldKind:
    """Register ``kind`` (a kind of the same name is replaced in place); values are matched against
    the kinds in registration order, or ``kind`` goes just before the kind named ``before``."""
    if kind.name in _kinds or before is None:
        _kinds[kind.name] = kind
        return kind
    if before not in _kinds:
        raise KeyError(f"no field kind {before!r} to insert {kind.name!r} before")
    items = list(_kinds.items())
    index = [name for name, _k in items].index(before)
    items.insert(index, (kind.name, kind))
    _kinds.clear()
    _kinds.update(items)
    return kind


def field_kinds() -> tuple[FieldKind, ...]:
    """The registered kinds, in matching order."""
    return tuple(_kinds.values())


def kind_named(name: str) -> FieldKind:
    """The kind called ``name`` (``KeyError`` if none is registered)."""
    try:
        return _kinds[name]
    except KeyError:
        raise KeyError(f"no field kind {name!r}; registered: {', '.join(_kinds)}") from None


def kind_of(value: Any) -> FieldKind | None:
    """The first kind that accepts ``value`` (None: the panel does not show it)."""
    for kind in _kinds.values():
        if kind.accepts is not None and kind.accepts(value):
            return kind
    return None


def parse_edit(text: str, spec: FieldSpec) -> EditRequest:
    """Turn typed ``text`` into an edit of ``spec``, or raise :class:`EditInputError`.

    Scalars: a number (``0.6``, ``1e-3``), or a factor (``×1.1``, ``x1.1``, ``*1.1``); bools: true/false.
    Arrays: a number (every element), a factor, a list (``[0.1, 0.2, ...]``), or a value string
    (``uniform(0.4,0.6)``), evaluated through the group's ``vector()`` / ``matrix()`` between iterations.
    NaN and inf are refused; integer fields need whole numbers; known ranges are enforced.
    """
    if spec.path is None:
        raise EditInputError(f"{spec.name} cannot be edited here ({spec.note or 'no tag path addresses it'})")
    stripped = text.strip()
    if not stripped:
        raise EditInputError("empty: type a value")
    kind = _kinds.get(spec.kind)
    if kind is None or kind.parse is None:
        raise EditInputError(f"{spec.name} cannot be edited here")
    return dataclasses.replace(kind.parse(stripped, spec), text=text)


def make_row(spec: FieldSpec, value: Any) -> Any:
    """The row widget of ``spec``'s kind showing ``value`` (an unknown kind gets a read-only row)."""
    return _kinds.get(spec.kind, _kinds[ARG]).make_row(spec, value)


# ------------------------------------------------------------------------------------------ built-in
def _parse_bool(text: str, spec: FieldSpec) -> EditRequest:
    value = parse_bool_word(text)
    if value is None:
        raise EditInputError(f"{text!r} is not a bool: use true or false")
    return EditRequest(spec.path, "set", value)


def _parse_scalar(text: str, spec: FieldSpec) -> EditRequest:
    factor = parse_factor(text)
    if factor is not None:
        return EditRequest(spec.path, "scale", factor)
    value: float | int = parse_number(text, f"{spec.kind} expected")
    if spec.kind == "int":
        if value != int(value):
            raise EditInputError(f"{text} is not a whole number ({spec.name} is an integer)")
        value = int(value)
    check_range(value, spec)
    return EditRequest(spec.path, "set", value)


def _parse_array(text: str, spec: FieldSpec) -> EditRequest:
    if spec.dtype == "bool":
        word = parse_bool_word(text)
        if word is not None:
            return EditRequest(spec.path, "set", word)
    factor = parse_factor(text)
    if factor is not None:
        if spec.dtype == "bool":
            raise EditInputError("a factor cannot scale a bool")
        return EditRequest(spec.path, "scale", factor)
    if text.startswith("["):
        return EditRequest(spec.path, "set", parse_list(text, spec))
    try:
        value = parse_number(text, "")
    except EditInputError as exc:
        if "finite" in str(exc):
            raise
        if "(" in text or text.isidentifier():
            return EditRequest(spec.path, "set", check_value_string(text))
        raise EditInputError(
            f"{text!r} is neither a number, a factor (×1.1) nor a value string such as uniform(0.4,0.6)"
        ) from None
    if spec.dtype.startswith(("int", "uint")) and value != int(value):
        raise EditInputError(f"{text} is not a whole number ({spec.name} is an {spec.dtype} array)")
    return EditRequest(spec.path, "set", value)


def _is_bool(value: Any) -> bool:
    return isinstance(value, (bool, np.bool_))


def _is_int(value: Any) -> bool:
    return isinstance(value, (numbers.Integral, np.integer))


def _is_float(value: Any) -> bool:
    return isinstance(value, (numbers.Real, np.floating))


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray) and value.dtype.kind in "biuf" and value.size > 0


def _describe_array(value: np.ndarray) -> tuple[str, tuple[int, ...]]:
    return str(value.dtype), tuple(value.shape)


_ROWS = "studio.parameters.fields:"
register_field_kind(FieldKind("bool", _is_bool, _parse_bool, _ROWS + "BoolRow", live_value=True))
for _name, _accepts in (("int", _is_int), ("float", _is_float)):
    register_field_kind(
        FieldKind(
            _name,
            _accepts,
            _parse_scalar,
            _ROWS + "ScalarRow",
            ranged=True,
            live_value=True,
            scalable=True,
        )
    )
register_field_kind(
    FieldKind(
        "array",
        _is_array,
        _parse_array,
        _ROWS + "ArrayRow",
        describe=_describe_array,
        live_summary=True,
        scalable=True,
    )
)
register_field_kind(FieldKind(ARG, None, None, _ROWS + "ArgRow"))
