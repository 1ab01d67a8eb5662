"""SpectrumView: power spectrum of a group's mean activity over the last iterations."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QCheckBox, QWidget

from engine.analysis import power_spectrum
from studio.views.analysis import plots
from studio.views.analysis.base import AnalysisView
from studio.views.analysis.plots import set_summary


def group_mean(block: np.ndarray) -> np.ndarray:
    """``(m, 2)``: per sample the mean of the finite values over the neurons (NaN when none is
    finite) and how many values were NaN/inf (counted once, as the samples arrive)."""
    x = np.asarray(block, dtype=np.float64).reshape(block.shape[0], -1)
    finite = np.isfinite(x)
    n = finite.sum(axis=1)
    if x.shape[1] and bool((n == x.shape[1]).all()):
        mean = x.mean(axis=1)
    else:
        with np.errstate(all="ignore"):
            mean = np.where(finite, x, 0.0).sum(axis=1) / np.where(n, n, np.nan)
    return np.column_stack([mean, x.shape[1] - n])


class SpectrumView(AnalysisView):
    """Power spectrum (numpy FFT, Hann window) of the group mean of a variable; the peak is marked."""

    watch_kind = "trace"
    variable_kinds = ("float", "int", "bool")
    preferred = ("spike", "spikes", "fired", "voltage", "v", "output", "activity")
    default_window = 2048
    max_neurons = 2000

    def build_plot(self) -> QWidget:
        self.log_box = QCheckBox("log")
        self.log_box.setChecked(True)
        self.log_box.setToolTip("Logarithmic power axis")
        self.header.insertWidget(4, self.log_box)
        self.log_box.toggled.connect(self._log_toggled)
        self.plot = plots.new_plot("power", "frequency")
        self.plot.setLogMode(y=True)
        self.curve = self.plot.plot(pen=pg.mkPen("#0072B2", width=1.5))
        self.peak_line = pg.InfiniteLine(angle=90, movable=False, pen=plots.MARK_PEN)
        self.plot.addItem(self.peak_line)
        self.spectrum = None
        return self.plot

    def _log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.throttle.reset()
        self._stale = True
        self._dirty = True

    def reduce_samples(self) -> Any:
        return group_mean

    def analyse(self, times: np.ndarray, values: np.ndarray) -> str | None:
        if times.size < 8:
            return f"Waiting for data: {times.size} of at least 8 iterations of {self.path()}."
        signal, bad = values[:, 0], int(values[:, 1].sum())
        dt = self.dt()
        spec = power_spectrum(signal, dt=dt)
        self.spectrum = spec
        if spec.n_nan == signal.size:
            return f"Every sample of {self.path()} is NaN in the last {times.size} iterations."
        power = spec.power[1:]
        if not np.any(power > 0):
            return f"No variation: the mean of {self.path()} is constant in the last {times.size} iterations."
        unit = "Hz" if dt else "1/it"
        floor = power[power > 0].min() if self.log_box.isChecked() else 0.0
        self.curve.setData(spec.freqs[1:], np.maximum(power, floor))
        self.peak_line.setPos(spec.peak)
        self.plot.setLabel("bottom", f"frequency ({unit})")
        period = f" = period {1.0 / spec.peak:.3g} {'s' if dt else 'it'}" if spec.peak > 0 else ""
        nan = f" · {bad} NaN values left out" if bad else ""
        subset = f" · mean of {self.watched_neurons()} neurons" if self._subset is not None else ""
        set_summary(self.plot, f"peak {spec.peak:.4g} {unit}{period}{nan}{subset}")
        return None
