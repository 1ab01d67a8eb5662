"""Progress of a ``Runner.run_for`` and the runner's speed statistics."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.runtime.worker import _Core

__all__ = ["RunnerStats", "RunProgress"]


@dataclass(frozen=True)
class RunnerStats:
    """A snapshot of the runner's speed. ``real_time_factor`` is None when the network has no ``dt``."""

    iteration: int
    iterations_per_second: float
    real_time_factor: float | None
    state: str
    target_iterations_per_second: float | None
    progress: float | None


class RunProgress:
    """Progress of a :meth:`Runner.run_for`. ``fraction`` is readable from any thread."""

    def __init__(self, total: int, callback: Callable[[float], Any] | None, core: _Core) -> None:
        self.total = int(total)
        self.callback = callback
        self.start: int | None = None
        self.cancelled = False
        self.finished = False
        self.callback_error: BaseException | None = None
        self.next_tick: int | None = None
        self._final: float | None = None
        self._every = max(1, self.total // 100)
        self._done = threading.Event()
        self._core = weakref.ref(core)

    @property
    def iterations_done(self) -> int:
        """Iterations run so far for this request."""
        core = self._core()
        if self.start is None or core is None:
            return 0
        return max(0, min(self.total, core.net.iteration - self.start))

    @property
    def fraction(self) -> float:
        """Fraction done in [0, 1]."""
        if self._final is not None:
            return self._final
        return 1.0 if self.total == 0 else self.iterations_done / self.total

    def wait(self, timeout: float | None = None) -> bool:
        """Block until finished or cancelled; False on timeout."""
        return self._done.wait(timeout)

    def cancel(self) -> None:
        """Cancel this run (the runner pauses)."""
        core = self._core()
        if core is not None:
            core.cancel_run(self)

    def _begin(self, iteration: int) -> None:
        self.start = iteration
        self.next_tick = iteration + self._every if self.callback else None

    def _tick(self) -> None:
        self.next_tick = (self.next_tick or 0) + self._every
        self._call(self.fraction)

    def _call(self, fraction: float) -> None:
        if self.callback is not None:
            try:
                self.callback(fraction)
            except Exception as exc:  # noqa: BLE001 - a progress callback must not stop the run
                self.callback_error = exc

    def _finish(self, cancelled: bool) -> None:
        if self.finished:
            return
        self.cancelled = cancelled
        self._final = self.fraction
        self.finished = True
        if not cancelled:
            self._call(self._final)
        self._done.set()

    def __repr__(self) -> str:
        return (
            f"<RunProgress {self.iterations_done}/{self.total} "
            f"finished={self.finished} cancelled={self.cancelled}>"
        )
