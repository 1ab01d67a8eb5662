"""A second studio window in the same process gets a console too (issue #17): one in-process kernel,
owned by one window's console at a time; the other says so truly, starts once the first closes,
and can take the console over."""

from __future__ import annotations

import pytest

from tests.support.console import CELL_TIMEOUT_MS, kernel_threads, run_cell

pytestmark = pytest.mark.console


def _open_console(window):
    dock = window.docks.docks["console"]
    dock.toggleViewAction().trigger()
    return dock.panel


def test_second_window_console_waits_with_a_true_note_then_starts_when_the_first_closes(make_window, qtbot):
    first, second = make_window(), make_window()
    one = _open_console(first)
    qtbot.waitUntil(one.is_ready, timeout=CELL_TIMEOUT_MS)
    two = _open_console(second)
    qtbot.waitUntil(two.move_button.isVisible, timeout=5000)
    note = two.note.text()
    assert "open in another studio window" in note and "pip install" not in note
    assert two.unavailable is None and two.widget is None
    first.close()
    qtbot.waitUntil(two.is_ready, timeout=CELL_TIMEOUT_MS)
    assert one.shell is None and not two.note.isVisible() and not two.move_button.isVisible()
    run_cell(qtbot, two, "same = net is studio.net\nit = studio.iteration")
    assert two.shell.user_ns["same"] is True
    assert two.shell.user_ns["net"] is second.bridge.network
    second.close()
    qtbot.waitUntil(lambda: kernel_threads() == [], timeout=CELL_TIMEOUT_MS)


def test_move_the_console_here_takes_it_over_and_the_first_window_can_take_it_back(make_window, qtbot):
    first, second = make_window(), make_window()
    one = _open_console(first)
    qtbot.waitUntil(one.is_ready, timeout=CELL_TIMEOUT_MS)
    two = _open_console(second)
    qtbot.waitUntil(two.move_button.isVisible, timeout=5000)
    two.move_button.click()
    qtbot.waitUntil(two.is_ready, timeout=CELL_TIMEOUT_MS)
    assert one.widget is None and one.move_button.isVisible() and "another studio window" in one.note.text()
    assert two.shell.user_ns["net"] is second.bridge.network
    one.move_button.click()
    qtbot.waitUntil(one.is_ready, timeout=CELL_TIMEOUT_MS)
    assert two.widget is None and one.shell.user_ns["net"] is first.bridge.network
    run_cell(qtbot, one, "x = studio.step(3)")
    assert one.shell.user_ns["x"] == 3 and first.bridge.iteration == 3
    first.close()
    second.close()
    qtbot.waitUntil(lambda: kernel_threads() == [], timeout=CELL_TIMEOUT_MS)
