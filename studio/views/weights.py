"""WeightsView: afferent weights of the selected neuron on the source grid, or a whole matrix."""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QComboBox, QLabel, QStackedWidget, QWidget

from studio.core import introspect
from studio.views.base import LiveView
from studio.views.grid import to_grid
from studio.views.image_panel import ImagePanel

#: Largest matrix side drawn at full resolution (bigger ones are mean-binned).
MAX_SIDE = 400
#: Least seconds between two refreshes of the weights while the network runs; a large W waits
#: longer, so that copying it takes at most ENGINE_SHARE of the engine's time.
REFRESH_S = 0.1
ENGINE_SHARE = 0.02


def bin_matrix(w: np.ndarray, max_side: int = MAX_SIDE) -> np.ndarray:
    """Mean-bin a 2-D matrix so that no side exceeds ``max_side``."""
    rows, cols = w.shape
    fr, fc = max(1, math.ceil(rows / max_side)), max(1, math.ceil(cols / max_side))
    if fr == 1 and fc == 1:
        return w
    r, c = (rows // fr) * fr, (cols // fc) * fc
    return w[:r, :c].reshape(r // fr, fr, c // fc, fc).mean(axis=(1, 3))


def _dense(a: Any) -> np.ndarray:
    """A dense float array from a numpy array or a scipy.sparse matrix/row."""
    if hasattr(a, "toarray"):
        a = a.toarray()
    return np.asarray(a, dtype=np.float32)


class WeightsView(LiveView):
    """Weights of one synapse group: the selected neuron's afferents or the whole matrix."""

    def build_body(self) -> QWidget:
        self.var_box.hide()
        self.sg_box = QComboBox()
        self.sg_box.setToolTip("Afferent synapse group of the shown group")
        self.sg_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mode_box = QComboBox()
        self.mode_box.addItems(["neuron", "matrix"])
        self.mode_box.setToolTip("Afferent weights of the selected neuron on the source grid, or the matrix")
        self.group_box.hide()
        self.header.insertWidget(2, self.sg_box)
        self.header.insertWidget(3, self.mode_box)
        self.sg_box.currentIndexChanged.connect(self._changed)
        self.mode_box.currentIndexChanged.connect(self._changed)
        self.panel = ImagePanel(colormap="viridis")
        self.empty = QLabel("No synapse groups in this network.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777777;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.panel)
        self.stack.addWidget(self.empty)
        self._future: Any = None
        self._last_fetch = 0.0
        self._fetched_iteration = -1
        self._fetch_cost = 0.0  # seconds the last copy took on the engine thread
        self._range: tuple[float, float] | None = None
        self.selection.synapse_group_changed.connect(self._on_selected_sg)
        return self.stack

    def synapse_group(self) -> Any:
        """The synapse group currently shown (None when the group has no afferents)."""
        return self.sg_box.currentData()

    def refill_variables(self, keep: str | None = None) -> None:
        """Fill the synapse-group picker; prefer one that ends in the shown group."""
        net = self.bridge.network
        sgs = list(net.SynapseGroups) if net is not None else []
        old = self.synapse_group()
        old_name = introspect.group_name(old) if old is not None else None
        self.sg_box.blockSignals(True)
        self.sg_box.clear()
        for sg in sgs:
            self.sg_box.addItem(
                f"{introspect.group_name(sg)}: {introspect.group_name(sg.src)} → "
                f"{introspect.group_name(sg.dst)}",
                sg,
            )
        index = -1
        if old is not None and old in sgs and old.dst is self.group:
            index = sgs.index(old)
        if index < 0:
            index = next((k for k, sg in enumerate(sgs) if sg.dst is self.group), -1)
        if index < 0 and old in sgs:
            index = sgs.index(old)
        if index < 0:
            index = next((k for k, sg in enumerate(sgs) if introspect.group_name(sg) == old_name), 0)
        self.sg_box.setCurrentIndex(index if sgs else -1)
        self.sg_box.blockSignals(False)
        self.stack.setCurrentWidget(self.panel if sgs or net is None else self.empty)
        self._changed()

    def _on_selected_sg(self, sg: Any) -> None:
        if not self.follow_box.isChecked() or sg is None:
            return
        index = next((k for k in range(self.sg_box.count()) if self.sg_box.itemData(k) is sg), -1)
        if index >= 0:
            self.sg_box.setCurrentIndex(index)

    def _changed(self, *_args: Any) -> None:
        sg = self.synapse_group()
        if sg is not None:
            self.group = sg.dst
        self._range = None
        self._future = None
        self._last_fetch = 0.0
        self._dirty = True  # the last frame stays until the new one is drawn: no blank area

    def on_neuron_changed(self, index: int) -> None:
        if self.mode_box.currentIndex() == 0:
            self._last_fetch = 0.0
            self._dirty = True

    def refresh(self) -> None:
        """Once per display tick. This view shows no per-neuron variable, so the base class's
        "wait for the variable to appear" step does not apply (it refilled the synapse-group picker
        at every tick of a run, and the weights were never drawn while the network ran)."""
        if not self.isVisible():
            return
        pending = self._future is not None or self._last_fetch == 0.0
        if pending or self._dirty or self.bridge.iteration != self._fetched_iteration:
            self._dirty = False
            self.update_view()  # throttled there: one fetch at a time, every REFRESH_S while running

    # ------------------------------------------------------------------ data
    def _snapshot(self, net: Any, sg: Any, whole: bool, i: int) -> Any:
        """Runs on the engine thread: a copy of what to draw (or a message string)."""
        t0 = time.perf_counter()
        try:
            return self._copy(net, sg, whole, i)
        finally:
            self._fetch_cost = time.perf_counter() - t0

    def _copy(self, net: Any, sg: Any, whole: bool, i: int) -> Any:
        w = introspect.weight_matrix_dxs(net, sg)
        if w is None:
            return f"{introspect.group_name(sg)} has no weights W yet"
        if getattr(w, "ndim", 2) != 2:
            return f"W of {introspect.group_name(sg)} has shape {getattr(w, 'shape', '?')}, not a matrix"
        if whole:
            return bin_matrix(_dense(w))
        if i >= w.shape[0]:
            return f"neuron {i} is outside W ({w.shape[0]} rows)"
        row = _dense(w[i]).ravel()
        sw, sh, sd = introspect.group_geometry(sg.src)
        if row.size != sw * sh * sd:
            return row.reshape(1, -1)
        return to_grid(row, sw, sh, sd)

    def update_view(self) -> None:
        if self.synapse_group() is None:
            return
        if self._future is not None:
            if not self._future.done():
                return
            future, self._future = self._future, None
            try:
                self._show(future.result())
            except Exception as exc:  # noqa: BLE001
                self.show_message(f"cannot read weights: {exc}")
        now = time.monotonic()  # the next copy may start in the same frame
        wait = max(REFRESH_S, self._fetch_cost / ENGINE_SHARE)
        if self._last_fetch and (
            now - self._last_fetch < wait or self.bridge.iteration == self._fetched_iteration
        ):
            return
        self._last_fetch = now
        self._fetched_iteration = self.bridge.iteration
        sg = self.synapse_group()
        i = self.selection.neuron if self.selection.group is sg.dst else 0
        args = (self.bridge.network, sg, self.mode_box.currentIndex() == 1, i)
        try:
            self._future = self.bridge.call(lambda: self._snapshot(*args))
        except RuntimeError:  # the runner was stopped: nothing to fetch
            self._future = None

    def _show(self, result: Any) -> None:
        if result is None:
            self.panel.clear_image()
            return
        if isinstance(result, str):
            self.show_message(result)
            self.panel.clear_image()
            return
        self.show_message(None)
        img = np.asarray(result, dtype=np.float32)
        finite = img[np.isfinite(img)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if self._range is not None:
            lo, hi = min(lo, self._range[0]), max(hi, self._range[1])
        self._range = (lo, hi)
        self.panel.set_colormap("CET-D1" if lo < 0 < hi else "viridis")
        self.panel.set_image(img, (-max(-lo, hi), max(-lo, hi)) if lo < 0 < hi else (lo, hi))
