"""ActivityGridView: the group's NeuronDimension layout coloured by a variable."""

from __future__ import annotations

import numpy as np
from PyQt6.QtWidgets import QWidget

from studio.core import introspect
from studio.views.base import LiveView
from studio.views.image_panel import ImagePanel
from studio.views.traces import stable_range


def to_grid(values: np.ndarray, width: int, height: int, depth: int) -> np.ndarray:
    """Neuron vector → image (height x width*depth); depth slices side by side."""
    cube = np.asarray(values)[: width * height * depth].reshape(depth, height, width)
    return np.concatenate(list(cube), axis=1) if depth > 1 else cube[0]


def neuron_at(row: int, col: int, width: int, height: int) -> int:
    """Neuron index of an image pixel produced by :func:`to_grid`."""
    z, x = divmod(col, width)
    return z * width * height + row * width + x


class ActivityGridView(LiveView):
    """The group laid out on its grid (squared when it has none); a click selects a neuron."""

    variable_kinds = ("float", "int", "bool")
    preferred = ("voltage", "v", "output", "activity", "spike")

    def build_body(self) -> QWidget:
        self.panel = ImagePanel()
        self.panel.pixel_clicked.connect(self._pixel_clicked)
        self._geom = (0, 0, 1)
        self._range: tuple[float, float] | None = None
        return self.panel

    def rebind(self) -> None:
        """No watch: the grid shows the current value only, read while the bridge holds the
        worker between two iterations (or while paused), so nothing is sampled per iteration."""
        self._range = None
        self.panel.clear_image()
        if self.path() is None:
            return
        self._geom = introspect.group_geometry(self.group)
        kind = introspect.variable_kind(getattr(self.group, self.variable, 0.0))
        self.panel.set_colormap("binary" if kind == "bool" else "viridis")
        self._place_marker()
        self._dirty = True

    def on_neuron_changed(self, index: int) -> None:
        self._place_marker()

    def _place_marker(self) -> None:
        w, h, _d = self._geom
        if self.selection.group is not self.group or w == 0:
            self.panel.set_marker(None, None)
            return
        i = self.selection.neuron
        z, rest = divmod(i, w * h)
        row, x = divmod(rest, w)
        self.panel.set_marker(row, z * w + x)

    def _pixel_clicked(self, row: int, col: int) -> None:
        w, h, _d = self._geom
        index = neuron_at(row, col, w, h)
        if index < introspect.group_size(self.group):
            self.selection.set_neuron(index, group=self.group)
            self._place_marker()

    def update_view(self) -> None:
        if self.path() is None:
            return
        values = np.array(getattr(self.group, self.variable, None), copy=True)
        if values.ndim != 1:
            return
        w, h, d = self._geom
        if values.size < w * h * d:
            self.show_message(f"'{self.variable}' has {values.size} values, the grid needs {w * h * d}")
            return
        img = to_grid(values.astype(np.float32, copy=False), w, h, d)
        self.panel.set_image(img, self._levels(img))

    def _levels(self, img: np.ndarray) -> tuple[float, float]:
        """Colour range: 0..1 for bool, else a stable range around the values (no flicker)."""
        if introspect.variable_kind(getattr(self.group, self.variable, 0.0)) == "bool":
            return (0.0, 1.0)
        finite = img[np.isfinite(img)]
        if not finite.size:
            return self._range or (0.0, 1.0)
        lo, hi = np.percentile(finite, [1.0, 99.0]) if finite.size > 50 else (finite.min(), finite.max())
        self._range = stable_range(self._range, float(lo), float(hi))  # a few spiking outliers
        return self._range  # do not wash out the rest
