"""Field kinds (:mod:`studio.parameters.field_kinds`): which kind a value gets, how typed text becomes
an edit, and a kind registered from outside the studio (complex numbers, which no built-in kind
shows) that the Parameters dock then lists, edits between two iterations, refreshes live and undoes.

Tests that register a kind work on a private copy of the registry (``monkeypatch``), so nothing
registered here leaks into other tests.
"""

from __future__ import annotations

import cmath
import dataclasses
from typing import Any

import numpy as np
import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QLabel, QLineEdit

from engine.io.scripts import load_script
from studio.parameters import field_kinds
from studio.parameters.field_kinds import (
    ARG,
    FieldKind,
    kind_named,
    kind_of,
    make_row,
    parse_edit,
    register_field_kind,
)
from studio.parameters.fields import ArgRow, ArrayRow, BoolRow, FieldRow, ScalarRow
from studio.parameters.model import behavior_fields
from studio.parameters.spec import EditInputError, EditRequest, FieldSpec
from tests.support.parameters import WAIT_MS, wait_iteration

BUILTIN = ["bool", "int", "float", "array", ARG]
PHASE = "g.Rotor.phase"
ROTOR_SCRIPT = '''
"""A behavior with a complex parameter"""
from PymoNNto import *

class Rotor(Behavior):
    """Its ``phase`` is complex; ``changes`` logs (iteration, phase) whenever an iteration sees a new one."""

    def initialize(self, neurons):
        self.phase = self.parameter("phase", 1 + 0j)
        self.changes = []
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        if not self.changes or self.changes[-1][1] != self.phase:
            self.changes.append((neurons.iteration, self.phase))
        neurons.voltage = neurons.vector() + self.phase.real

net = Network()
NeuronGroup(net=net, tag="g", size=16, behavior={1: Rotor(phase=1 + 0j)})
net.initialize(info=False)
'''


# ------------------------------------------------------------------------------------------ a complex kind
def _is_complex(value: Any) -> bool:
    return isinstance(value, (complex, np.complexfloating))


def parse_complex(text: str, spec: FieldSpec) -> EditRequest:
    try:
        value = complex(text.replace(" ", "").replace("i", "j"))
    except ValueError:
        raise EditInputError(f"{text!r} is not a complex number ({spec.name} is complex: 1+2j)") from None
    if not cmath.isfinite(value):
        raise EditInputError(f"{spec.name}: give a finite complex number")
    return EditRequest(spec.path, "set", value)


class ComplexRow(FieldRow):
    """The current value in a label, a line edit for a new one (Enter applies)."""

    def __init__(self, spec: FieldSpec, value: Any, parse: Any = None, parent: Any = None) -> None:
        super().__init__(spec, parse, parent)
        self.shown = QLabel()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("1+2j")
        self.edit.returnPressed.connect(lambda: self.emit_text(self.edit.text()))
        self.editor_box.addWidget(self.shown)
        self.editor_box.addWidget(self.edit, 1)
        self.set_value(value)

    def editor_widgets(self) -> list:
        return [self.edit]

    def set_value(self, value: Any) -> None:
        self.value = value
        self.shown.setText(str(value))

    def show_applied(self, iteration: int, source: str) -> None:
        super().show_applied(iteration, source)
        self.edit.clear()


COMPLEX = FieldKind("complex", _is_complex, parse_complex, ComplexRow, live_value=True)
PHASE_SPEC = FieldSpec("phase", PHASE, "complex", "complex")


@pytest.fixture
def private_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the registry for this test: registrations vanish with it."""
    monkeypatch.setattr(field_kinds, "_kinds", dict(field_kinds._kinds))


@pytest.fixture
def complex_kind(private_kinds) -> FieldKind:
    """The complex kind, registered before ``float`` for this test only."""
    return register_field_kind(COMPLEX, before="float")


def _names() -> list[str]:
    return [k.name for k in field_kinds.field_kinds()]


# ------------------------------------------------------------------------------------------ built-ins
@pytest.mark.parametrize(
    "value, kind",
    [
        (True, "bool"),
        (np.bool_(False), "bool"),
        (3, "int"),
        (np.int16(-2), "int"),
        (0.5, "float"),
        (np.float32(0.25), "float"),
        (np.zeros(4), "array"),
        (np.arange(6, dtype=np.uint8).reshape(2, 3), "array"),
        (np.array([True, False]), "array"),
    ],
)
def test_builtin_kinds_resolve(value, kind):
    assert kind_of(value).name == kind


@pytest.mark.parametrize(
    "value",
    ["0.5", None, [0.1, 0.2], 1 + 2j, np.zeros(0), np.array(["a", "b"]), np.zeros(3, dtype=complex)],
    ids=["str", "None", "list", "complex", "empty array", "str array", "complex array"],
)
def test_values_no_builtin_kind_shows_get_none(value):
    assert kind_of(value) is None


def test_builtin_kinds_in_matching_order_with_their_traits():
    assert _names() == BUILTIN
    traits = {
        k.name: (k.ranged, k.live_value, k.live_summary, k.scalable, k.parse is not None)
        for k in field_kinds.field_kinds()
    }
    assert traits == {
        "bool": (False, True, False, False, True),
        "int": (True, True, False, True, True),
        "float": (True, True, False, True, True),
        "array": (False, False, True, True, True),
        ARG: (False, False, False, False, False),
    }
    assert kind_named(ARG).accepts is None  # never chosen by value
    assert kind_named("array").describe(np.zeros((2, 5), dtype=np.float32)) == ("float32", (2, 5))
    assert kind_named("float").describe(0.5) == ("float", ())
    with pytest.raises(KeyError, match="no field kind 'complex'; registered: bool, int, float, array, arg"):
        kind_named("complex")


# ------------------------------------------------------------------------------------------ parse_edit
INT = FieldSpec("steps", "g.B.steps", "int")
FLOAT = FieldSpec("gain", "g.B.gain", "float", value_range=(0.0, 2.0))
BOOL = FieldSpec("on", "g.B.on", "bool")
ARRAY = FieldSpec("v", "g.v", "array", "int32", (4,))


@pytest.mark.parametrize(
    "spec, text, op, value",
    [
        (INT, " 12 ", "set", 12),
        (INT, "1e2", "set", 100),
        (INT, "×3", "scale", 3.0),
        (FLOAT, "1.25", "set", 1.25),
        (FLOAT, "*0.5", "scale", 0.5),
        (BOOL, "off", "set", False),
        (BOOL, "Yes", "set", True),
        (ARRAY, "7", "set", 7.0),
        (ARRAY, "uniform(0,3)", "set", "uniform(0,3)"),
    ],
)
def test_typed_text_becomes_the_edit(spec, text, op, value):
    req = parse_edit(text, spec)
    assert (req.path, req.op, req.value, req.text) == (spec.path, op, value, text)
    assert type(req.value) is type(value)


@pytest.mark.parametrize(
    "spec, text, message",
    [
        (INT, "2.5", "2.5 is not a whole number (steps is an integer)"),
        (FLOAT, "3", "3 is outside the range 0 … 2"),
        (BOOL, "maybe", "'maybe' is not a bool: use true or false"),
        (ARRAY, "1.5", "1.5 is not a whole number (v is an int32 array)"),
        (FieldSpec("a", None, ARG, note="init only"), "1", "a cannot be edited here (init only)"),
        (FieldSpec("w", "g.B.w", ARG), "1", "w cannot be edited here"),
        (FieldSpec("z", "g.B.z", "complex"), "1+2j", "z cannot be edited here"),  # not registered
        (INT, "   ", "empty: type a value"),
    ],
)
def test_bad_text_raises_edit_input_error(spec, text, message):
    with pytest.raises(EditInputError) as info:
        parse_edit(text, spec)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_rows_are_the_kinds_rows_and_an_unknown_kind_is_read_only(qtbot):
    rows = [
        make_row(INT, 3),
        make_row(BOOL, True),
        make_row(ARRAY, None),
        make_row(FieldSpec("z", "g.B.z", "complex"), 1j),
    ]
    for row in rows:
        qtbot.addWidget(row)
    assert [type(r) for r in rows] == [ScalarRow, BoolRow, ArrayRow, ArgRow]
    assert rows[0].spin.value == 3 and rows[0].parse is parse_edit
    assert rows[1].check.isChecked()
    assert rows[3].parse is None and "1j" in rows[3].label.text()


# ------------------------------------------------------------------------------------------ registering
def test_register_before_inserts_and_a_known_name_is_replaced_in_place(private_kinds):
    assert register_field_kind(COMPLEX, before="float") is COMPLEX
    assert _names() == ["bool", "int", "complex", "float", "array", ARG]
    assert kind_of(1 + 2j) is COMPLEX and kind_of(np.complex64(1j)) is COMPLEX
    assert kind_of(0.5).name == "float" and kind_of(2).name == "int"  # still theirs
    again = FieldKind("complex", _is_complex, parse_complex, ComplexRow)
    register_field_kind(again, before="bool")  # same name: replaced where it was
    assert _names() == ["bool", "int", "complex", "float", "array", ARG]
    assert kind_named("complex") is again
    register_field_kind(FieldKind("last", None, None, ComplexRow))  # no ``before``: appended
    assert _names()[-1] == "last"
    with pytest.raises(KeyError, match="no field kind 'nope' to insert 'other' before"):
        register_field_kind(FieldKind("other", None, None, ComplexRow), before="nope")
    assert "other" not in _names()


def test_the_registration_is_private_to_the_test_that_made_it():
    assert _names() == BUILTIN and kind_of(1j) is None


def test_an_earlier_kind_wins_a_value_two_kinds_accept(private_kinds):
    register_field_kind(
        FieldKind("fraction", lambda v: isinstance(v, float) and 0 <= v <= 1, None, ComplexRow),
        before="float",
    )
    assert kind_of(0.25).name == "fraction" and kind_of(1.5).name == "float"


def test_parse_edit_uses_the_registered_parser(complex_kind):
    req = parse_edit(" 0.5 + 2j ", PHASE_SPEC)
    assert (req.path, req.op, req.value, req.text) == (PHASE, "set", 0.5 + 2j, " 0.5 + 2j ")
    assert parse_edit("3i", PHASE_SPEC).value == 3j
    with pytest.raises(EditInputError, match=r"'1\+' is not a complex number \(phase is complex"):
        parse_edit("1+", PHASE_SPEC)
    with pytest.raises(EditInputError, match="phase: give a finite complex number"):
        parse_edit("nan+1j", PHASE_SPEC)


def test_discovery_shows_the_attribute_as_the_new_kind(write_script, private_kinds):
    net = load_script(str(write_script("rotor.py", ROTOR_SCRIPT))).network
    rotor = net.g.Rotor

    def phase_spec() -> FieldSpec:
        return next(s for s in behavior_fields(rotor, "g.Rotor") if s.name == "phase")

    before = phase_spec()  # no kind shows complex values: the constructor argument, read-only
    assert (before.kind, before.path, before.dtype) == (ARG, None, "complex")
    assert "changes" not in [s.name for s in behavior_fields(rotor, "g.Rotor")]  # a list: not shown
    register_field_kind(COMPLEX, before="float")
    assert phase_spec() == FieldSpec("phase", PHASE, "complex", "complex", (), None, True)


# ------------------------------------------------------------------------------------------ in the dock
@pytest.fixture
def rotor_window(complex_kind, write_script, make_window) -> Any:
    """A window on the Rotor script (group ``g`` selected), with the complex kind registered."""
    return make_window(write_script("rotor.py", ROTOR_SCRIPT))


def test_the_dock_shows_a_row_of_the_new_kind(rotor_window):
    w = rotor_window
    panel = w.docks.content("parameters").panel
    assert panel.target is w.bridge.network.g
    row = panel.row(PHASE)
    assert isinstance(row, ComplexRow) and row.spec == dataclasses.replace(PHASE_SPEC, is_parameter=True)
    assert row.shown.text() == "(1+0j)" and row.parse is parse_edit
    assert row.name_label.text() == "phase" and "complex" in row.name_label.toolTip()


def test_typing_into_the_new_row_edits_the_running_network_between_iterations(rotor_window, qtbot):
    w = rotor_window
    panel = w.docks.content("parameters").panel
    rotor, runner = w.bridge.network.g.Rotor, w.bridge.runner
    row = panel.row(PHASE)
    w.bridge.run()
    wait_iteration(qtbot, runner, 50)
    row.edit.setFocus()
    qtbot.keyClicks(row.edit, "0.5+2j")
    qtbot.keyClick(row.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    stamp = int(row.stamp.text().split()[-1])
    assert stamp >= 50
    wait_iteration(qtbot, runner, stamp + 20)
    w.bridge.pause()
    assert rotor.phase == 0.5 + 2j and type(rotor.phase) is complex
    # iterations up to the stamp saw the old value, every one after it the new one
    assert rotor.changes == [(1, 1 + 0j), (stamp + 1, 0.5 + 2j)]
    assert np.all(w.bridge.network.g.voltage >= 0.5)
    assert row.shown.text() == "(0.5+2j)" and row.edit.text() == "" and not row.message.isVisible()
    events = [(e.iteration, e.old, e.new, e.source) for e in runner.events if e.path == PHASE]
    assert events == [(stamp, 1 + 0j, 0.5 + 2j, "panel")]
    # undo goes through the same path and the kind's row shows the old value again
    assert w.edits.undo_action.text() == "Undo phase (1+0j) → (0.5+2j)"
    w.edits.undo()
    qtbot.waitUntil(lambda: rotor.phase == 1 + 0j and row.shown.text() == "(1+0j)", timeout=WAIT_MS)


def test_bad_text_in_the_new_row_is_refused_and_changes_nothing(rotor_window, qtbot):
    w = rotor_window
    row = w.docks.content("parameters").panel.row(PHASE)
    runner = w.bridge.runner
    w.bridge.step(10)
    row.edit.setText("1+")
    row.edit.returnPressed.emit()
    assert row.message.isVisible() and row.stamp.text() == "refused"
    assert row.message.text() == "'1+' is not a complex number (phase is complex: 1+2j)"
    w.bridge.step(10)
    assert w.bridge.network.g.Rotor.phase == 1 + 0j
    assert not [e for e in runner.events if e.kind == "set_value"]


def test_the_new_row_follows_values_changed_elsewhere(rotor_window, qtbot):
    w = rotor_window
    row = w.docks.content("parameters").panel.row(PHASE)
    w.bridge.run()
    w.bridge.runner.set_value(PHASE, 3j, source="console")  # live_value: read at each refresh
    qtbot.waitUntil(lambda: row.shown.text() == "3j", timeout=WAIT_MS)
    assert row.value == 3j
