"""WeightHistogramView: the distribution of a synapse group's weights, against the first one seen."""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QCheckBox, QComboBox, QLabel, QStackedWidget, QWidget

from engine.analysis import WeightStats, weight_histogram
from studio.core import introspect
from studio.views.analysis import plots
from studio.views.analysis.window import Throttle
from studio.views.base import LiveView


def _copy_weights(net: Any, sg: Any) -> Any:
    """Runs on the engine thread between two iterations: a copy of W (or a message string)."""
    w = introspect.weight_matrix_dxs(net, sg)
    if w is None:
        return f"{introspect.group_name(sg)} has no weights W yet."
    if hasattr(w, "tocoo"):
        return w.copy()
    w = np.array(w, copy=True)
    if w.ndim != 2:
        return f"W of {introspect.group_name(sg)} has shape {w.shape}, not a matrix."
    return w


class WeightHistogramView(LiveView):
    """Histogram of W of one synapse group (existing synapses only by default), redrawn while it learns."""

    def build_body(self) -> QWidget:
        self.var_box.hide()
        self.group_box.hide()
        self.sg_box = QComboBox()
        self.sg_box.setToolTip("Synapse group whose weights are shown")
        self.sg_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.zeros_box = QCheckBox("zeros")
        self.zeros_box.setToolTip("Count the zero entries of W too (absent synapses)")
        self.header.insertWidget(2, self.sg_box)
        self.header.insertWidget(3, self.zeros_box)
        self.sg_box.currentIndexChanged.connect(self._changed)
        self.zeros_box.toggled.connect(self._changed)
        self.plot = plots.new_plot("synapses", "weight")
        self.first_bars = plots.histogram_item(pen=plots.REF_PEN, brush=None)
        self.bars = plots.histogram_item()
        self.plot.addItem(self.first_bars)
        self.plot.addItem(self.bars)
        self.notice_label = QLabel()
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #555555; font-size: 13pt; padding: 12px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.notice_label)
        self.throttle = Throttle(min_interval=0.5)
        self._future: Any = None
        self._fetched_at = -1
        self.stats: WeightStats | None = None
        self.first: WeightStats | None = None
        self.selection.synapse_group_changed.connect(self._on_selected_sg)
        return self.stack

    def synapse_group(self) -> Any:
        """The synapse group shown (None without any)."""
        return self.sg_box.currentData()

    def notice(self, text: str | None) -> None:
        """Show ``text`` in place of the plot (None: the plot)."""
        if text:
            self.notice_label.setText(text)
        self.stack.setCurrentWidget(self.notice_label if text else self.plot)

    def refill_variables(self, keep: str | None = None) -> None:
        """Fill the synapse-group picker; keep the shown one, else prefer one ending in the group."""
        net = self.bridge.network
        sgs = list(net.SynapseGroups) if net is not None else []
        old = self.synapse_group()
        self.sg_box.blockSignals(True)
        self.sg_box.clear()
        for sg in sgs:
            ends = f"{introspect.group_name(sg.src)} → {introspect.group_name(sg.dst)}"
            self.sg_box.addItem(f"{introspect.group_name(sg)}: {ends}", sg)
        index = sgs.index(old) if old in sgs else -1
        if index < 0:
            index = next((k for k, sg in enumerate(sgs) if sg.dst is self.group), 0)
        self.sg_box.setCurrentIndex(index if sgs else -1)
        self.sg_box.blockSignals(False)
        self._changed()

    def _on_selected_sg(self, sg: Any) -> None:
        if self.follow_box.isChecked() and sg is not None:
            index = next((k for k in range(self.sg_box.count()) if self.sg_box.itemData(k) is sg), -1)
            if index >= 0:
                self.sg_box.setCurrentIndex(index)

    def _changed(self, *_args: Any) -> None:
        self._future = None
        self._fetched_at = -1
        self.first = self.stats = None
        self.first_bars.setData([], [])
        self.throttle.reset()
        self._dirty = True
        if self.synapse_group() is None:
            self.notice(
                "No synapse groups in this network." if self.bridge.network is not None else "No network."
            )

    def refresh(self) -> None:
        """Once per display tick: collect a finished fetch, start the next one when W may have changed."""
        if not self.isVisible() or self.synapse_group() is None:
            return
        if self._future is not None:
            if not self._future.done():
                return
            future, self._future = self._future, None
            try:
                self._show(future.result())
            except Exception as exc:  # noqa: BLE001
                self.notice(f"Cannot read the weights: {exc}")
        iteration = self.bridge.iteration
        if (self._dirty or iteration != self._fetched_at) and self.throttle.due():
            self._dirty = False
            self._fetched_at = iteration
            sg, net = self.synapse_group(), self.bridge.network
            try:
                self._future = self.bridge.call(lambda: _copy_weights(net, sg))
            except RuntimeError:  # the runner was stopped
                self._future = None

    def _show(self, w: Any) -> None:
        if isinstance(w, str):
            self.notice(w)
            return
        self.throttle.begin()
        nonzero = not self.zeros_box.isChecked()
        stats = weight_histogram(w, bins=60, nonzero=nonzero)
        if self.first is None:
            self.first = stats
            plots.set_histogram(self.first_bars, stats.edges, stats.counts)
        self.stats = stats
        plots.set_histogram(self.bars, stats.edges, stats.counts)
        self.throttle.end()
        name = introspect.group_name(self.synapse_group())
        if not stats.counts.sum():
            why = f"{stats.n_nan} NaN weights" if stats.n_nan else "every weight is zero"
            self.notice(f"Nothing to histogram in {name}: {why}.")
            return
        nan = f" · {stats.n_nan} NaN/inf weights (not binned)" if stats.n_nan else ""
        plots.set_summary(
            self.plot,
            f"{name}: mean {stats.mean:.4g} · density {stats.density:.3f} · "
            f"{int(stats.counts.sum())} weights{nan} · dashed: first seen",
        )
        self.notice(None)
