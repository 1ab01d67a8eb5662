"""A local copy of the last iterations of a watch, and the throttle of an analysis view.

:class:`SampleWindow` reads only what is new (``watch.read(since=...)``, or ``read_raster`` for a
spike watch) into a ring of its own, so a frame copies the few new samples, never the whole
window; :meth:`SampleWindow.ordered` assembles the window oldest first when an analysis runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np


class SampleWindow:
    """The newest ``size`` samples of one watch handle, filled incrementally by :meth:`pull`.

    ``reduce`` (optional) maps a block of new samples ``(m, ...)`` to what is kept per sample
    (e.g. the group mean): the window then holds the reduced rows only, and each sample is
    reduced once, when it arrives.
    """

    def __init__(
        self,
        handle: Any,
        size: int,
        raster: bool = False,
        reduce: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> None:
        self.handle = handle
        self.size = int(size)
        self.reduce = reduce
        self._read = handle.read_raster if raster else handle.read
        self._times = np.zeros(self.size, np.int64)
        self._values: np.ndarray | None = None
        self._count = 0  # samples written so far
        self.last: int | None = None  # newest iteration read

    def pull(self) -> tuple[int, str | None]:
        """Copy the samples that arrived since the last call; (how many, the watch's problem)."""
        try:
            times, values = self._read(since=self.last)
        except Exception as exc:  # noqa: BLE001 - a broken watch is a message, not a crash
            return 0, str(exc)
        times, values = np.asarray(times), np.asarray(values)
        if self.last is not None and times.size and times[0] <= self.last:
            keep = times > self.last
            times, values = times[keep], values[keep]
        err = self.handle.error or None
        if not times.size:
            return 0, err
        times, values = times[-self.size :], values[-self.size :]
        if self.reduce is not None:
            values = np.asarray(self.reduce(values))
        if self._values is None or self._values.shape[1:] != values.shape[1:]:
            self._values = np.zeros((self.size,) + values.shape[1:], values.dtype)
            self._count = 0
        pos = (self._count + np.arange(times.size)) % self.size
        self._times[pos] = times
        self._values[pos] = values
        self._count += times.size
        self.last = int(times[-1])
        return int(times.size), err

    @property
    def filled(self) -> int:
        """Samples held (at most ``size``)."""
        return min(self._count, self.size)

    def ordered(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) of the held samples, oldest first (copies)."""
        n = self.filled
        if self._values is None or not n:
            return np.zeros(0, np.int64), np.zeros(0)
        start = (self._count - n) % self.size
        if start + n <= self.size:
            return self._times[start : start + n].copy(), self._values[start : start + n].copy()
        head = self.size - start
        times = np.concatenate((self._times[start:], self._times[: n - head]))
        return times, np.concatenate((self._values[start:], self._values[: n - head]))


class Throttle:
    """When an analysis may run again: at least ``min_interval`` seconds apart, and never more
    than ``share`` of the GUI thread (an analysis that took 20 ms waits 20 ms / share)."""

    def __init__(self, min_interval: float = 0.2, share: float = 0.05) -> None:
        self.min_interval = min_interval
        self.share = share
        self.cost = 0.0  #: seconds the last analysis took
        self._last: float | None = None
        self._t0 = 0.0

    def due(self, now: float | None = None) -> bool:
        """True when the next analysis may run (always before the first one)."""
        if self._last is None:
            return True
        now = time.perf_counter() if now is None else now
        return now - self._last >= max(self.min_interval, self.cost / max(1e-3, self.share))

    def begin(self) -> None:
        """An analysis starts now."""
        self._t0 = time.perf_counter()

    def end(self) -> None:
        """The analysis ended: book its cost."""
        now = time.perf_counter()
        self.cost = now - self._t0
        self._last = now

    def reset(self) -> None:
        """The next analysis runs at once (a new variable, a new window)."""
        self._last = None
