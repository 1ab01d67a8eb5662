"""A time limit for code that never looks at the clock: a script stuck while it builds.

The stepping loop checks its deadline itself (:func:`engine.sweep.execution.simulate`); a script
that loops forever before its first step would not. :class:`Watchdog` raises :class:`Overrun` in
the running thread once the limit (plus a grace) has passed, through ``PyThreadState_SetAsyncExc``:
it lands at the next Python bytecode (not inside one long C call, such as a huge matrix product).

An exception that was sent but has not landed when the run ends is absorbed on the spot (a short
loop that lets it land), never cancelled with ``PyThreadState_SetAsyncExc(id, NULL)``: on CPython
3.11 that call leaves the thread's "async exception pending" flag set for good, after which every
later line trace (a debugger's import check, for one) spins forever.
"""

from __future__ import annotations

import ctypes
import threading

from engine.sweep.execution import RunTimeout

__all__ = ["Overrun", "Watchdog"]


_landed = 0  #: how many Overrun exceptions have been raised in some thread so far


class Overrun(RunTimeout):
    """Raised by the watchdog in a run that overran its time limit."""

    def __init__(self) -> None:
        global _landed
        _landed += 1  # made by the interpreter where it lands: the watchdog knows it arrived
        super().__init__(
            "timeout: the run did not finish within its time limit (stopped in the script's code)"
        )


def _raise_in(ident: int, exc: type[BaseException]) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc))


class Watchdog:
    """``with Watchdog(seconds): ...`` raises :class:`Overrun` in this thread after ``seconds``.

    Use it inside a ``try`` that catches :class:`RunTimeout`, and call :meth:`disarm` after that
    ``try`` (it also clears an exception that was sent but has not landed yet).
    """

    def __init__(self, seconds: float) -> None:
        self._ident = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = True
        self.fired = False
        self._landed_before = 0
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                self.fired = True
                self._landed_before = _landed
                _raise_in(self._ident, Overrun)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.disarm()

    def disarm(self) -> None:
        """Stop the timer; let an exception sent to this thread that has not landed yet land here."""
        with self._lock:
            self._armed = False
        self._timer.cancel()
        if self.fired and _landed == self._landed_before and threading.get_ident() == self._ident:
            try:
                for _ in range(10_000_000):  # lands at the loop's first back edge
                    pass
            except Overrun:
                pass
