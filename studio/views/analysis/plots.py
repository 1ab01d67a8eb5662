"""Small pyqtgraph helpers shared by the analysis views (histograms as filled steps)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QFont, QFontMetrics

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


class SummaryLabel(pg.LabelItem):
    """A plot title that never sets the plot's least width. pyqtgraph's own makes its text's width
    the plot's minimum, so a long summary in a narrow dock pushed the plot's right side out of view;
    this one lets the plot be narrower (:func:`set_summary` then shortens the text to fit)."""

    def updateMin(self) -> None:  # noqa: N802 - pyqtgraph's name
        super().updateMin()
        self.setMinimumWidth(0)
        for which in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            self._sizeHint[which] = (0, self._sizeHint[which][1])


def use_summary_label(plot: pg.PlotItem | pg.PlotWidget) -> pg.PlotItem:
    """Give ``plot`` a :class:`SummaryLabel` as its title (in place of pyqtgraph's); returns the item."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    if not isinstance(item.titleLabel, SummaryLabel):
        old = item.titleLabel
        item.layout.removeItem(old)
        old.setParentItem(None)
        item.titleLabel = SummaryLabel("", size="9pt", parent=item)
        item.layout.addItem(item.titleLabel, 0, 1)
        item.setTitle(None)
    return item


def set_summary(plot: pg.PlotItem | pg.PlotWidget, text: str) -> None:
    """Show ``text`` as the plot's one-line title without ever widening the plot; too long for the
    plot's width, it ends in "…" (the tooltip has it whole)."""
    item = use_summary_label(plot)
    font = QFont(item.titleLabel.item.font())  # the family the label draws with, at its 9 pt
    font.setPointSizeF(9.0)
    width = int(item.vb.width()) - 8  # the title is centred over the plot area
    shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width) if width > 40 else text
    item.setTitle(shown, size="9pt")
    item.titleLabel.setToolTip(text)
    item.full_title = text  # what the summary says in full (tests, exports)
