"""Reading runner watches: the one place that knows the shape of a watch handle's data.

:class:`NewSamples` reads only what arrived since the previous frame (``read(since=...)`` of
:class:`engine.runtime.watches.Watch`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def _handle_error(handle: Any) -> str | None:
    err = handle.error
    return str(err) if err else None


class NewSamples:
    """Incremental reader of one watch: ``read()`` gives the samples newer than the last call.

    ``raster=True`` reads a spike watch as ``(times, bool matrix)`` (``read_raster``).
    """

    def __init__(self, handle: Any, raster: bool = False) -> None:
        self.handle = handle
        self.last: int | None = None
        self._method = handle.read_raster if raster else handle.read

    def reset(self, last: int | None = None) -> None:
        """Forget the position (the next read returns the whole window after ``last``)."""
        self.last = last

    def read(self) -> tuple[np.ndarray, np.ndarray, str | None]:
        """(times, values, problem) of the new samples, oldest first."""
        try:
            times, values = self._method(since=self.last)
        except Exception as exc:  # noqa: BLE001
            return np.zeros(0, np.int64), np.zeros(0), str(exc)
        times = np.asarray(times)
        values = np.asarray(values)
        if self.last is not None and times.size and times[0] <= self.last:
            keep = times > self.last
            times, values = times[keep], values[keep]
        if times.size:
            self.last = int(times[-1])
        return times, values, _handle_error(self.handle)


def mean_rows(values: np.ndarray, n: int) -> np.ndarray:
    """Per-sample mean of a (samples, neurons) block (float64)."""
    if not n:
        return np.zeros(0)
    return np.asarray(values).reshape(n, -1).mean(axis=1, dtype=np.float64)


def max_bin_columns(img: np.ndarray, factor: int) -> np.ndarray:
    """Max over groups of ``factor`` adjacent columns (the last, partial group is dropped at the
    left end); fast for small factors, unlike ``reshape(...).max(axis=2)``."""
    if factor <= 1:
        return img
    cols = (img.shape[1] // factor) * factor
    src = img[:, img.shape[1] - cols :]
    out = src[:, 0::factor].copy()
    for k in range(1, factor):
        np.maximum(out, src[:, k::factor], out=out)
    return out


def count_rows(block: np.ndarray) -> np.ndarray:
    """Number of ones per row of a 0/1 uint8 block (as int64), summed in the narrowest type
    that cannot overflow (uint16 sums vectorise several times better than int64)."""
    wide = np.uint16 if block.shape[1] < 2**16 else np.uint64
    return block.sum(axis=1, dtype=wide).astype(np.int64)


#: unsigned integer types by size in bytes (for :func:`max_bin_rows` on 0/1 data)
_WORDS = {2: np.uint16, 4: np.uint32, 8: np.uint64}


def bin_factor(rows: int, pixels: int) -> int:
    """Neurons per raster row so that ``rows`` fit in ``pixels``: 1, 2, 4 or a multiple of 8
    (the sizes :func:`max_bin_rows` bins with whole machine words)."""
    need = max(1, math.ceil(rows / max(1, pixels)))
    if need <= 2:
        return need
    if need <= 4:
        return 4
    return 8 * math.ceil(need / 8)


def max_bin_rows(block: np.ndarray, factor: int, rows: int, binary: bool = False) -> np.ndarray:
    """(samples, neurons) uint8 → (samples, rows): the max over groups of ``factor`` neurons.

    With ``binary=True`` (the values are 0 or 1, e.g. a bool array viewed as uint8) and a factor
    of 2, 4 or a multiple of 8, each group is read as machine words and OR-ed: about 8x faster
    than the byte-wise maximum at 10 k neurons.
    """
    n = block.shape[1]
    full = n // factor
    out = np.zeros((block.shape[0], rows), dtype=np.uint8)
    if factor == 1:
        out[:, :n] = block
        return out
    word_size = 8 if factor % 8 == 0 else factor
    if binary and full and word_size in _WORDS:
        groups = np.ascontiguousarray(block[:, : full * factor]).view(_WORDS[word_size])
        groups = groups.reshape(block.shape[0], full, factor // word_size)
        acc = groups[:, :, 0].copy()
        for k in range(1, groups.shape[2]):
            np.bitwise_or(acc, groups[:, :, k], out=acc)
        np.not_equal(acc, 0, out=out[:, :full].view(bool))
    elif full:
        cube = block[:, : full * factor].reshape(block.shape[0], full, factor)
        head = out[:, :full]
        np.copyto(head, cube[:, :, 0])
        for k in range(1, factor):  # strided passes beat a reduction over a short inner axis
            np.maximum(head, cube[:, :, k], out=head)
    if full * factor < n:
        out[:, full] = block[:, full * factor :].max(axis=1)
    return out
