"""Growable storage for recorded data: amortised O(1) appends, no per-sample allocation.

:class:`Series` behaves like the list of snapshots PymoNNto's Recorder keeps (``len``,
indexing, iteration, ``np.array(series)``) but writes each sample into one preallocated
array. :class:`EventTable` stores ``[t, i, ...]`` event rows the same way.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from engine.exceptions import RecordingShapeError, RecordingShapeWarning

if TYPE_CHECKING:
    from numpy.typing import DTypeLike

__all__ = ["Series", "EventTable"]

_INITIAL_CAPACITY = 64
_ndarray = np.ndarray


_PYTHON_SCALAR_DTYPES = {
    bool: np.dtype(bool),
    int: np.dtype(int),
    float: np.dtype(float),
    complex: np.dtype(complex),
}


def _fits(value: Any, buffer: np.ndarray) -> bool:
    """Can ``value`` be written as one row of ``buffer`` without changing its meaning?"""
    kind = type(value)
    if kind is np.ndarray:
        return value.shape == buffer.shape[1:] and value.dtype == buffer.dtype
    if isinstance(value, np.generic):
        return buffer.ndim == 1 and value.dtype == buffer.dtype
    return buffer.ndim == 1 and _PYTHON_SCALAR_DTYPES.get(kind) == buffer.dtype


class Series(Sequence):
    """Recorded samples of one variable, oldest first.

    Samples of one fixed shape and dtype go into a single growing array (views stay valid:
    the storage is reallocated, never overwritten, when it grows or after ``clear``). A
    sample of another shape or a non-numeric value switches the series to a plain list.

    A variable whose shape changes mid-run (10 values, then 20, then ``(2, 3)``, then a float):
    every sample is kept, in order. Reading it as one array (``np.array(series)``, ``view()``,
    ``net['rate', 0, 'np']``) is refused with :class:`~engine.exceptions.RecordingShapeError`,
    which names the series (``label``: recorder, group and variable) and the old and new shape;
    :meth:`segments` gives the samples as one array per run of one shape, and that is how
    ``save_state`` stores them. The first change of shape issues a
    :class:`~engine.exceptions.RecordingShapeWarning`.
    """

    __slots__ = (
        "_buffer",
        "_start",
        "_count",
        "_items",
        "_row_shape",
        "_dtype",
        "_capacity",
        "_reserved",
        "_scalar_types",
        "label",
    )

    def __init__(self) -> None:
        self._buffer: np.ndarray | None = None
        self._start = 0
        self._count = 0
        self._items: list[Any] | None = None
        self._row_shape: tuple[int, ...] = ()
        self._dtype: np.dtype | None = None
        self._capacity = 0
        self._reserved = 0
        self._scalar_types: tuple[type, ...] = ()  # exact types a 1-D buffer takes as they are
        #: who records this series, for messages (``"Recorder 'rec' of 'g', variable 'rate'"``)
        self.label = "a recorded series"

    @property
    def nbytes(self) -> int:
        """Bytes the series holds: its whole preallocated buffer, or its samples once it is a list."""
        buffer, items = self._buffer, self._items
        if items is not None:
            return sum(int(getattr(v, "nbytes", 8)) for v in items)
        return int(buffer.nbytes) if buffer is not None else 0

    # ------------------------------------------------------------------ writing

    def reserve(self, samples: int) -> None:
        """Make room for ``samples`` more samples now, so appends never reallocate meanwhile.

        Called before a run of known length. The memory is only reserved (numpy's ``empty``
        touches no page); if even that is refused, the series keeps growing on demand.
        """
        if samples <= 0 or self._items is not None:
            return
        if self._buffer is None:
            self._reserved = samples  # the row shape is known at the first sample
            return
        needed = self._start + self._count + samples
        if needed > self._capacity:
            self._reallocate(self._count + samples, optional=True)

    def append(self, value: Any) -> None:
        """Store a snapshot (a copy) of ``value``."""
        buffer = self._buffer
        if buffer is not None:  # the common cases, as few steps as possible
            kind = type(value)
            if (
                kind is _ndarray and value.dtype is self._dtype and value.shape == self._row_shape
            ) or kind in self._scalar_types:
                end = self._start + self._count
                if end != self._capacity:
                    buffer[end] = value
                    self._count += 1
                    return
        self._append(value)

    def _append(self, value: Any) -> None:
        if self._items is not None:
            self._items.append(copy.copy(value))
            return
        buffer = self._buffer
        if buffer is None:
            if not self._start_buffer(value):
                self._items = [copy.copy(value)]
                return
            buffer = cast(np.ndarray, self._buffer)  # made by _start_buffer
        if type(value) is np.ndarray:  # the common case, checked without allocating
            fits = value.shape == self._row_shape and (
                value.dtype is self._dtype or value.dtype == self._dtype
            )
        else:
            fits = _fits(value, buffer)
        if not fits:
            self._warn_shape_change(value)
            self._to_list()
            self._items.append(copy.copy(value))  # type: ignore[attr-defined]  # made by _to_list
            return
        end = self._start + self._count
        if end == self._capacity:
            buffer = self._grow()
            end = self._count  # the live samples now start at row 0
        buffer[end] = value
        self._count += 1

    def _start_buffer(self, value: Any) -> bool:
        if isinstance(value, (np.ndarray, np.generic)):
            array = np.asarray(value)
        elif type(value) in _PYTHON_SCALAR_DTYPES:
            array = np.asarray(value)
        else:
            return False
        if array.dtype == object:
            return False
        capacity = _INITIAL_CAPACITY if array.size <= 4096 else 8
        buffer = None
        if self._reserved > capacity:
            try:
                buffer = np.empty((self._reserved,) + array.shape, dtype=array.dtype)
            except MemoryError:
                buffer = None
        self._reserved = 0
        if buffer is None:
            buffer = np.empty((capacity,) + array.shape, dtype=array.dtype)
        self._set_buffer(buffer)
        self._start = 0
        return True

    def _set_buffer(self, buffer: np.ndarray | None) -> None:
        self._buffer = buffer
        self._scalar_types = ()
        if buffer is None:
            self._capacity = 0
        else:
            self._row_shape, self._dtype, self._capacity = buffer.shape[1:], buffer.dtype, buffer.shape[0]
            if buffer.ndim == 1 and buffer.dtype.kind in "biufc":
                # what _fits accepts for such a buffer: its numpy scalar type, the Python type of its
                # dtype (int for int64, float for float64, ...); a cheap exact-type check
                python = tuple(t for t, d in _PYTHON_SCALAR_DTYPES.items() if d == buffer.dtype)
                self._scalar_types = (buffer.dtype.type, *python)

    def _grow(self) -> np.ndarray:
        return self._reallocate(max(2 * self._count, _INITIAL_CAPACITY))

    def _reallocate(self, capacity: int, optional: bool = False) -> np.ndarray:
        old = self._buffer
        assert old is not None
        try:
            new = np.empty((capacity,) + old.shape[1:], dtype=old.dtype)
        except MemoryError:
            if not optional:
                raise
            return old  # a reservation that does not fit: keep growing on demand
        new[: self._count] = old[self._start : self._start + self._count]
        self._set_buffer(new)
        self._start = 0
        return new

    def _warn_shape_change(self, value: Any) -> None:
        new = (
            np.asarray(value)
            if isinstance(value, (np.ndarray, np.generic, bool, int, float, complex))
            else None
        )
        if new is not None and new.shape == self._row_shape:
            return  # only the dtype changed: still one array
        what = f"shape {new.shape}" if new is not None else f"a {type(value).__name__}"
        warnings.warn(
            f"{self.label} changed shape from {self._row_shape} to {what} at sample {self._count}; "
            "every sample is kept, but it can no longer be read as one array (use segments())",
            RecordingShapeWarning,
            stacklevel=5,
        )

    def _to_list(self) -> None:
        self._items = list(self)
        self._set_buffer(None)
        self._start = self._count = 0

    def clear(self) -> None:
        """Remove every sample (existing views of old data stay valid)."""
        self._set_buffer(None)
        self._items = None
        self._start = self._count = 0
        self._reserved = 0

    def trim(self, max_length: int) -> None:
        """Keep only the newest ``max_length`` samples."""
        if self._items is not None:
            if len(self._items) > max_length:
                del self._items[: len(self._items) - max_length]
            return
        if self._count > max_length:
            self._start += self._count - max_length
            self._count = max_length

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else self._count

    def __getitem__(self, index: Any) -> Any:
        if self._items is not None:
            return self._items[index]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("Series index out of range")
        return self._buffer[self._start + index]  # type: ignore[index]

    def __iter__(self) -> Iterator[Any]:
        if self._items is not None:
            return iter(self._items)
        return iter(self.view())

    def view(self) -> np.ndarray:
        """The samples as one array without copying (do not write into it). Samples of more than one
        shape raise :class:`~engine.exceptions.RecordingShapeError` (see :meth:`segments`)."""
        if self._items is not None:
            parts = self.segments()
            shapes = {part.shape[1:] for part in parts}
            if len(shapes) > 1 or any(part.dtype == object for part in parts):
                raise RecordingShapeError(self._shape_message(parts))
            return np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else np.empty((0,)))
        if self._buffer is None:
            return np.empty((0,))
        return self._buffer[self._start : self._start + self._count]

    def __array__(self, dtype: DTypeLike | None = None, copy: bool | None = None) -> np.ndarray:
        data = self.view()
        if dtype is not None and data.dtype != dtype:
            return data.astype(dtype)
        return data.copy() if copy else data

    def segments(self) -> list[np.ndarray]:
        """The samples as arrays, one per run of consecutive samples of one shape and kind of value
        (one array when the shape never changed, none when empty). Non-numeric samples become
        object arrays."""
        if self._items is None:
            return [self.view()] if self._count else []
        parts: list[np.ndarray] = []
        run: list[Any] = []
        key: tuple[Any, ...] | None = None
        for item in self._items:
            array = np.asarray(item) if not isinstance(item, np.ndarray) else item
            this = (array.shape, array.dtype) if array.dtype != object else ("object", id(item))
            if run and this != key:
                parts.append(_stack(run))
                run = []
            run.append(array)
            key = this
        if run:
            parts.append(_stack(run))
        return _merge_same_shape(parts)

    def _shape_message(self, parts: list[np.ndarray]) -> str:
        changes, start = [], 0
        for before, after in zip(parts, parts[1:]):
            start += before.shape[0]
            changes.append(f"from {before.shape[1:]} to {after.shape[1:]} at sample {start}")
        return (
            f"{self.label} changed shape ({'; '.join(changes)}), so its {len(self)} samples are not one "
            "array; read them as a list (without 'np'), or one array per shape with "
            "recorder.segments(variable) / series.segments()"
        )

    def to_array(self) -> np.ndarray:
        """A copy of every sample stacked along axis 0 (samples of several shapes: a 1-d object array
        of the samples; :meth:`segments` has them per shape)."""
        if self._items is not None:
            try:
                return self.view().copy()
            except RecordingShapeError:
                out = np.empty(len(self._items), dtype=object)
                out[:] = [copy.copy(item) for item in self._items]
                return out
        return np.array(self.view())

    def restore_segments(self, parts: list[np.ndarray]) -> None:
        """Replace the content by the samples of ``parts`` (as given by :meth:`segments`)."""
        if len(parts) == 1:
            self.restore(parts[0])
            return
        self.clear()
        self._items = [row for part in parts for row in (part if part.ndim else [part])]
        self._items = [
            row[()] if isinstance(row, np.ndarray) and row.ndim == 0 else row for row in self._items
        ]

    def restore(self, data: np.ndarray) -> None:
        """Replace the content by the rows of ``data``."""
        self.clear()
        data = np.asarray(data)
        if data.dtype == object:
            self._items = list(data)
            return
        self._set_buffer(np.array(data, copy=True))
        self._count = data.shape[0]
        if self._count == 0:
            self._set_buffer(None)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Series, list)):
            return len(self) == len(other) and all(np.array_equal(a, b) for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self._items is not None:
            return f"Series({len(self._items)} samples, list)"
        shape = self._buffer.shape[1:] if self._buffer is not None else ()
        dtype = self._buffer.dtype if self._buffer is not None else "?"
        return f"Series({self._count} samples of shape {shape}, {dtype})"


def _stack(run: list[np.ndarray]) -> np.ndarray:
    if run[0].dtype == object:
        out = np.empty(len(run), dtype=object)
        out[:] = [a[()] if a.ndim == 0 else a for a in run]
        return out
    return np.stack(run)


def _merge_same_shape(parts: list[np.ndarray]) -> list[np.ndarray]:
    """Join neighbouring runs that differ only in dtype when one dtype holds both (float32 then float64)."""
    merged: list[np.ndarray] = []
    for part in parts:
        last = merged[-1] if merged else None
        if last is not None and last.shape[1:] == part.shape[1:] and object not in (last.dtype, part.dtype):
            merged[-1] = np.concatenate([last, part])
        else:
            merged.append(part)
    return merged


class EventTable:
    """Event rows ``[t, i0, i1, ...]`` (numpy default int) in one growing array."""

    __slots__ = ("_buffer", "_count", "_width")

    def __init__(self) -> None:
        self._buffer: np.ndarray | None = None
        self._count = 0
        self._width = 2

    @property
    def nbytes(self) -> int:
        """Bytes of the preallocated event buffer."""
        return int(self._buffer.nbytes) if self._buffer is not None else 0

    def add(self, t: int, value: Any) -> None:
        """Append one row per non-zero (True) entry of ``value`` at time ``t``."""
        array = value if type(value) is np.ndarray else np.asarray(value)
        if array.ndim == 1:
            coords: tuple[np.ndarray, ...] = (array.nonzero()[0],)
        elif array.ndim == 0:
            coords = (np.flatnonzero(array),)
        else:
            coords = np.nonzero(array)
        width, k = 1 + len(coords), coords[0].shape[0]
        if k == 0:
            if self._buffer is None:
                self._width = width
            return
        rows = self._reserve(width, k)
        rows[:, 0] = t
        for column, index in enumerate(coords, start=1):
            rows[:, column] = index
        self._count += k

    def _reserve(self, width: int, k: int) -> np.ndarray:
        buffer = self._buffer
        if buffer is None or buffer.shape[1] != width:
            if buffer is not None and self._count:
                raise RecordingShapeError(
                    f"event variable changed dimensionality ({buffer.shape[1] - 1} -> "
                    f"{width - 1}); clear the recorder first"
                )
            buffer = self._buffer = np.empty((max(1024, 2 * k), width), dtype=int)
            self._width = width
        if self._count + k > buffer.shape[0]:
            new = np.empty((max(2 * buffer.shape[0], self._count + k), width), dtype=int)
            new[: self._count] = buffer[: self._count]
            buffer = self._buffer = new
        return buffer[self._count : self._count + k]

    @property
    def data(self) -> np.ndarray:
        """All events as an ``(events, 1 + ndim)`` array (a view; do not write into it)."""
        if self._buffer is None:
            return np.empty((0, self._width), dtype=int)
        return self._buffer[: self._count]

    def clear(self) -> None:
        self._buffer = None
        self._count = 0

    def trim_rows(self, max_rows: int) -> None:
        """Keep the newest ``max_rows`` events."""
        if self._count > max_rows and self._buffer is not None:
            kept = self._buffer[self._count - max_rows : self._count].copy()
            self._buffer = np.empty((max(1024, 2 * max_rows), kept.shape[1]), dtype=int)
            self._buffer[:max_rows] = kept
            self._count = max_rows

    def restore(self, data: np.ndarray) -> None:
        data = np.asarray(data, dtype=int)
        self.clear()
        if data.ndim == 2:
            self._width = data.shape[1]
            if data.shape[0]:
                self._buffer = data.copy()
                self._count = data.shape[0]

    def __len__(self) -> int:
        return self._count
