"""RasterView: spike raster of a boolean variable as an image, plus the population count.

The raster keeps a ring bitmap ``rows x window`` (uint8) filled incrementally from the spike
watch's new (t, i) events. Rows are max-binned to about the plot's pixel height (so no spike is
lost when 10 k neurons share 700 pixels) and columns are max-binned to the pixel width before
drawing (QT_NOTES: an image, never ScatterPlotItem). The image is painted by
:class:`studio.views.raster_image.BitmapItem` as a 32-bit RGB QImage (an indexed image costs a
per-pixel conversion on every paint); ``tests/bench/bench_raster.py`` prints the frame cost.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QRectF
from PyQt6.QtWidgets import QLineEdit, QSpinBox, QWidget

from studio.core import introspect
from studio.views import data
from studio.views.base import LiveView
from studio.views.raster_image import BitmapItem

#: Groups with more than this many neuron-iterations in the window get a second, short spike watch
#: (FAST_WINDOW iterations): frames then copy only that, not the whole window.
FAST_WATCH_ABOVE = 4_000_000
FAST_WINDOW = 512
_NO_SPIKE, _SPIKE = (255, 255, 255), (20, 20, 40)


def parse_range(text: str, size: int) -> tuple[int, int]:
    """``"all"`` or ``"a-b"`` → half-open neuron range (lo, hi) clipped to the group."""
    text = text.strip().lower()
    if text and text != "all":
        parts = text.replace(":", "-").split("-")
        try:
            lo, hi = int(parts[0]), int(parts[-1])
            lo, hi = max(0, min(lo, hi)), min(size, max(lo, hi) + 1)
            if hi > lo:
                return lo, hi
        except ValueError:
            pass
    return 0, size


def check_range(text: str, size: int) -> tuple[int, int, str]:
    """:func:`parse_range` plus why the text was not taken as typed (``""`` when it was): text that is
    no range shows every neuron, a range beyond the group is clipped to it."""
    lo, hi = parse_range(text, size)
    bare = text.strip().lower()
    if not bare or bare == "all":
        return lo, hi, ""
    parts = bare.replace(":", "-").split("-")
    try:
        a, b = int(parts[0]), int(parts[-1])
    except ValueError:
        return lo, hi, f"{text.strip()!r} is not a neuron range (all, or e.g. 0-99): showing all {size}"
    if (min(a, b), max(a, b) + 1) != (lo, hi):
        return lo, hi, f"{text.strip()!r} goes beyond the {size} neurons: showing {lo}-{hi - 1}"
    return lo, hi, ""


def _col_slices(start: int, stop: int, window: int) -> list[tuple[int, int]]:
    """Ring columns of the iterations [start, stop) as at most two slices."""
    a, b = start % window, stop % window
    if stop - start >= window:
        return [(0, window)]
    if a < b or stop == start:
        return [(a, b)] if a < b else []
    return [(a, window), (0, b)]


class RasterView(LiveView):
    """Spike raster (neurons x last iterations) and the spike count per iteration."""

    variable_kinds = ("bool",)
    preferred = ("spike", "spikes", "output", "fired")

    def build_body(self) -> QWidget:
        self.range_edit = QLineEdit("all")
        self.range_edit.setToolTip("Neurons shown: all, or a range such as 0-99")
        self.range_edit.setMaximumWidth(90)
        self.window_spin = QSpinBox()
        self.window_spin.setRange(100, 20000)
        self.window_spin.setSingleStep(500)
        self.window_spin.setValue(2000)
        self.window_spin.setSuffix(" it")
        self.window_spin.setToolTip("Rolling window (iterations)")
        self.header.insertWidget(3, self.range_edit)
        self.header.insertWidget(4, self.window_spin)
        self.range_edit.editingFinished.connect(self.rebind)
        self.window_spin.editingFinished.connect(self.rebind)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(2, 2, 6, 2)
        self.raster_plot = self.canvas.addPlot(row=0, col=0)
        self.count_plot = self.canvas.addPlot(row=1, col=0)
        self.canvas.ci.layout.setRowStretchFactor(0, 4)
        self.canvas.ci.layout.setRowStretchFactor(1, 1)
        for plot in (self.raster_plot, self.count_plot):
            plot.setMenuEnabled(False)
            plot.vb.disableAutoRange()
            plot.setMouseEnabled(x=False, y=True)
            plot.getAxis("left").setWidth(48)
        self.raster_plot.setLabel("left", "neuron")
        self.raster_plot.hideAxis("bottom")
        self.count_plot.setLabel("left", "spikes")
        self.count_plot.setLabel("bottom", "iteration")
        self.count_plot.getAxis("bottom").setStyle(maxTickLevel=0)  # scrolls every frame: major ticks only
        self.count_plot.setXLink(self.raster_plot)
        self.image = BitmapItem(_NO_SPIKE, _SPIKE)
        self.raster_plot.addItem(self.image)
        self.sel_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen((214, 39, 40, 110), width=1))
        self.raster_plot.addItem(self.sel_line)
        self.count_curve = self.count_plot.plot(pen=pg.mkPen("#0072B2", width=1))
        self._watch: Any = None
        self._ring = np.zeros((0, 0), np.uint8)
        self._counts = np.zeros(0, np.int64)
        self._last_t = 0
        self._rbin = 1
        self._lo = self._hi = 0
        self._needs_full = True
        self._count_max = 1.0
        self._reader: Any = None
        self._fast: Any = None
        self._fast_reader: Any = None
        self._xrange: tuple[int, int] | None = None
        self._yrange: tuple[int, int] | None = None
        return self.canvas

    # ------------------------------------------------------------------ watches
    def refill_variables(self, keep: str | None = None) -> None:
        """As the base class; before the first iteration, wait for a usual spike name to appear
        (e.g. ``spike`` is created by the first iteration), so that no iteration is missed."""
        if self.group is not None and not introspect.neuron_variables(self.group, self.variable_kinds):
            pending = keep or next((p for p in self.preferred if not hasattr(self.group, p)), None)
            if pending is not None and self.bridge.iteration == 0:
                self._filling = True
                self.var_box.clear()
                self.var_box.addItem(pending)
                self._filling = False
                self.variable = pending
                self.show_message(f"waiting for '{pending}' (created when the network runs)")
                self._dirty = True
                self.rebind()
                return
        super().refill_variables(keep)

    def pending(self) -> bool:
        return self._watch is not None and self._watch.kind is None

    def rebind(self) -> None:
        self.bridge.release(self._watch)
        self.bridge.release(self._fast)
        self._watch = self._reader = self._fast = self._fast_reader = None
        self._needs_full = True
        self.image.clear()
        path = self.path()
        if path is None or self.bridge.runner is None:
            return
        size = introspect.group_size(self.group)
        self._lo, self._hi, problem = check_range(self.range_edit.text(), size)
        if problem:  # say so, and show in the box what is shown
            self.range_edit.setText(
                "all" if (self._lo, self._hi) == (0, size) else f"{self._lo}-{self._hi - 1}"
            )
        self.range_edit.setToolTip(problem or "Neurons shown: all, or a range such as 0-99")
        self.range_edit.setStyleSheet("border: 1px solid #c62828;" if problem else "")
        try:
            window = self.window_spin.value()
            self._watch = self.bridge.watch(path, window=window, kind="spikes")
            self._reader = data.NewSamples(self._watch, raster=True)
            if size * window > FAST_WATCH_ABOVE and window > FAST_WINDOW:
                self._fast = self.bridge.watch(path, window=FAST_WINDOW, kind="spikes")
                self._fast_reader = data.NewSamples(self._fast, raster=True)
        except Exception as exc:  # noqa: BLE001
            self.show_message(f"cannot watch {path}: {exc}")
        self._place_selection()
        self._dirty = True

    def on_neuron_changed(self, index: int) -> None:
        self._place_selection()

    def _place_selection(self) -> None:
        visible = self.selection.group is self.group and self._lo <= self.selection.neuron < self._hi
        self.sel_line.setVisible(visible)
        if visible:
            self.sel_line.setPos(self.selection.neuron + 0.5)

    def _target_rbin(self) -> int:
        rows = max(1, self._hi - self._lo)
        pixels = max(100, int(self.raster_plot.vb.height() or 400))
        return data.bin_factor(rows, pixels)

    # ------------------------------------------------------------------ drawing
    def update_view(self) -> None:
        if self._watch is None:
            return
        if self._watch.kind is None:  # a pending variable that has not appeared yet
            if self.bridge.iteration > 0 and not hasattr(self.group, self.variable):
                self.refill_variables()
            return
        window = self.window_spin.value()
        rbin = self._target_rbin()
        if self._needs_full or rbin != self._rbin or self._ring.shape[1] != window:
            self._rbin = rbin
            nrows = max(1, math.ceil((self._hi - self._lo) / rbin))
            self._ring = np.zeros((nrows, window), np.uint8)
            self._counts = np.zeros(window, np.int64)
            self._last_t = 0
            self._reader.reset(None)
            self._needs_full = False
        else:
            self._reader.reset(self._last_t)
        times, block, err = self._new_samples_reader().read()
        self.show_message(err)
        if times.size:
            self._advance(times, block, window)
        self._draw(self._last_t, window)

    def _new_samples_reader(self) -> Any:
        """The short watch when it still holds every iteration since the last frame (a small
        copy), else the full window."""
        fast = self._fast_reader
        if fast is not None and self._last_t > 0:
            newest = self._fast.last_iteration
            if newest is not None and newest - self._last_t < self._fast.window:
                fast.reset(self._last_t)
                return fast
        return self._reader

    def _advance(self, times: np.ndarray, block: np.ndarray, window: int) -> None:
        """Clear the columns of the new iterations, then write the new samples (row-binned)."""
        t_end = int(times[-1])
        if t_end - self._last_t >= window:
            self._ring[:] = 0
            self._counts[:] = 0
        else:
            for a, b in _col_slices(self._last_t + 1, t_end + 1, window):
                self._ring[:, a:b] = 0
                self._counts[a:b] = 0
        if times[0] <= t_end - window:
            keep = times > t_end - window
            times, block = times[keep], block[keep]
        sub = block[:, self._lo : self._hi].view(np.uint8)
        binned = data.max_bin_rows(sub, self._rbin, self._ring.shape[0], binary=True).T
        counts = data.count_rows(sub)
        if times.size and times[-1] - times[0] == times.size - 1:  # contiguous: slice writes
            # from the column of the first new iteration on (not _col_slices: for a whole window
            # of new iterations that gives (0, window), which shifted the raster by times[0] % window)
            first, n, k = int(times[0]) % window, times.size, 0
            for a, b in ((first, min(window, first + n)), (0, max(0, first + n - window))):
                if b > a:
                    self._ring[:, a:b] = binned[:, k : k + b - a]
                    self._counts[a:b] = counts[k : k + b - a]
                    k += b - a
        else:
            cols = times % window
            self._ring[:, cols] = binned
            self._counts[cols] = counts
        self._last_t = t_end

    def _draw(self, t_now: int, window: int) -> None:
        start = (t_now + 1) % window
        ordered = np.concatenate((self._ring[:, start:], self._ring[:, :start]), axis=1)
        counts = np.concatenate((self._counts[start:], self._counts[:start]))
        pixels = max(100, int(self.raster_plot.vb.width() or 600))
        tbin = max(1, math.ceil(window / pixels))  # at most one image column per pixel: none dropped
        img = data.max_bin_columns(ordered, tbin)
        shown = img.shape[1] * tbin
        self.image.set_bitmap(img, QRectF(t_now - shown + 0.5, self._lo, shown, img.shape[0] * self._rbin))
        times = np.arange(t_now - window + 1, t_now + 1)
        first = max(0, int(np.searchsorted(times, 1)))
        self.count_curve.setData(times[first:], counts[first:], skipFiniteCheck=True)
        x_hi = max(t_now, window)
        if self._xrange != (x_hi, window):
            self._xrange = (x_hi, window)
            self.raster_plot.setXRange(x_hi - window + 0.5, x_hi + 0.5, padding=0)
        if self._yrange != (self._lo, self._hi):
            self._yrange = (self._lo, self._hi)
            self.raster_plot.setYRange(self._lo, self._hi, padding=0)
        peak = float(counts.max()) if counts.size else 1.0
        if peak > self._count_max or peak < 0.4 * self._count_max:
            self._count_max = max(1.0, peak * 1.25)
            self.count_plot.setYRange(0, self._count_max, padding=0)
        self.raster_plot.vb.updateMatrix()  # now, not inside paint: one paint per frame
        self.count_plot.vb.updateMatrix()

    def shown_events(self) -> int:
        """Number of spike pixels in the ring (tests)."""
        return int(self._ring.sum())

    def shown_counts(self) -> np.ndarray:
        """Spikes per iteration of the shown window, oldest first (tests)."""
        t_now = self._last_t
        window = self._counts.size
        if not window:
            return self._counts
        start = (t_now + 1) % window
        return np.concatenate((self._counts[start:], self._counts[:start]))
