"""IsiView: histogram of the inter-spike intervals of a group (or of the selected neuron) and the CV."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QComboBox, QWidget

from engine.analysis import interval_cv, interval_histogram, intervals, raster_events
from studio.core import introspect
from studio.views.analysis import plots
from studio.views.analysis.base import AnalysisView
from studio.views.analysis.plots import set_summary


class IsiView(AnalysisView):
    """ISI histogram over the last iterations; the title gives the pooled CV and the mean CV per neuron."""

    watch_kind = "spikes"
    variable_kinds = ("bool",)
    preferred = ("spike", "spikes", "output", "fired")
    default_window = 3000

    def build_plot(self) -> QWidget:
        self.scope_box = QComboBox()
        self.scope_box.addItems(["group", "selected neuron"])
        self.scope_box.setToolTip("Intervals of every neuron of the group, or of the selected neuron only")
        self.header.insertWidget(3, self.scope_box)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        self.plot = plots.new_plot("intervals", "inter-spike interval (iterations)")
        self.bars = plots.histogram_item()
        self.plot.addItem(self.bars)
        self.peak_line = pg.InfiniteLine(angle=90, movable=False, pen=plots.MARK_PEN)
        self.plot.addItem(self.peak_line)
        self.result = None
        return self.plot

    def _scope_changed(self, _index: int) -> None:
        self.throttle.reset()
        self._stale = True
        self._dirty = True

    def on_neuron_changed(self, index: int) -> None:
        if self.scope_box.currentIndex() == 1:
            self._scope_changed(index)

    def analyse(self, times: np.ndarray, values: np.ndarray) -> str | None:
        t, i = raster_events(times, values, by_neuron=True)
        name = self.path()
        one = self.scope_box.currentIndex() == 1
        if one:
            neuron = self._column_of(self.selection.neuron if self.selection.group is self.group else 0)
            if neuron is None:
                return f"Neuron {self.selection.neuron} is not among the watched neurons of {name}."
            t, i = t[i == neuron], i[i == neuron]
        span = f"the last {times.size} iterations" if times.size else "the window"
        if t.size == 0:
            who = f"neuron {self.selection.neuron} of {name}" if one else name
            return f"No spikes: {who} did not fire in {span}."
        isi, owner = intervals(t, i)  # already by neuron: no sort
        res = interval_histogram(isi, int(t.size), bins=60)
        self.result = res
        if res.n_intervals == 0:
            return f"Too few spikes for an interval: {res.n_spikes} spike(s) of {name} in {span}."
        plots.set_histogram(self.bars, res.edges, res.counts)
        self.peak_line.setPos(res.peak)
        cv = interval_cv(isi, owner, values.shape[1])
        mean_cv = float(np.nanmean(cv)) if np.isfinite(cv).any() else float("nan")
        set_summary(
            self.plot,
            f"{res.n_intervals} intervals · peak {res.peak:.3g} it · CV {res.cv:.2f} pooled, "
            f"{mean_cv:.2f} mean per neuron",
        )
        return None

    def _column_of(self, neuron: int) -> int | None:
        """Column of ``neuron`` in the watched raster (None when it is not watched)."""
        if self._subset is None:
            return neuron if 0 <= neuron < introspect.group_size(self.group) else None
        hit = np.flatnonzero(self._subset == neuron)
        return int(hit[0]) if hit.size else None
