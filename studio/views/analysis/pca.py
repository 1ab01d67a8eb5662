"""PcaView: the population activity of a group projected on its first two principal components."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QSpinBox, QWidget

from engine.analysis import pca
from studio.views.analysis import plots
from studio.views.analysis.base import AnalysisView
from studio.views.analysis.plots import set_summary

#: Most recent samples drawn as coloured dots (older ones only as the grey path).
RECENT = 200
_RECENT_BRUSHES = [
    pg.mkBrush(int(230 * (1 - k / RECENT)), int(80 + 80 * k / RECENT), 200) for k in range(RECENT)
]


def moving_average(x: np.ndarray, width: int) -> np.ndarray:
    """Mean over ``width`` consecutive samples (rows) of ``x``: ``len(x) - width + 1`` rows (a NaN
    stays in the rows whose window holds it)."""
    if width <= 1 or x.shape[0] < width:
        return x
    return np.lib.stride_tricks.sliding_window_view(x, width, axis=0).mean(axis=-1)


class PcaView(AnalysisView):
    """2-D trajectory of the population state (PC1 vs PC2) over the last iterations."""

    watch_kind = "trace"
    variable_kinds = ("float", "int", "bool")
    preferred = ("voltage", "v", "output", "activity", "spike")
    default_window = 1000
    max_neurons = 256
    min_interval = 0.3

    def build_plot(self) -> QWidget:
        self.smooth_spin = QSpinBox()
        self.smooth_spin.setRange(1, 500)
        self.smooth_spin.setValue(10)
        self.smooth_spin.setPrefix("smooth ")
        self.smooth_spin.setSuffix(" it")
        self.smooth_spin.setToolTip("Moving average over this many iterations before the PCA (spikes: ~10)")
        self.header.insertWidget(4, self.smooth_spin)
        self.smooth_spin.valueChanged.connect(self._settings_changed)
        self.plot = plots.new_plot("PC 2", "PC 1")
        self.path_curve = self.plot.plot(pen=pg.mkPen((150, 150, 150, 120), width=1))
        self.recent = pg.ScatterPlotItem(size=4, pen=None)
        self.plot.addItem(self.recent)
        self.now_dot = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#222222"), brush=pg.mkBrush("#D62728"))
        self.plot.addItem(self.now_dot)
        self.result = None
        return self.plot

    def _settings_changed(self, *_args: object) -> None:
        self.throttle.reset()
        self._stale = True
        self._dirty = True

    def analyse(self, times: np.ndarray, values: np.ndarray) -> str | None:
        if times.size < 3:
            return f"Waiting for data: {times.size} of at least 3 iterations of {self.path()}."
        x = moving_average(values.reshape(times.size, -1).astype(np.float64), self.smooth_spin.value())
        res = pca(x, k=2)
        self.result = res
        if res.scores.shape[1] == 0:
            if res.dropped_rows == x.shape[0]:
                return f"Every sample of {self.path()} holds NaN in the last {times.size} iterations."
            return f"No variation: {self.path()} is constant in the last {times.size} iterations."
        s = res.scores
        pc2 = s[:, 1] if s.shape[1] > 1 else np.zeros(s.shape[0])
        self.path_curve.setData(s[:, 0], pc2)
        k = min(RECENT, s.shape[0])
        self.recent.setData(s[-k:, 0], pc2[-k:], brush=_RECENT_BRUSHES[RECENT - k :])
        self.now_dot.setData([s[-1, 0]], [pc2[-1]])
        explained = " + ".join(f"{100 * e:.1f}%" for e in res.explained)
        nan = f" · {res.dropped_rows} samples with NaN left out" if res.dropped_rows else ""
        subset = f" of {self.watched_neurons()} neurons" if self._subset is not None else ""
        set_summary(self.plot, f"variance explained {explained}{subset}{nan}")
        return None
