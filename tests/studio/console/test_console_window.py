"""The console as a dock: busy + interrupt, a missing qtconsole, and the integration in the window."""

from __future__ import annotations

import sys

import pytest
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QPushButton

from tests.support.console import CELL_TIMEOUT_MS, kernel_threads, run_cell
from tests.support.paths import SEED_BASIC

pytestmark = pytest.mark.console


def _later(ms: int, fn) -> None:
    """Run ``fn`` from the event loop after ``ms`` (it fires while a cell pumps events)."""
    QTimer.singleShot(ms, fn)


@pytest.mark.parametrize("how", ["button", "ctrl_c"])
def test_infinite_loop_shows_busy_and_is_interrupted(make_console, seed_runner, qtbot, how):
    panel = make_console(seed_runner)
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= 20, timeout=CELL_TIMEOUT_MS)
    other = QPushButton("elsewhere")
    qtbot.addWidget(other)
    other.show()
    clicked: list[bool] = []
    other.clicked.connect(lambda: clicked.append(True))
    seen: dict = {}

    def look() -> None:
        seen["status"] = panel.status_label.text()
        seen["button"] = panel.interrupt_button.isEnabled()
        seen["iterations"] = [seed_runner.iteration]
        qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # dropped while busy

    def interrupt() -> None:
        seen["iterations"].append(seed_runner.iteration)
        if how == "button":
            qtbot.mouseClick(panel.interrupt_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(panel.widget._control, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    _later(250, look)
    _later(600, interrupt)
    out = run_cell(qtbot, panel, "n = 0\nwhile True:\n    n += 1")
    assert "KeyboardInterrupt" in out and "interrupted from the console" in out
    assert "console_guard" not in out and "console_interrupt" not in out  # ends at the user's line
    assert seen["status"].startswith("busy") and seen["button"] is True
    a, b = seen["iterations"]
    assert a == b, "the worker stepped while a cell ran"
    assert clicked == [] and panel.guard.input_filter.blocked >= 2
    assert panel.guard.ticks >= 3 and panel.shell.user_ns["n"] > 0
    assert not panel.interrupt_button.isEnabled() and panel.status_label.text() == "Ready"
    assert seed_runner.state == "running"
    qtbot.waitUntil(lambda: seed_runner.iteration >= b + 20, timeout=CELL_TIMEOUT_MS)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # idle: input flows again
    assert clicked == [True]


def test_interrupting_a_long_studio_step(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    start = seed_runner.iteration
    _later(400, panel.interrupt)
    out = run_cell(qtbot, panel, "studio.step(10_000_000)")
    assert "KeyboardInterrupt" in out and "studio.step(10_000_000)" in out
    done = seed_runner.iteration - start
    assert 0 < done < 10_000_000 and seed_runner.state == "paused"
    run_cell(qtbot, panel, "studio.step(3)")
    assert seed_runner.iteration == start + done + 3


def test_without_qtconsole_the_dock_shows_a_note(qtbot, monkeypatch, seed_runner):
    from studio.console.dock import ConsoleDock

    monkeypatch.setitem(sys.modules, "qtconsole.inprocess", None)  # "import" now raises ImportError
    dock = ConsoleDock()
    qtbot.addWidget(dock)
    dock.bind(seed_runner)
    dock.show()
    qtbot.waitUntil(lambda: dock.panel.unavailable is not None, timeout=5000)
    panel = dock.panel
    assert panel.note.isVisible() and "pip install" in panel.note.text()
    assert "not available" in panel.note.text() and panel.widget is None and panel.shell is None
    assert kernel_threads() == []
    dock.bind(None)
    dock.shutdown()


def test_console_dock_in_the_main_window(make_window, qtbot, tmp_path):
    w = make_window()
    console = w.docks.docks["console"]  # wired by the window (its row of the dock table)
    assert console.isHidden()
    assert console.toggleViewAction() in w.view_menu.actions()
    panel = console.panel
    assert panel.kernel_manager is None  # lazy: nothing started yet
    assert console.toggleViewAction().shortcut().toString() == "Ctrl+E"
    console.toggleViewAction().trigger()
    qtbot.waitUntil(panel.is_ready, timeout=CELL_TIMEOUT_MS)
    assert {"IOPub"} <= set(kernel_threads())
    run_cell(qtbot, panel, "g, i = studio.group, studio.neuron")
    assert panel.shell.user_ns["g"] is w.selection.group and panel.shell.user_ns["i"] == w.selection.neuron
    # typing in the console is not taken by the window's single-key shortcuts (S = step, Space = run)
    start = w.bridge.iteration
    panel.widget._control.setFocus()
    qtbot.keyClicks(panel.widget._control, "s = 1 ")
    assert panel.widget.input_buffer == "s = 1 "
    assert w.bridge.iteration == start and not w.bridge.is_running
    panel.widget.input_buffer = ""
    # deleting / replacing net and the groups does not disturb the live views
    w.bridge.run()
    qtbot.waitUntil(lambda: w.bridge.iteration >= start + 30, timeout=CELL_TIMEOUT_MS)
    run_cell(qtbot, panel, "del net, my_neurons\nGLUTAMATE = 'replaced'\nnp = None")
    frames, it = w.bridge.frames, w.bridge.iteration
    qtbot.waitUntil(
        lambda: w.bridge.frames >= frames + 5 and w.bridge.iteration >= it + 30, timeout=CELL_TIMEOUT_MS
    )
    assert w.bridge.error is None
    run_cell(qtbot, panel, "studio.restore()")
    ns = panel.shell.user_ns
    assert ns["net"] is w.bridge.network and ns["GLUTAMATE"] is w.bridge.network.SynapseGroups[0]
    # loading another script from the console re-binds the names to the new network
    old_runner = w.bridge.runner
    out = run_cell(qtbot, panel, f"studio.load({str(SEED_BASIC)!r})")
    assert w.bridge.runner is not old_runner and panel.studio.runner is w.bridge.runner
    assert ns["net"] is w.bridge.network and "network changed" in panel.text(), out
    assert ns["GLUTAMATE"] is w.bridge.network.SynapseGroups[0]  # seed_basic's own synapses
    w.bridge.step(5)  # the new runner is not held
    # closing the window shuts the kernel down
    w.close()
    qtbot.waitUntil(lambda: kernel_threads() == [], timeout=CELL_TIMEOUT_MS)
    assert panel.shell is None
