"""Helpers of the parameter-panel and event-log tests (the ``seed_panel`` fixture's companions)."""

from __future__ import annotations

from typing import Any

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
WAIT_MS = 30000


def type_into(qtbot: Any, row: Any, text: str) -> None:
    """Select the spin box text, type ``text`` and press Enter, as a user would."""
    from PyQt6.QtCore import Qt

    spin = row.spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def wait_iteration(qtbot: Any, runner: Any, n: int) -> None:
    """Wait (pumping Qt events) until ``runner`` has reached iteration ``n``."""
    qtbot.waitUntil(lambda: runner.iteration >= n, timeout=WAIT_MS)
