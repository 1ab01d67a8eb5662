"""Gesture ids: which edits of a row belong to one continuous gesture (and so to one undo step).

A slider drag is one gesture from press to release, however long it lasts and however slowly the engine
applies its edits. Steps that have no press and release (arrow keys, the mouse wheel, the spin box's
arrows) form one gesture while they follow each other within :data:`STEP_PAUSE_SECONDS`, measured when
the user makes them, in the GUI thread, never when the engine applies them.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

__all__ = ["GestureTracker", "STEP_PAUSE_SECONDS"]

#: A pause longer than this between two steps starts a new gesture.
STEP_PAUSE_SECONDS = 1.0

_ids = itertools.count(1)  # shared by all rows: two rows never hand out the same id


class GestureTracker:
    """Hands out the gesture id of each edit a row emits.

    ``clock``: seconds, monotonic (tests pass their own).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._drag = 0
        self._step = 0
        self._last_step = -float("inf")

    def press(self) -> None:
        """A drag starts: every edit until :meth:`release` shares one new id."""
        self._drag = next(_ids)
        self._step = 0

    def release(self) -> None:
        """The drag ended; the next edit starts a new gesture."""
        self._drag = 0

    @property
    def dragging(self) -> bool:
        """Whether a drag is under way."""
        return self._drag != 0

    def current(self) -> int:
        """The id for an edit made now: the drag's, or the run of steps' (a new one after a pause)."""
        if self._drag:
            return self._drag
        now = self.clock()
        if not self._step or now - self._last_step > STEP_PAUSE_SECONDS:
            self._step = next(_ids)
        self._last_step = now
        return self._step
