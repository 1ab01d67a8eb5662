"""Parameter panel: bad input, field discovery, arrays, coalescing, attributes that change under the panel."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup
from engine.io.scripts import load_script
from studio.parameters.dock import ParameterPanel
from studio.parameters.field_kinds import parse_edit
from studio.parameters.fields import ArrayRow, ScalarRow
from studio.parameters.model import EditInputError, FieldSpec, behavior_fields, variable_fields
from tests.support.parameters import THRESHOLD, WAIT_MS, type_into, wait_iteration
from tests.support.paths import EXAMPLES_DIR, SEED

# --------------------------------------------------------------------------------------------- parsing
FLOAT = FieldSpec("threshold", "g.B.threshold", "float")
RANGED = FieldSpec("sigma", "g.B.sigma", "float", value_range=(0.0, 20.0))
INT = FieldSpec("steps", "g.B.steps", "int")
ARRAY = FieldSpec("voltage", "g.voltage", "array", "float32", (100,))
BOOLS = FieldSpec("spike", "g.spike", "array", "bool", (100,))


@pytest.mark.parametrize(
    "text, op, value",
    [
        ("0.6", "set", 0.6),
        (" -1e-3 ", "set", -0.001),
        ("×1.1", "scale", 1.1),
        ("x1.1", "scale", 1.1),
        ("*1.1", "scale", 1.1),
        ("× 2", "scale", 2.0),
    ],
)
def test_scalar_text_becomes_a_request(text, op, value):
    req = parse_edit(text, FLOAT)
    assert (req.path, req.op, req.value) == ("g.B.threshold", op, pytest.approx(value))


@pytest.mark.parametrize(
    "spec, text, message",
    [
        (FLOAT, "abc", "'abc' is not a number"),
        (FLOAT, "", "empty"),
        (FLOAT, "nan", "nan is not allowed: give a finite number"),
        (FLOAT, "-inf", "give a finite number"),
        (FLOAT, "×nan", "give a finite number"),
        (FLOAT, "uniform(0,1)", "is not a number"),
        (RANGED, "25", "outside the range 0 … 20"),
        (INT, "2.5", "not a whole number"),
        (ARRAY, "[1, 2]", "wrong shape: voltage has shape (100,), the list has (2,)"),
        (ARRAY, "unifrom(0.4,0.6)", "did you mean 'uniform'"),
        (ARRAY, "uniform(0.4,", "malformed value string"),
        (ARRAY, "inf", "finite"),
        (ARRAY, "[1, nan]", "NaN and inf are not allowed"),
        (BOOLS, "×2", "cannot scale a bool"),
    ],
)
def test_bad_text_is_refused_with_a_reason(spec, text, message):
    with pytest.raises(EditInputError, match=None) as info:
        parse_edit(text, spec)
    assert message in str(info.value)


def test_array_text_forms():
    assert parse_edit("0.3", ARRAY).value == 0.3
    assert parse_edit("uniform(0.4,0.6)", ARRAY).value == "uniform(0.4,0.6)"
    assert parse_edit("×1.1", ARRAY).op == "scale"
    assert parse_edit("true", BOOLS).value is True


# --------------------------------------------------------------------------------------------- discovery
def test_izhikevich_fields_sections_in_key_order():
    net = load_script(str(EXAMPLES_DIR / "izhikevich_ei.py")).network
    exc = net.exc
    panel_keys = [k for k, _ in sorted(exc.behavior.items())]
    assert panel_keys == [1, 2, 3, 4, 9, 10]
    izh = {s.name: s for s in behavior_fields(exc.behavior[1], "exc.Izhikevich")}
    assert izh["threshold"].kind == "float" and izh["threshold"].path == "exc.Izhikevich.threshold"
    assert izh["a"].kind == "arg" and izh["a"].path is None and "variable a" in izh["a"].note
    assert [s.name for s in behavior_fields(exc.behavior[2], "exc.Thalamic_Input")] == ["sigma"]
    names = [s.name for s in variable_fields(exc, "exc")]
    assert names[:4] == ["v", "fired", "u", "I"] and {"a", "b", "c", "d"} <= set(names)


def test_panel_sections_show_key_class_tags_and_enable(qtbot):
    net = load_script(str(EXAMPLES_DIR / "izhikevich_ei.py")).network
    panel = ParameterPanel(None)
    qtbot.addWidget(panel)
    panel.set_target(net.exc)
    assert list(panel.sections)[:6] == [1, 2, 3, 4, 9, 10]
    rec = panel.section(9)
    assert "Recorder" in rec.title.text() and "exc_recorder" in rec.title.text()
    assert rec.enable.isChecked() and not rec.expanded  # recorders start collapsed
    assert panel.section(2).path == "exc.Thalamic_Input"
    assert isinstance(panel.row("exc.Thalamic_Input.sigma"), ScalarRow)
    assert isinstance(panel.row("exc.v"), ArrayRow)
    qtbot.waitUntil(lambda: "mean" in panel.row("exc.v").summary.text(), timeout=WAIT_MS)
    # without a runner nothing can be edited, and the panel says so
    row = panel.row("exc.Thalamic_Input.sigma")
    row.emit_text("3")
    assert "no simulation is loaded" in row.message.text()


# --------------------------------------------------------------------------------------------- bad input live
@pytest.mark.parametrize(
    "path, text, message",
    [
        (THRESHOLD, "nan", "give a finite number"),
        (THRESHOLD, "inf", "give a finite number"),
        (THRESHOLD, "1.5", "outside the range 0 … 1"),
        ("my_neurons.voltage", "[0.1, 0.2, 0.3]", "wrong shape"),
        ("my_neurons.voltage", "normol(0, 1)", "unknown distribution or function 'normol'"),
    ],
)
def test_bad_input_mid_run_keeps_the_old_value(seed_panel, qtbot, path, text, message):
    seed_panel.group.Basic_Behavior.parameter_ranges = {"threshold": (0.0, 1.0)}
    seed_panel.panel.set_target(seed_panel.group)
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, 100)
    row = seed_panel.panel.row(path)
    if path == THRESHOLD:
        assert row.slider is not None  # a known range gives a labeled slider
        type_into(qtbot, row, text)
    else:
        row.edit.setText(text)
        row.edit.returnPressed.emit()
    assert message in row.message.text() and row.message.isVisible()
    wait_iteration(qtbot, seed_panel.runner, seed_panel.runner.iteration + 100)
    assert seed_panel.group.Basic_Behavior.threshold == 0.5
    assert not [e for e in seed_panel.runner.events if e.kind == "set_value"]


def test_edits_faster_than_iterations_are_coalesced(seed_panel, qtbot):
    seed_panel.runner.target_iterations_per_second = 5
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, 2)
    row = seed_panel.panel.row(THRESHOLD)
    values = [round(0.5 + 0.01 * k, 2) for k in range(1, 31)]
    for v in values:  # 30 edits without giving the GUI a turn
        row.emit_text(str(v))
    assert seed_panel.controller.busy
    assert [r.value for r in seed_panel.controller.waiting_requests()] == [values[-1]]  # one slot, the newest
    assert row.stamp.text() == "queued…"
    qtbot.waitUntil(lambda: not seed_panel.controller.pending(THRESHOLD), timeout=WAIT_MS)
    events = [e for e in seed_panel.runner.events if e.path == THRESHOLD]
    assert [e.new for e in events] == [values[0], values[-1]]
    assert seed_panel.group.Basic_Behavior.threshold == values[-1]


class Mutator(Behavior):
    """Holds attributes that it deletes / retypes at given iterations."""

    def initialize(self, n):
        self.doomed = 1.0
        self.shifty = 2.0
        self.delete_at = self.parameter("delete_at", 50)
        self.retype_at = self.parameter("retype_at", 60)
        n.level = n.vector(0.5)

    def iteration(self, n):
        if n.iteration == self.delete_at:
            del self.doomed
        if n.iteration == self.retype_at:
            self.shifty = n.vector(2.0)


@pytest.fixture
def mutating(qtbot, make_runner):
    net = Network()
    NeuronGroup(net=net, tag="g", size=10, behavior={1: Mutator()})
    net.initialize(info=False)
    runner = make_runner(net)
    panel = ParameterPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_target(net.g)
    yield net, runner, panel
    panel.timer.stop()


def test_attribute_deleted_or_retyped_while_shown(mutating, qtbot):
    net, runner, panel = mutating
    doomed, shifty = panel.row("g.Mutator.doomed"), panel.row("g.Mutator.shifty")
    assert isinstance(shifty, ScalarRow)
    runner.run_for(100).wait(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: doomed.missing, timeout=WAIT_MS)
    assert "no longer exists" in doomed.message.text() and not doomed.spin.isEnabled()
    qtbot.waitUntil(lambda: isinstance(panel.row("g.Mutator.shifty"), ArrayRow), timeout=WAIT_MS)
    new_row = panel.row("g.Mutator.shifty")
    assert "changed type: was float, now float32 array (10,)" in new_row.message.text()
    # an edit of the deleted attribute is refused with the engine's reason, nothing changes
    doomed.emit_text("3")
    assert "no attribute 'doomed'" in doomed.message.text()
    assert not hasattr(net.g.Mutator, "doomed")
    assert not [e for e in runner.events if e.kind == "set_value"]


def test_array_edits_scale_value_string_and_undo(mutating, qtbot):
    net, runner, panel = mutating
    row = panel.row("g.level")
    for text, check in [
        ("×3", lambda a: np.allclose(a, 1.5)),
        ("0.25", lambda a: np.all(a == 0.25)),
        ("uniform(0.4,0.6)", lambda a: a.min() >= 0.4 and a.max() <= 0.6 and a.std() > 0),
    ]:
        row.edit.setText(text)
        row.edit.returnPressed.emit()
        qtbot.waitUntil(
            lambda: row.stamp.text().startswith("✓") and not panel.controller.busy, timeout=WAIT_MS
        )
        assert check(net.g.level), text
        row.stamp.setText("")
    drawn = net.g.level.copy()
    panel.controller.undo()  # back to 0.25 exactly (a full copy was kept)
    qtbot.waitUntil(lambda: np.all(net.g.level == 0.25), timeout=WAIT_MS)
    panel.controller.redo()  # the same drawn values, not a new draw
    qtbot.waitUntil(lambda: np.array_equal(net.g.level, drawn), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "mean 0." in row.summary.text(), timeout=WAIT_MS)
    assert [e.source for e in runner.events if e.kind == "set_value"] == ["panel"] * 3 + ["undo", "redo"]


def test_values_changed_elsewhere_show_up_live(seed_panel, qtbot):
    seed_panel.runner.start()
    row = seed_panel.panel.row(THRESHOLD)
    seed_panel.runner.set_value(THRESHOLD, 0.65, source="console")
    qtbot.waitUntil(lambda: row.spin.value == 0.65, timeout=WAIT_MS)
    assert row.spin.lineEdit().text() == "0.65"


def test_stopped_runner_refuses_edits_and_new_runner_is_followed(seed_panel, make_runner, qtbot):
    seed_panel.runner.stop()
    row = seed_panel.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.7")
    assert "runner was stopped" in row.message.text()
    net2 = load_script(str(SEED)).network
    runner2 = make_runner(net2)
    seed_panel.panel.set_runner(runner2)
    assert seed_panel.panel.target is None  # the old group is not in the new network
    seed_panel.panel.set_target(net2.my_neurons)
    row2 = seed_panel.panel.row(THRESHOLD)
    type_into(qtbot, row2, "0.7")
    qtbot.waitUntil(lambda: row2.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert net2.my_neurons.Basic_Behavior.threshold == 0.7
    assert seed_panel.net.my_neurons.Basic_Behavior.threshold == 0.5


def test_synapse_group_weights_and_bool_checkbox(seed_panel, qtbot):
    sg = seed_panel.net.GLUTAMATE
    seed_panel.panel.set_target(sg)
    assert "my_neurons → my_neurons" in seed_panel.panel.title.text()
    w_row = seed_panel.panel.row("GLUTAMATE.W")
    qtbot.waitUntil(lambda: "mean" in w_row.summary.text(), timeout=WAIT_MS)
    assert "[100×100]" in w_row.summary.text()
    before = sg.W.copy()
    w_row.edit.setText("x2")
    w_row.edit.returnPressed.emit()
    qtbot.waitUntil(lambda: w_row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    np.testing.assert_array_equal(sg.W, before * 2)  # nothing else writes W in the seed
    rec = seed_panel.panel.row("GLUTAMATE.recording")
    rec.check.click()
    qtbot.waitUntil(lambda: rec.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert sg.recording is False and not rec.check.isChecked()
    ev = [e for e in seed_panel.runner.events if e.kind == "set_value"]
    assert [(e.path, e.source) for e in ev] == [("GLUTAMATE.W", "panel"), ("GLUTAMATE.recording", "panel")]
