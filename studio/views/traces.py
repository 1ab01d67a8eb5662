"""TraceView: rolling traces of a per-neuron variable (chosen neurons + the group mean)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from studio.core import introspect
from studio.views import data
from studio.views.base import LiveView

#: Colour cycle for individual neurons (colour-blind friendly, Okabe-Ito without black).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
SELECTED_COLOR = "#D62728"
MEAN_COLOR = "#000000"
#: Largest (neurons x window x 8 bytes) for which the whole group is watched (neurons + mean).
WHOLE_GROUP_BYTES = 64 * 2**20


def parse_neurons(text: str, size: int) -> list[int]:
    """Parse ``"0-9, 42"`` into sorted indices < ``size`` (bad parts are ignored)."""
    out: set[int] = set()
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*[-:]\s*(\d+)", part)
        try:
            if m:
                lo, hi = int(m.group(1)), int(m.group(2))
                out.update(range(lo, min(hi, size - 1) + 1))
            else:
                out.add(int(part))
        except ValueError:
            continue
    return sorted(i for i in out if 0 <= i < size)


def stable_range(old: tuple[float, float] | None, lo: float, hi: float) -> tuple[float, float] | None:
    """A padded range holding [lo, hi]; ``old`` is kept while it fits and is not twice too big."""
    if not np.isfinite(lo) or not np.isfinite(hi):
        return old
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    if old is not None and old[0] <= lo and hi <= old[1] and (hi - lo) >= 0.5 * (old[1] - old[0]):
        return old
    pad = 0.08 * (hi - lo)
    return (lo - pad, hi + pad)


class TraceView(LiveView):
    """Voltage-style traces: some neurons, the selected neuron (red) and the group mean (black)."""

    variable_kinds = ("float", "int", "bool")
    preferred = ("voltage", "v", "output", "activity", "u")

    def build_body(self) -> QWidget:
        self.neurons_edit = QLineEdit("0-4")
        self.neurons_edit.setToolTip("Neurons to draw, e.g. 0-9, 42 (the selected neuron is always drawn)")
        self.neurons_edit.setMaximumWidth(110)
        self.mean_box = QCheckBox("mean")
        self.mean_box.setChecked(True)
        self.mean_box.setToolTip("Draw the group mean")
        self.window_spin = QSpinBox()
        self.window_spin.setRange(50, 20000)
        self.window_spin.setSingleStep(500)
        self.window_spin.setValue(2000)
        self.window_spin.setSuffix(" it")
        self.window_spin.setToolTip("Rolling window (iterations)")
        self.header.insertWidget(3, self.neurons_edit)
        self.header.insertWidget(4, self.mean_box)
        self.header.insertWidget(5, self.window_spin)
        self.neurons_edit.editingFinished.connect(self._neurons_edited)
        self.mean_box.toggled.connect(self.rebind)
        self.window_spin.editingFinished.connect(self.rebind)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        # no showGrid: grid lines make every axis repaint cost ~5 ms in software rendering
        self.plot.setLabel("bottom", "iteration")
        self.plot.getAxis("bottom").setStyle(maxTickLevel=0)  # scrolls every frame: major ticks only
        self.plot.getPlotItem().vb.disableAutoRange()
        self.legend = self.plot.addLegend(
            offset=(-8, 8), labelTextSize="8pt", brush=pg.mkBrush(255, 255, 255, 200), pen=pg.mkPen("#cccccc")
        )
        self._curves: list[pg.PlotDataItem] = []
        self._neurons: list[int] = []
        self._mean_curve: pg.PlotDataItem | None = None
        self._watch: Any = None
        self._reader: Any = None
        self._whole = False
        self._note: str | None = None
        self._t, self._v, self._m = np.zeros(0, np.int64), np.zeros((0, 0)), np.zeros(0)
        self._yrange: tuple[float, float] | None = None
        return self.plot

    # ------------------------------------------------------------------ watches
    def rebind(self) -> None:
        """One watch: the whole group (neurons and mean from it), or only the chosen neurons
        when the group is too large to keep a window of it (then no mean)."""
        self.bridge.release(self._watch)
        self._watch = self._reader = None
        self._yrange = None
        self._t, self._v, self._m = np.zeros(0, np.int64), np.zeros((0, 0)), np.zeros(0)
        path = self.path()
        if path is None or self.bridge.runner is None:
            self._whole = False
            self._make_curves()
            return
        size = introspect.group_size(self.group)
        chosen, _sel = self._chosen()
        window = self.window_spin.value()
        self._whole = self.mean_box.isChecked() and size * window * 8 <= WHOLE_GROUP_BYTES
        self.plot.setLabel("left", self.variable)
        try:
            if self._whole:
                self._watch = self.bridge.watch(path, window=window, kind="trace")
            elif chosen:
                self._watch = self.bridge.watch(path, neurons=chosen, window=window, kind="trace")
        except Exception as exc:  # noqa: BLE001 - a bad path must not break the window
            self.show_message(f"cannot watch {path}: {exc}")
            return
        if self._watch is not None:
            self._reader = data.NewSamples(self._watch)
        self._note = None
        if self.mean_box.isChecked() and not self._whole:
            self._note = f"group mean off: {size} neurons x {window} iterations is too much to keep live"
            self.show_message(self._note)
        self._make_curves()
        self._dirty = True

    def _chosen(self) -> tuple[list[int], int | None]:
        """Neurons to draw (the typed ones plus the selected one) and the selected neuron."""
        size = introspect.group_size(self.group)
        chosen = parse_neurons(self.neurons_edit.text(), size)
        sel = self.selection.neuron if self.selection.group is self.group else None
        if sel is not None and sel < size and sel not in chosen:
            chosen = sorted(chosen + [sel])
        return chosen, sel

    def _make_curves(self) -> None:
        """(Re)create one curve per chosen neuron (the selected one red) and the mean curve."""
        for curve in self._curves:
            self.plot.removeItem(curve)
        if self._mean_curve is not None:
            self.plot.removeItem(self._mean_curve)
        self._curves, self._mean_curve = [], None
        self.legend.clear()
        chosen, sel = self._chosen()
        self._neurons = chosen
        for k, idx in enumerate(chosen):
            selected = idx == sel
            pen = pg.mkPen(SELECTED_COLOR if selected else PALETTE[k % len(PALETTE)], width=1)
            name = f"#{idx} (selected)" if selected else (f"#{idx}" if len(chosen) <= 6 else None)
            curve = self.plot.plot(pen=pen, name=name)
            curve.setZValue(2 if selected else 1)
            self._curves.append(curve)
        if self._whole:
            self._mean_curve = self.plot.plot(pen=pg.mkPen(MEAN_COLOR, width=1), name="group mean")
            self._mean_curve.setZValue(3)

    def on_neuron_changed(self, index: int) -> None:
        if self.selection.group is self.group:
            self._neurons_edited()

    def _neurons_edited(self) -> None:
        """Other neurons to draw: a new watch, or (whole group watched) a re-read of its window."""
        if self._reader is None:
            return
        chosen, _sel = self._chosen()
        if not self._whole and chosen != self._neurons:
            self.rebind()  # the watch holds only the old neurons
            return
        self._make_curves()  # the whole group is watched: re-read its window
        self._reader.reset(None)
        self._t, self._v, self._m = np.zeros(0, np.int64), np.zeros((0, 0)), np.zeros(0)
        self._dirty = True

    # ------------------------------------------------------------------ drawing
    def _pull(self) -> str | None:
        """Append the new samples to the shown window; returns a problem text or None."""
        t, block, err = self._reader.read()
        if len(t):
            block = np.asarray(block).reshape(len(t), -1)
            window = self.window_spin.value()
            values = block[:, self._neurons] if self._whole else block
            self._t = np.concatenate((self._t, t))[-window:]
            old = self._v if self._v.shape[1:] == values.shape[1:] else np.zeros((0,) + values.shape[1:])
            self._v = np.concatenate((old, values.astype(np.float64, copy=False)))[-window:]
            if self._whole:
                self._m = np.concatenate((self._m, data.mean_rows(block, len(t))))[-window:]
        return err

    def update_view(self) -> None:
        if self._reader is None:
            return
        problem = self._pull()
        self.show_message(problem or self._note)
        t = self._t
        if not len(t):
            return
        lo, hi = np.inf, -np.inf
        for k, curve in enumerate(self._curves):
            if k < self._v.shape[1]:
                curve.setData(t, self._v[:, k], skipFiniteCheck=True)
        if self._v.size:
            finite = self._v[np.isfinite(self._v)]
            if finite.size:
                lo, hi = finite.min(), finite.max()
        if self._mean_curve is not None and len(self._m) == len(t):
            self._mean_curve.setData(t, self._m, skipFiniteCheck=True)
        window = self.window_spin.value()
        t_end = float(t[-1])
        self.plot.setXRange(max(0.0, t_end - window), max(t_end, window), padding=0)
        self._set_y(lo, hi)
        self.plot.getPlotItem().vb.updateMatrix()  # now, not inside paint: one paint per frame

    def _set_y(self, lo: float, hi: float) -> None:
        """Fit the y range to the data: expand at once, shrink only when the data use less than
        half of it (the axis is not redrawn every frame)."""
        rng = stable_range(self._yrange, lo, hi)
        if rng is not None and rng != self._yrange:
            self._yrange = rng
            self.plot.setYRange(*rng, padding=0)

    def shown_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) currently drawn for the individual neurons (tests and export)."""
        if not self._curves:
            return np.empty(0), np.empty((0, 0))
        xs = [c.getData()[0] for c in self._curves]
        ys = [c.getData()[1] for c in self._curves]
        if xs[0] is None:
            return np.empty(0), np.empty((0, 0))
        return np.asarray(xs[0]), np.column_stack(ys)
