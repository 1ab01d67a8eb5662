"""A console cell that spends its time in numpy (issue #17) still lets the window repaint at least
every 100 ms: the gaps between the paints of a widget that asks for one every 20 ms are measured
while the cell runs, on the clock of the paint events themselves."""

from __future__ import annotations

import sys
import time

import pytest
from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QWidget

from studio.console.interrupt import TICK_S
from tests.support.console import run_cell

pytestmark = pytest.mark.console

#: numpy functions written in Python (np.percentile, np.std): most ticks land in numpy's frames
NUMPY_LOOP = """
import time as _t
_a = np.random.rand(2000)
_end = _t.perf_counter() + {seconds}
while _t.perf_counter() < _end:
    np.percentile(_a, [5, 50, 95]); np.std(_a); np.median(_a)
"""


class PaintClock(QWidget):
    """Asks for a repaint every 20 ms and stamps every paint it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.update)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.stamps.append(time.perf_counter())


def max_gap_ms(stamps: list[float], start: float, end: float) -> float:
    """The longest time without a paint within [start, end] (ms)."""
    inside = [start] + [s for s in stamps if start <= s <= end] + [end]
    return max(b - a for a, b in zip(inside, inside[1:])) * 1e3


def test_numpy_bound_cell_of_1_5_s_repaints_at_least_every_100_ms(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    clock = PaintClock()
    qtbot.addWidget(clock)
    clock.resize(100, 100)
    clock.show()
    qtbot.waitExposed(clock)
    clock.timer.start()
    start = time.perf_counter()
    run_cell(qtbot, panel, NUMPY_LOOP.format(seconds=1.5))
    end = time.perf_counter()
    clock.timer.stop()
    gap = max_gap_ms(clock.stamps, start + 0.15, end - 0.05)  # the cell's own start and end aside
    paints = sum(start + 0.15 <= s <= end - 0.05 for s in clock.stamps)
    print(f"numpy-bound cell: {paints} paints, longest gap {gap:.0f} ms; {panel.guard.ticks} pumps")
    # measured 57-74 ms on an idle 2-core machine (one paint in 1.4 s before); the bound leaves room
    # for a loaded CI machine, where the GUI thread itself waits for a core
    assert paints >= 0.5 * (end - start - 0.2) / TICK_S, f"only {paints} paints in {end - start:.1f} s"
    assert gap <= 250, f"no repaint for {gap:.0f} ms while the cell ran"


def test_endless_numpy_bound_cell_is_interrupted_by_the_button(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    QTimer.singleShot(400, panel.interrupt_button.click)  # fires while the cell pumps
    out = run_cell(qtbot, panel, "_a = np.random.rand(2000)\nwhile True:\n    np.percentile(_a, [5, 50, 95])")
    assert "KeyboardInterrupt" in out and "interrupted from the console" in out
    assert sys.gettrace() is None and not panel.guard.return_hook.armed  # nothing left traced
    assert panel.status_label.text() == "Ready"
