"""PopulationRateView: the fraction of the selected group that fires, iteration by iteration."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QWidget

from studio.plugins.api import Snapshot, StudioView


class PopulationRateView(StudioView):
    """Population rate (share of neurons spiking) over the last 1000 iterations, with its mean."""

    title = "Population rate"
    variables = ("spike",)
    history = 1000

    def create_widget(self) -> QWidget:
        self.plot = pg.PlotWidget()
        self.plot.setLabel("bottom", "iteration")
        self.plot.setLabel("left", "share of neurons spiking")
        self.curve = self.plot.plot(pen=pg.mkPen((30, 90, 200), width=1))
        dashed = pg.mkPen((200, 60, 30), style=Qt.PenStyle.DashLine)
        self.mean_line = pg.InfiniteLine(angle=0, pen=dashed)
        self.plot.addItem(self.mean_line)
        return self.plot

    def update(self, snapshot: Snapshot) -> None:
        spikes = snapshot.values["spike"]
        rate = spikes.mean(axis=1) if spikes.size else np.zeros(0)
        self.curve.setData(snapshot.times, rate)
        self.mean_line.setValue(float(rate.mean()) if rate.size else 0.0)
