"""ImagePanel: a pyqtgraph plot with one ImageItem, a colour bar and pixel clicks."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QPointF, QRectF, pyqtSignal


class ImagePanel(pg.GraphicsLayoutWidget):
    """An image with a colour bar; ``pixel_clicked(row, col)`` on a left click inside it."""

    pixel_clicked = pyqtSignal(int, int)

    def __init__(self, parent=None, colormap: str = "viridis") -> None:
        super().__init__(parent)
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(True)
        self.plot.invertY(True)
        self.plot.vb.disableAutoRange()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self._cmap_name = ""
        self.colorbar = pg.ColorBarItem(interactive=False, width=12, colorMap=colormap)
        self.colorbar.setImageItem(self.image)
        self.addItem(self.colorbar, row=0, col=1)
        self.set_colormap(colormap)
        self.marker = pg.PlotCurveItem(pen=pg.mkPen("#D62728", width=1))
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self._shape: tuple[int, int] = (0, 0)
        self._levels: tuple[float, float] | None = None
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_colormap(self, name: str) -> None:
        """Switch the colour map by pyqtgraph name ('viridis', 'CET-D1', ...)."""
        if name == self._cmap_name:
            return
        self._cmap_name = name
        cmap = (
            pg.colormap.get(name)
            if name != "binary"
            else pg.ColorMap([0, 1], [(255, 255, 255), (20, 20, 40)])
        )
        self.colorbar.setColorMap(cmap)

    def set_image(self, img: np.ndarray, levels: tuple[float, float]) -> None:
        """Show ``img`` (rows x cols) with colour ``levels``; the view fits a new shape."""
        lo, hi = levels
        if not np.isfinite(lo) or not np.isfinite(hi):
            lo, hi = 0.0, 1.0
        if hi <= lo:
            hi = lo + 1e-6
        self.image.setImage(img, autoLevels=False, levels=(lo, hi))
        if self._levels != (lo, hi):
            self._levels = (lo, hi)
            self.colorbar.setLevels((lo, hi))
        shape = img.shape[:2]
        if shape != self._shape:
            self._shape = shape
            self.image.setRect(QRectF(0, 0, shape[1], shape[0]))
            self.plot.setRange(xRange=(0, shape[1]), yRange=(0, shape[0]), padding=0.02)

    def set_marker(self, row: int | None, col: int | None) -> None:
        """Outline one pixel (None hides the outline)."""
        if row is None or col is None:
            self.marker.setData([], [])
            return
        xs = [col, col + 1, col + 1, col, col]
        ys = [row, row, row + 1, row + 1, row]
        self.marker.setData(xs, ys)

    def clear_image(self) -> None:
        """Remove the picture (e.g. nothing to show)."""
        self.image.clear()
        self._shape = (0, 0)
        self.set_marker(None, None)

    def _clicked(self, event) -> None:
        if self._shape == (0, 0) or not self.plot.sceneBoundingRect().contains(event.scenePos()):
            return
        p: QPointF = self.plot.vb.mapSceneToView(event.scenePos())
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= row < self._shape[0] and 0 <= col < self._shape[1]:
            self.pixel_clicked.emit(row, col)
