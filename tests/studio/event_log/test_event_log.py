"""Event log: what it shows, copy as code, undo/redo through the runner, keyboard shortcuts."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication, QMainWindow

from engine.runtime.commands import Event
from studio.event_log.dock import MAX_ROWS, EventLogModel, EventLogPanel, format_change
from studio.parameters.dock import ParameterDock
from tests.support.parameters import THRESHOLD, WAIT_MS, type_into, wait_iteration

INPUT = "my_neurons.Input_Behavior"


@pytest.fixture
def logged(seed_panel, qtbot):
    """The seed fixture plus an event log sharing the panel's controller."""
    log = EventLogPanel(seed_panel.controller)
    qtbot.addWidget(log)
    log.resize(700, 300)
    log.show()
    yield SimpleNamespace(**vars(seed_panel), log=log)
    log.timer.stop()


def edit(qtbot, s, path: str, text: str) -> None:
    row = s.panel.row(path)
    row.stamp.setText("")
    if hasattr(row, "spin"):
        type_into(qtbot, row, text)
    else:
        row.edit.setText(text)
        row.edit.returnPressed.emit()
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓") and not s.controller.busy, timeout=WAIT_MS)


def test_copy_as_code_gives_the_equivalent_lines(logged, qtbot):
    s = logged
    s.runner.start()
    wait_iteration(qtbot, s.runner, 50)
    edit(qtbot, s, THRESHOLD, "0.6")
    edit(qtbot, s, "my_neurons.voltage", "uniform(0.4,0.6)")
    edit(qtbot, s, "my_neurons.voltage", "×0.5")
    s.panel.section(2).enable.click()
    qtbot.waitUntil(lambda: s.panel.section(2).stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    s.runner.set_value(THRESHOLD, 0.55, source="console").result(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: len(s.log.events) == 5, timeout=WAIT_MS)
    s.log.view.selectAll()
    text = s.log.copy_as_code()
    assert text.splitlines() == [
        "net.my_neurons.Basic_Behavior.threshold = 0.6",
        "net.my_neurons.voltage[:] = net.my_neurons.vector('uniform(0.4,0.6)')",
        "net.my_neurons.voltage *= 0.5",
        "net.my_neurons.Input_Behavior.behavior_enabled = False",
        "net.my_neurons.Basic_Behavior.threshold = 0.55",
    ]
    assert QApplication.clipboard().text() == text
    assert [e.source for e in s.log.events] == ["panel"] * 4 + ["console"]
    # the panel row copies its current value the same way, and the prefix can be the script's name
    s.controller.code_prefix = "My_Network"
    assert (
        s.panel.code_for_row(s.panel.row(THRESHOLD))
        == "My_Network.my_neurons.Basic_Behavior.threshold = 0.55"
    )


def test_log_rows_show_iteration_path_change_source(logged, qtbot):
    s = logged
    s.runner.start()
    wait_iteration(qtbot, s.runner, 50)
    edit(qtbot, s, THRESHOLD, "0.6")
    s.panel.section(2).enable.click()
    qtbot.waitUntil(lambda: len(s.log.events) == 2, timeout=WAIT_MS)
    m = s.log.model
    rows = [[m.data(m.index(r, c)) for c in range(4)] for r in range(2)]
    ev = s.log.events
    assert rows == [
        [str(ev[0].iteration), THRESHOLD, "0.5 → 0.6", "panel"],
        [str(ev[1].iteration), INPUT, "on → off", "panel"],
    ]
    header = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header == ["it.", "tag path", "old → new", "source"]
    # calls are hidden unless "edits only" is unchecked
    s.runner.call(lambda: 1, source="console").result(WAIT_MS / 1000)
    s.log.poll()
    assert len(s.log.events) == 2
    s.log.edits_only.setChecked(False)
    assert [e.kind for e in s.log.events][-1] == "call"


def test_undo_and_redo_of_a_toggle_go_through_the_runner(logged, qtbot):
    s = logged
    s.runner.start()
    section = s.panel.section(2)
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    assert s.controller.undo_action.text() == "Undo disable Input_Behavior"
    s.controller.undo()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("on ✓"), timeout=WAIT_MS)
    assert s.net.my_neurons.Input_Behavior.behavior_enabled is True and section.enable.isChecked()
    s.controller.redo()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(s.log.events) == 3, timeout=WAIT_MS)
    assert [(e.kind, e.old, e.new, e.source) for e in s.log.events] == [
        ("enabled", True, False, "panel"),
        ("enabled", False, True, "undo"),
        ("enabled", True, False, "redo"),
    ]
    assert [e.iteration for e in s.log.events] == sorted(e.iteration for e in s.log.events)


def test_ctrl_z_and_ctrl_shift_z_in_a_window(seed_panel, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = ParameterDock(seed_panel.runner, window, controller=seed_panel.controller)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    menu = window.menuBar().addMenu("&Edit")
    menu.addAction(dock.controller.undo_action)
    menu.addAction(dock.controller.redo_action)
    dock.set_target(seed_panel.group)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    seed_panel.runner.start()
    row = dock.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.75")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.5, timeout=WAIT_MS)
    qtbot.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.75, timeout=WAIT_MS)
    assert [e.source for e in seed_panel.runner.events] == ["panel", "undo", "redo"]


def test_slider_drag_is_one_undo_step(seed_panel, qtbot):
    seed_panel.group.Basic_Behavior.parameter_ranges = {"threshold": (0.0, 1.0)}
    seed_panel.panel.set_target(seed_panel.group)
    seed_panel.runner.start()
    row = seed_panel.panel.row(THRESHOLD)
    row.slider.setSliderDown(True)  # the press that starts a drag
    for pos in (550, 600, 650, 700):
        row.slider.setValue(pos)  # as a drag does, several values in a row
        qtbot.waitUntil(lambda: not seed_panel.controller.busy, timeout=WAIT_MS)
    row.slider.setSliderDown(False)
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.7, timeout=WAIT_MS)
    assert seed_panel.controller.undo_stack.count() == 1
    seed_panel.controller.undo()
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.5, timeout=WAIT_MS)


def test_model_is_bounded_and_formats_changes():
    model = EventLogModel()
    model.add(
        [Event(k, k, "set_value", "g.x", float(k), float(k + 1), "api") for k in range(1, MAX_ROWS + 501)]
    )
    assert model.rowCount() == MAX_ROWS and model.rows[0].seq == 501
    arr = Event(
        1, 5, "set_value", "g.v", "float32[100] mean=0.1 min=0 max=1", "float32[100] mean=0.2 min=0 max=1"
    )
    assert format_change(arr) == "float32[100] mean 0.1 → 0.2"
    small = Event(2, 5, "set_value", "g.w", np.array([1.0, 2.0]), np.array([3.0, 4.0]))
    assert format_change(small) == "[1, 2] → [3, 4]"
    assert format_change(Event(3, 5, "set_value", "g.w", error="PathError: gone")) == "✗ PathError: gone"
