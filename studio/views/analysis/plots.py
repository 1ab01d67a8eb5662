"""Small pyqtgraph helpers shared by the analysis views (histograms as filled steps)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

BAR_PEN = pg.mkPen("#0072B2", width=1)
BAR_BRUSH = pg.mkBrush(0, 114, 178, 110)
REF_PEN = pg.mkPen((120, 120, 120), width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
MARK_PEN = pg.mkPen("#D55E00", width=1, style=pg.QtCore.Qt.PenStyle.DashLine)


def histogram_item(pen: object = BAR_PEN, brush: object = BAR_BRUSH) -> pg.PlotDataItem:
    """A step curve for ``setData(edges, counts)`` (``stepMode="center"``), filled to zero."""
    return pg.PlotDataItem(
        stepMode="center", fillLevel=0 if brush is not None else None, pen=pen, brush=brush
    )


def set_histogram(item: pg.PlotDataItem, edges: np.ndarray, counts: np.ndarray) -> None:
    """Show a histogram (``len(edges) == len(counts) + 1``); empty data clears it."""
    if counts.size == 0:
        item.setData([], [])
        return
    item.setData(np.asarray(edges, np.float64), np.asarray(counts, np.float64))


def new_plot(left: str, bottom: str) -> pg.PlotWidget:
    """A plot widget with axis labels and a light grid."""
    plot = pg.PlotWidget()
    plot.setLabel("left", left)
    plot.setLabel("bottom", bottom)
    plot.showGrid(x=True, y=True, alpha=0.15)
    return plot
