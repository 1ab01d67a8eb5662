"""The parameter panel's data types: a field (:class:`FieldSpec`), an edit (:class:`EditRequest`) and
the error of text that cannot become one (:class:`EditInputError`). No Qt, no engine here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["FieldSpec", "EditRequest", "EditInputError"]


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
    kind: the name of its field kind (:mod:`studio.parameters.field_kinds`): ``'bool'``, ``'int'``,
        ``'float'``, ``'array'`` or ``'arg'`` (a constructor argument that only ``initialize`` read:
        shown, not editable), or a registered one.
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
    ``gesture``: the id of the continuous gesture this edit belongs to (one slider drag, one run of arrow
    steps; 0: none). Edits of one gesture merge into one undo step; the row that emits them decides where
    a gesture starts and ends (:class:`~studio.parameters.gestures.GestureTracker`), so how long the
    engine takes to apply them never splits one.
    """

    path: str
    op: str
    value: Any
    text: str = ""
    gesture: int = 0
