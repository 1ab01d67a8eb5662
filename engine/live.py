"""Bounded live buffers ("watches") that the runner fills after every iteration and viewers read.

A :class:`Watch` samples one attribute (resolved from a tag path) after each iteration:

* a *trace* watch (numbers, numeric arrays) keeps the last ``window`` samples in a preallocated ring;
  :meth:`Watch.read` returns ``(times, values)``: ``times`` the iterations (shape ``(m,)``), ``values``
  shape ``(m,)`` for scalars or a single selected neuron, else ``(m, *sample_shape)``;
* a *spike* watch (bool arrays) keeps the indices of the True entries of the last ``window`` samples;
  :meth:`Watch.read` returns ``(t, i)``: one entry per event, ``i`` the neuron index in the group.

Memory is fixed when the watch is created (trace) or bounded by ``window`` samples (spikes). The
worker only takes a watch's lock for the time of one sample; a reader only for the time of a copy.
If the variable disappears, changes shape or type, the watch stops sampling and reports it in
:attr:`Watch.error`; the worker never sees the exception.
"""
from __future__ import annotations

import collections
import threading
from typing import Any, Callable, Deque, Optional, Tuple

import numpy as np

from engine.paths import Target

__all__ = ['Watch', 'MAX_WATCH_BYTES']

#: Largest ring buffer one trace watch may allocate (bytes).
MAX_WATCH_BYTES = 512 * 1024 * 1024


class Watch:
    """A live window on one variable. Create it with :meth:`engine.Runner.watch`.

    Attributes
    ----------
    path: the tag path watched.
    kind: ``'trace'`` or ``'spikes'`` (``None`` until the first sample when the variable did not exist yet).
    window: number of samples kept.
    every: sample every ``every``-th iteration.
    error: ``None``, or a message when the watch stopped (variable gone, shape or type changed).
    version: increases with every sample; a viewer can skip redrawing when it has not changed.
    """

    def __init__(self, target: Target, neurons: Any = None, window: int = 2000, every: int = 1,
                 kind: Optional[str] = None, on_remove: Optional[Callable[['Watch'], None]] = None) -> None:
        if int(window) < 1:
            raise ValueError('window must be at least 1')
        if int(every) < 1:
            raise ValueError('every must be at least 1')
        if kind not in (None, 'trace', 'spikes'):
            raise ValueError("kind must be None, 'trace' or 'spikes'")
        self.path = target.path
        self.window = int(window)
        self.every = int(every)
        self.neurons = neurons
        self.error: Optional[str] = None
        self.version = 0
        self.removed = False
        self._target = target
        self._requested_kind = kind
        self.kind: Optional[str] = None
        self._lock = threading.Lock()
        self._on_remove = on_remove
        self._index: Any = None
        self._mask: Optional[np.ndarray] = None
        self._sample_shape: Optional[tuple] = None
        self._times: Optional[np.ndarray] = None
        self._values: Optional[np.ndarray] = None
        self._events: Deque[Tuple[int, np.ndarray]] = collections.deque(maxlen=self.window)
        self._count = 0
        if target.exists():
            self._setup(self._select(np.asarray(target.get())), np.asarray(target.get()))

    # ------------------------------------------------------------------------------------------ setup
    def _select(self, value: np.ndarray) -> np.ndarray:
        if self.neurons is None:
            self._index = None
            return value
        if value.ndim == 0:
            raise ValueError(f"'{self.path}' is a scalar; a neuron selection needs an array")
        idx = self.neurons
        if isinstance(idx, (list, tuple)):
            idx = np.asarray(idx)
        self._index = idx
        return value[idx]

    def _setup(self, sample: np.ndarray, full: np.ndarray) -> None:
        kind = self._requested_kind
        if kind is None:
            kind = 'spikes' if full.dtype == bool and full.ndim >= 1 else 'trace'
        if kind == 'spikes':
            if full.ndim != 1:
                raise ValueError(f"a spike watch needs a 1-D array; '{self.path}' has shape {full.shape}")
            mask = np.zeros(full.shape[0], dtype=bool)
            mask[np.arange(full.shape[0]) if self._index is None else self._index] = True
            self._mask = None if mask.all() else mask
            self._sample_shape = full.shape
        else:
            if sample.dtype.kind not in 'biuf':
                raise ValueError(f"'{self.path}' has dtype {sample.dtype}; a trace watch needs numbers")
            dtype = sample.dtype if sample.dtype.kind == 'f' else np.float64
            nbytes = self.window * max(1, sample.size) * np.dtype(dtype).itemsize
            if nbytes > MAX_WATCH_BYTES:
                raise ValueError(f"watching '{self.path}' ({sample.shape}) over {self.window} samples needs "
                                 f"{nbytes / 2**20:.0f} MiB; select neurons or use a smaller window")
            self._sample_shape = sample.shape
            self._full_shape = full.shape
            self._times = np.zeros(self.window, dtype=np.int64)
            self._values = np.zeros((self.window,) + sample.shape, dtype=dtype)
        self.kind = kind

    # ------------------------------------------------------------------------------------------ worker side
    def sample(self, iteration: int) -> None:
        """Record the current value (called by the runner's worker after an iteration). Never raises."""
        if self.error is not None or self.removed:
            return
        if self.every > 1 and iteration % self.every:
            return
        try:
            obj, attr = self._target.obj, self._target.attr
            try:
                value = getattr(obj, attr)
            except AttributeError:
                if self.kind is None:
                    return          # waiting for the variable to appear
                raise LookupError(f"'{self.path}' no longer exists") from None
            if self.kind is None:
                full = np.asarray(value)
                self._setup(self._select(full), full)
            if self.kind == 'spikes':
                self._sample_spikes(iteration, value)
            else:
                self._sample_trace(iteration, value)
        except Exception as exc:  # noqa: BLE001 - a broken watch must not stop the runner
            self.error = f'{type(exc).__name__}: {exc}' if not isinstance(exc, LookupError) else str(exc)

    def _sample_trace(self, iteration: int, value: Any) -> None:
        if isinstance(value, np.ndarray):
            if value.shape != self._full_shape:
                raise ValueError(f"'{self.path}' changed shape from {self._full_shape} to {value.shape}")
            if value.dtype.kind not in 'biuf':
                raise TypeError(f"'{self.path}' is no longer numeric (dtype {value.dtype})")
            if self._index is not None:
                value = value[self._index]
        elif self._full_shape != () or not isinstance(value, (int, float, np.number, bool, np.bool_)):
            raise TypeError(f"'{self.path}' changed from an array of shape {self._full_shape} to {type(value).__name__}")
        with self._lock:
            pos = self._count % self.window
            self._values[pos] = value
            self._times[pos] = iteration
            self._count += 1
            self.version += 1

    def _sample_spikes(self, iteration: int, value: Any) -> None:
        if not isinstance(value, np.ndarray) or value.shape != self._sample_shape:
            shape = getattr(value, 'shape', type(value).__name__)
            raise ValueError(f"'{self.path}' changed from shape {self._sample_shape} to {shape}")
        idx = np.flatnonzero(value)
        if self._mask is not None:
            idx = idx[self._mask[idx]]
        with self._lock:
            self._events.append((iteration, idx))
            self._count += 1
            self.version += 1

    # ------------------------------------------------------------------------------------------ reader side
    def read(self) -> Tuple[np.ndarray, np.ndarray]:
        """Copies of the latest window, oldest first.

        Returns ``(times, values)`` for a trace watch and ``(t, i)`` event arrays for a spike watch;
        empty arrays before the first sample.
        """
        if self.kind == 'spikes':
            with self._lock:
                items = list(self._events)
            if not items:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
            t = np.concatenate([np.full(len(i), it, dtype=np.int64) for it, i in items])
            i = np.concatenate([a for _, a in items]).astype(np.int64, copy=False)
            return t, i
        if self.kind is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        with self._lock:
            n = min(self._count, self.window)
            start = self._count % self.window if self._count > self.window else 0
            order = np.r_[start:n, 0:start] if start else slice(0, n)
            times = self._times[order].copy() if start else self._times[:n].copy()
            values = self._values[order].copy() if start else self._values[:n].copy()
        return times, values

    @property
    def count(self) -> int:
        """Number of samples taken since the watch was created (or cleared)."""
        return self._count

    @property
    def last_iteration(self) -> Optional[int]:
        """Iteration of the newest sample, or None."""
        with self._lock:
            if not self._count:
                return None
            if self.kind == 'spikes':
                return self._events[-1][0]
            return int(self._times[(self._count - 1) % self.window])

    @property
    def ok(self) -> bool:
        """True while the watch samples normally."""
        return self.error is None and not self.removed

    def clear(self) -> None:
        """Forget the samples taken so far (keeps the buffers)."""
        with self._lock:
            self._count = 0
            self._events.clear()
            self.version += 1

    def remove(self) -> None:
        """Stop sampling and detach from the runner (idempotent)."""
        if not self.removed:
            self.removed = True
            if self._on_remove is not None:
                self._on_remove(self)

    def __repr__(self) -> str:
        state = 'removed' if self.removed else (f'error: {self.error}' if self.error else 'ok')
        return f'<Watch {self.path!r} {self.kind} window={self.window} samples={self._count} {state}>'
