"""Bounded live buffers ("watches") that the runner fills after every iteration and viewers read.

A :class:`Watch` copies one attribute (resolved from a tag path) into a preallocated ring of
``window`` samples after each iteration:

* a *trace* watch (numbers, numeric arrays): :meth:`Watch.read` returns ``(times, values)``, ``times``
  the iterations (shape ``(m,)``), ``values`` shape ``(m,)`` for a scalar or a single selected neuron,
  else ``(m, *sample_shape)``;
* a *spike* watch (1-D bool arrays): :meth:`Watch.read` returns the ``(t, i)`` events of the window,
  ``i`` the neuron index in the group; :meth:`Watch.read_raster` returns ``(times, bool matrix)``.

Memory is fixed when the watch starts (``window`` × sample size). The worker writes without taking a
lock (a copy of one row); readers copy the window and drop the samples the worker overwrote while
they copied (a sequence-counter check), so neither side ever waits for the other. If the variable
disappears or changes shape or type, the watch stops and reports it in :attr:`Watch.error`; the
worker never sees the exception.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np

from engine.runtime.tag_paths import Target

__all__ = ["Watch", "WatchView", "MAX_WATCH_BYTES"]

#: Largest ring buffer one watch may allocate (bytes).
MAX_WATCH_BYTES = 512 * 1024 * 1024


class Watch:
    """A live window on one variable. Create it with :meth:`engine.Runner.watch`.

    Attributes
    ----------
    path: the tag path watched.
    kind: ``'trace'`` or ``'spikes'`` (``None`` until the first sample if the variable did not exist yet).
    window: number of samples kept.
    every: sample every ``every``-th iteration.
    error: ``None``, or a message when the watch stopped (variable gone, shape or type changed).
    """

    #: spike watches: the group index of each watched neuron (set with the buffers)
    _neuron_ids: np.ndarray | None

    def __init__(
        self,
        target: Target,
        neurons: Any = None,
        window: int = 2000,
        every: int = 1,
        kind: str | None = None,
        on_remove: Callable[[Watch], None] | None = None,
    ) -> None:
        if int(window) < 1:
            raise ValueError("window must be at least 1")
        if int(every) < 1:
            raise ValueError("every must be at least 1")
        if kind not in (None, "trace", "spikes"):
            raise ValueError("kind must be None, 'trace' or 'spikes'")
        self.path = target.path
        self.window = int(window)
        self.every = int(every)
        self.neurons = neurons
        self.error: str | None = None
        self.removed = False
        self.kind: str | None = None
        self._obj, self._attr = target.obj, target.attr
        self._requested_kind = kind
        self._on_remove = on_remove
        self._index: Any = None
        self._full_shape: tuple[int, ...] | None = None
        self._dtype: np.dtype | None = None
        self._times = np.zeros(0, dtype=np.int64)
        self._values = np.zeros(0)
        self._rows: list[np.ndarray] = []
        self._started = 0  # samples whose writing has begun
        self._count = 0  # samples completely written
        self._base = 0  # samples before this were cleared
        self._stopped = False
        if target.exists():
            self._setup(np.asarray(target.get()))

    # ------------------------------------------------------------------------------------------ setup
    def _selection(self, full: np.ndarray) -> Any:
        """The neuron selection as an index into ``full``; a slice when contiguous (a cheap view)."""
        idx = self.neurons
        if idx is None:
            return None
        if full.ndim == 0:
            raise ValueError(f"'{self.path}' is a scalar; a neuron selection needs an array")
        if isinstance(idx, range):
            idx = slice(idx.start, idx.stop, idx.step) if len(idx) else np.zeros(0, dtype=np.intp)
        elif isinstance(idx, (list, tuple, np.ndarray)):
            arr = np.asarray(idx)
            if arr.dtype == bool:
                arr = np.flatnonzero(arr)
            if arr.ndim == 1 and arr.size > 1 and arr[0] >= 0 and np.all(np.diff(arr) == 1):
                idx = slice(int(arr[0]), int(arr[-1]) + 1)
            else:
                idx = arr
        full[idx]  # an IndexError belongs to the caller, not the worker
        return idx

    def _setup(self, full: np.ndarray) -> None:
        index = self._selection(full)
        kind = self._requested_kind or ("spikes" if full.dtype == bool and full.ndim >= 1 else "trace")
        if kind == "spikes":
            if full.ndim != 1:
                raise ValueError(f"a spike watch needs a 1-D array; '{self.path}' has shape {full.shape}")
            if index is not None and not isinstance(index, slice) and np.ndim(index) == 0:
                index = [index]  # one neuron: still a 1-D raster (a slice, e.g. [1, 2], is one already)
        sample = full if index is None else full[index]
        if kind == "trace" and sample.dtype.kind not in "biuf":
            raise ValueError(f"'{self.path}' has dtype {sample.dtype}; a trace watch needs numbers")
        dtype = bool if kind == "spikes" else (sample.dtype if sample.dtype.kind == "f" else np.float64)
        nbytes = self.window * max(1, sample.size) * np.dtype(dtype).itemsize
        if nbytes > MAX_WATCH_BYTES:
            raise ValueError(
                f"watching '{self.path}' ({sample.shape}) over {self.window} samples needs "
                f"{nbytes / 2**20:.0f} MiB; select neurons or use a smaller window"
            )
        self._index, self._full_shape, self._dtype = index, full.shape, full.dtype
        self._neuron_ids = (
            (np.arange(full.shape[0]) if index is None else np.arange(full.shape[0])[index])
            if kind == "spikes"
            else None
        )
        self._times = np.zeros(self.window, dtype=np.int64)
        self._values = np.empty((self.window,) + sample.shape, dtype=dtype)
        self._values.fill(0)  # touch every page now, not one page fault per sample in the worker
        self._rows = list(self._values) if sample.ndim else []
        self.kind = kind

    # ------------------------------------------------------------------------------------------ worker side
    def sample(self, iteration: int) -> None:
        """Record the current value (called by the runner's worker after an iteration). Never raises."""
        if self._stopped or (self.every > 1 and iteration % self.every):
            return
        try:
            value = getattr(self._obj, self._attr)
        except AttributeError:
            if self.kind is not None:
                self._fail(f"'{self.path}' no longer exists")
            return  # else: waiting for the variable to appear
        try:
            if self.kind is None:
                self._setup(np.asarray(value))
            if (
                type(value) is not np.ndarray
                or value.dtype is not self._dtype
                or value.shape != self._full_shape
            ):
                self._check(value)
            if self._index is not None:
                value = value[self._index]
            pos = self._started % self.window
            self._started += 1
            if self._rows:
                self._rows[pos][...] = value
            else:
                self._values[pos] = value
            self._times[pos] = iteration
            self._count += 1
        except Exception as exc:  # noqa: BLE001 - a broken watch must not stop the runner
            self._started = self._count
            self._fail(f"{type(exc).__name__}: {exc}")

    def _fail(self, message: str) -> None:
        self.error = message
        self._stopped = True

    def _check(self, value: object) -> None:
        """Shape and type checks, done only when the value looks different from the first sample."""
        if type(value) is np.ndarray or isinstance(value, np.ndarray):
            if value.shape != self._full_shape:
                raise ValueError(f"'{self.path}' changed shape from {self._full_shape} to {value.shape}")
            if value.dtype.kind not in ("b" if self.kind == "spikes" else "biuf"):
                raise TypeError(f"'{self.path}' changed dtype from {self._dtype} to {value.dtype}")
        elif self._full_shape != () or not isinstance(value, (int, float, np.number, bool, np.bool_)):
            raise TypeError(
                f"'{self.path}' changed from {self._dtype} {self._full_shape} to {type(value).__name__}"
            )

    # ------------------------------------------------------------------------------------------ reader side
    def _window(
        self, since: int | None = None, window: int | None = None, base: int = 0
    ) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the valid samples (only those after iteration ``since`` if given), oldest
        first (lock-free; see the module docstring). ``window`` / ``base``: a :class:`WatchView`'s
        own (at most ``window`` samples, none before sample ``base``)."""
        end = self._count
        first = max(end - min(window or self.window, self.window), self._base, base)
        if since is not None:
            first = self._first_after(since, first, end)
        if end <= first:
            return self._times[:0].copy(), self._values[:0].copy()
        a, b = first % self.window, end % self.window
        if a < b:
            times, values = self._times[a:b].copy(), self._values[a:b].copy()
        else:
            times = np.concatenate([self._times[a:], self._times[:b]])
            values = np.concatenate([self._values[a:], self._values[:b]])
        overwritten = self._started - self.window - first  # slots reused while we copied
        if overwritten > 0:
            times, values = times[overwritten:], values[overwritten:]
        return times, values

    def _first_after(self, since: int, lo: int, hi: int) -> int:
        """Index of the first sample newer than iteration ``since`` (times increase).

        A slot the writer reuses meanwhile reads as newer, which only moves the start earlier;
        the caller drops overwritten samples and readers filter by time anyway.
        """
        times, window = self._times, self.window
        while lo < hi:
            mid = (lo + hi) // 2
            if times[mid % window] <= since:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def read(self, since: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The latest window, oldest first, as copies; with ``since``, only the samples taken
        after that iteration (what a viewer has not seen yet).

        Trace watch: ``(times, values)``. Spike watch: ``(t, i)``, one entry per event (int64).
        Empty arrays before the first sample.
        """
        return self._events(*self._window(since))

    def _events(self, times: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A window as :meth:`read` gives it: unchanged for a trace, ``(t, i)`` events for spikes."""
        if self.kind != "spikes":
            return times, values
        rows, cols = np.nonzero(values)
        ids = cast(np.ndarray, self._neuron_ids)  # set by _setup for every spike watch
        return times[rows], ids[cols].astype(np.int64, copy=False)

    def read_raster(self, since: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Spike watch: ``(times, raster)`` with ``raster[k, j]`` True if selected neuron ``j`` fired at
        ``times[k]`` (the columns follow the neuron selection)."""
        if self.kind != "spikes":
            raise TypeError(f"read_raster() needs a spike watch; '{self.path}' is a {self.kind} watch")
        return self._window(since)

    @property
    def count(self) -> int:
        """Number of samples taken since the watch was created (or cleared)."""
        return self._count - self._base

    @property
    def version(self) -> int:
        """Increases with every sample (and on clear); a viewer can skip redrawing when unchanged."""
        return self._count + self._base

    @property
    def last_iteration(self) -> int | None:
        """Iteration of the newest sample, or None."""
        end = self._count
        if end <= self._base:
            return None
        return int(self._times[(end - 1) % self.window])

    @property
    def ok(self) -> bool:
        """True while the watch samples normally."""
        return not self._stopped

    def clear(self) -> None:
        """Forget the samples taken so far (keeps the buffers)."""
        self._base = self._count

    def remove(self) -> None:
        """Stop sampling and detach from the runner (idempotent)."""
        if not self.removed:
            self.removed = True
            self._stopped = True
            if self._on_remove is not None:
                self._on_remove(self)

    def __repr__(self) -> str:
        state = "removed" if self.removed else (f"error: {self.error}" if self.error else "ok")
        return f"<Watch {self.path!r} {self.kind} window={self.window} samples={self.count} {state}>"


class WatchView:
    """A :class:`Watch` seen through a smaller window: readers that want the same variable share one
    watch (the worker copies each sample once), each with its own window, clear and removal.

    Created by the owner of the shared watch (``WatchView(watch, window, on_remove)``); it reads like
    a watch of its own created now: no samples from before it was made, at most ``window`` of them.
    ``window`` must not exceed the shared watch's.
    """

    def __init__(self, watch: Watch, window: int, on_remove: Callable[[WatchView], None] | None = None):
        if not 1 <= int(window) <= watch.window:
            raise ValueError(f"a view's window must be 1..{watch.window}, got {window}")
        self.watch = watch
        self.window = int(window)
        self.removed = False
        self._base = watch._count
        self._on_remove = on_remove

    # what a viewer reads of a watch
    path = property(lambda self: self.watch.path)
    kind = property(lambda self: self.watch.kind)
    every = property(lambda self: self.watch.every)
    neurons = property(lambda self: self.watch.neurons)
    error = property(lambda self: self.watch.error)

    @property
    def ok(self) -> bool:
        """True while the shared watch samples normally and this view was not removed."""
        return not self.removed and self.watch.ok

    def read(self, since: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """As :meth:`Watch.read`, over this view's window."""
        return self.watch._events(*self.watch._window(since, self.window, self._base))

    def read_raster(self, since: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """As :meth:`Watch.read_raster`, over this view's window."""
        if self.kind != "spikes":
            raise TypeError(f"read_raster() needs a spike watch; '{self.path}' is a {self.kind} watch")
        return self.watch._window(since, self.window, self._base)

    @property
    def count(self) -> int:
        """Samples taken since this view was made (or cleared)."""
        return max(0, self.watch._count - max(self._base, self.watch._base))

    @property
    def version(self) -> int:
        """Increases with every sample (and on clear)."""
        return self.watch._count + self._base

    @property
    def last_iteration(self) -> int | None:
        """Iteration of the newest sample this view holds, or None."""
        return self.watch.last_iteration if self.count else None

    def clear(self) -> None:
        """Forget the samples taken so far (for this view only)."""
        self._base = self.watch._count

    def remove(self) -> None:
        """Detach this view (idempotent); its owner removes the shared watch after the last view."""
        if not self.removed:
            self.removed = True
            if self._on_remove is not None:
                self._on_remove(self)

    def __repr__(self) -> str:
        return f"<WatchView {self.path!r} window={self.window} of {self.watch!r}>"
