"""FramePacer: on which view-timer ticks the views redraw, and holding the worker meanwhile.

While the engine runs at full speed (no target rate, or one it cannot reach) the views may use at most
``budget`` of the GUI thread's time. The cost of a redraw is the GUI thread's CPU time
(``time.thread_time``) from a redraw tick to the next tick, which includes the paint that the
redraw caused; after an expensive redraw the next one waits ``cost / budget``. The view timer
itself keeps ticking, so the window stays responsive. Paused, stepping or throttled runs redraw
on every tick.
"""

from __future__ import annotations

import time
from typing import Any


class FramePacer:
    """Display budget bookkeeping for :class:`studio.core.runner_bridge.SimBridge`."""

    def __init__(self, budget: float = 0.05) -> None:
        self.budget = budget  #: share of the GUI thread the views may use at max speed
        self._costs: list[float] = []
        self._cpu_mark: float | None = None
        self._last = 0.0

    @property
    def redraw_cost_ms(self) -> float:
        """GUI-thread CPU per redraw (slot + paint): the median of the last five redraws
        (robust against the first, slow paint and against the odd hiccup)."""
        if not self._costs:
            return 10.0
        return sorted(self._costs)[len(self._costs) // 2]

    def allows(self, runner: Any, now: float) -> bool:
        """Whether the views may redraw at ``now`` (perf_counter seconds)."""
        if runner is None or not runner.is_running:
            return True
        target = runner.target_iterations_per_second
        if target and runner.iterations_per_second >= 0.8 * target:
            return True  # throttled with time to spare: the worker waits anyway
        wait = self.redraw_cost_ms / 1000.0 / max(1e-3, self.budget)
        return now - self._last >= wait

    def charge(self) -> None:
        """At a tick: book the CPU time spent since the previous redraw tick (if any)."""
        if self._cpu_mark is None:
            return
        self._costs = (self._costs + [(time.thread_time() - self._cpu_mark) * 1e3])[-5:]
        self._cpu_mark = None

    def start(self, now: float) -> None:
        """A redraw begins now."""
        self._cpu_mark = time.thread_time()
        self._last = now

    @staticmethod
    def hold(runner: Any) -> bool:
        """Hold a running worker at an iteration boundary while the views copy, bin and paint
        (many short numpy and Qt calls would otherwise hand the GIL to the worker one by one, and
        a frame would take several times longer). Gives up after 5 ms (a long iteration): the
        views then read and paint concurrently, which is safe too. A speed-limited worker that waits
        for its next iteration is not held: it steps nothing, and a hold would only delay it (frames
        that hold it back to back kept a loaded machine below the speed limit)."""
        if runner is None or not runner.is_running or getattr(runner, "waiting_for_next_iteration", False):
            return False
        return bool(runner.lock.acquire(timeout=0.005))
