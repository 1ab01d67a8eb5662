"""Helpers of the console tests (the ``make_console`` fixture's companions)."""

from __future__ import annotations

import threading
from typing import Any

KERNEL_THREADS = ("IOPub", "IPythonHistorySavingThread", "mnn-console-ticker")
CELL_TIMEOUT_MS = 20000


def kernel_threads() -> list[str]:
    """Names of live threads that belong to an in-process kernel or the console."""
    return [t.name for t in threading.enumerate() if t.is_alive() and t.name in KERNEL_THREADS]


def run_cell(qtbot: Any, panel: Any, code: str, timeout: int = CELL_TIMEOUT_MS) -> str:
    """Execute ``code`` in the console, wait for the next prompt, return the text the cell added."""
    before = len(panel.text())
    panel.execute(code)
    qtbot.waitUntil(panel.is_ready, timeout=timeout)
    return panel.text()[before:]
