"""RateView: the group's firing rate over time (binned) and the histogram of per-neuron rates."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QSpinBox, QWidget

from engine.analysis import population_rate, raster_rates, rate_histogram
from studio.views.analysis import plots
from studio.views.analysis.base import AnalysisView
from studio.views.analysis.plots import set_summary


class RateView(AnalysisView):
    """Population rate (mean over the neurons, in bins of a few iterations) and the rate histogram."""

    watch_kind = "spikes"
    variable_kinds = ("bool",)
    preferred = ("spike", "spikes", "output", "fired")
    default_window = 2000

    def build_plot(self) -> QWidget:
        self.bin_spin = QSpinBox()
        self.bin_spin.setRange(1, 1000)
        self.bin_spin.setValue(10)
        self.bin_spin.setPrefix("bin ")
        self.bin_spin.setSuffix(" it")
        self.bin_spin.setToolTip("Iterations per bin of the rate time course")
        self.header.insertWidget(4, self.bin_spin)
        self.bin_spin.valueChanged.connect(self._settings_changed)
        self.canvas = pg.GraphicsLayoutWidget()
        self.time_plot = self.canvas.addPlot(row=0, col=0)
        self.hist_plot = self.canvas.addPlot(row=1, col=0)
        for plot in (self.time_plot, self.hist_plot):
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.getAxis("left").setWidth(52)
        self.time_plot.setLabel("bottom", "iteration")
        self.hist_plot.setLabel("left", "neurons")
        self.rate_curve = self.time_plot.plot(pen=pg.mkPen("#0072B2", width=1.5))
        self.bars = plots.histogram_item()
        self.hist_plot.addItem(self.bars)
        self.mean_line = pg.InfiniteLine(angle=90, movable=False, pen=plots.MARK_PEN)
        self.hist_plot.addItem(self.mean_line)
        self.rates = np.zeros(0)
        return self.canvas

    def _settings_changed(self, *_args: object) -> None:
        self.throttle.reset()
        self._stale = True
        self._dirty = True

    def analyse(self, times: np.ndarray, values: np.ndarray) -> str | None:
        unit, dt = self.rate_unit(), self.dt()
        n = values.shape[1] if values.ndim == 2 else 0
        if not n or not times.size:
            return f"No data yet for {self.path()}."
        counts, self.rates = raster_rates(values, dt)
        if not counts.any():
            return f"No spikes: {self.path()} did not fire in the last {times.size} iterations."
        width = self.bin_spin.value()
        starts, rate = population_rate(counts, n, width, dt)
        if rate.size:
            self.rate_curve.setData(times[starts] + 0.5 * (width - 1), rate)
        else:
            self.rate_curve.setData(times, counts / n * (1.0 / dt if dt else 1.0))
        edges, hist, _nan = rate_histogram(self.rates, bins=30)
        plots.set_histogram(self.bars, edges, hist)
        mean = float(self.rates.mean())
        self.mean_line.setPos(mean)
        self.time_plot.setLabel("left", f"rate ({unit})")
        self.hist_plot.setLabel("bottom", f"rate per neuron ({unit}), last {times.size} iterations")
        set_summary(
            self.time_plot,
            f"{int(counts.sum())} spikes · mean {mean:.3g} {unit} · {(self.rates == 0).sum()} silent",
        )
        return None
