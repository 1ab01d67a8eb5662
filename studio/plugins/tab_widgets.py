"""The widgets a PymoNNto tab builds its page with: a row/column container and a plot item.

PymoNNto's tabs lay out their page as nested rows and columns (``add_row``, ``add_column``,
``set_parent_layout``) and add pyqtgraph plots to it (``add_plot`` returning a plot item with
``add_curves``, ``add_image``, ``add_text``). These classes give that API on PyQt6 and pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PyQt6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

__all__ = ["DEFAULT_COLORS", "MIN_PLOT_HEIGHT", "RowColumnWidget", "TabPlotItem"]

#: The least height of a tab's plot (pixels).
MIN_PLOT_HEIGHT = 140

#: PymoNNto's curve colours, in order.
DEFAULT_COLORS: tuple[tuple[int, int, int], ...] = (
    (0, 0, 0),
    (255, 0, 0),
    (0, 0, 255),
    (0, 250, 150),
    (255, 0, 255),
)


class TabPlotItem(pg.PlotItem):
    """A plot item with the helpers PymoNNto tabs call on the plots they add."""

    layout_widget: pg.GraphicsLayoutWidget | None = None

    def add_curves(
        self,
        number_of_curves: int = 1,
        colors: Sequence[Any] = DEFAULT_COLORS,
        lines: Sequence[float] = (),
        names: Sequence[str] = ("",),
        legend: bool = False,
        return_list: bool = False,
    ) -> list[pg.PlotCurveItem]:
        """``number_of_curves`` empty curves (``setData`` fills them), horizontal ``lines``; a list."""
        for y in lines:
            self.addLine(y=y, pen=(50, 50, 50, 255))
        names = list(names) or [""]
        colors = list(colors) or list(DEFAULT_COLORS)
        curves = []
        for i in range(int(number_of_curves)):
            curve = pg.PlotCurveItem([], name=names[i % len(names)], pen=colors[i % len(colors)])
            self.addItem(curve)
            curves.append(curve)
        if legend:
            self.addLegend()
        return curves

    def add_image(self, no_border: bool = True) -> pg.ImageItem:
        """An image item filling the plot (axes hidden); ``setImage`` fills it."""
        if no_border and self.layout_widget is not None:
            self.layout_widget.ci.layout.setContentsMargins(0, 0, 0, 0)
            self.layout_widget.ci.layout.setSpacing(0)
        self.hideAxis("left")
        self.hideAxis("bottom")
        item = pg.ImageItem()
        self.addItem(item)
        return item

    def add_text(self, txt: str) -> pg.TextItem:
        """A text item in the plot (``setText`` changes it)."""
        item = pg.TextItem(txt)
        self.addItem(item)
        return item


class RowColumnWidget(QWidget):
    """A tab page (or the sidebar): widgets go into the current row or column.

    ``add_row()`` / ``add_column()`` open a horizontal / vertical layout inside the current one
    (after stepping out of the current one, unless ``add_to_parent=False``); ``set_parent_layout()``
    steps out (``root=True``: to the top). ``add_widget`` and ``add_plot`` fill the current layout.
    """

    def __init__(self, reduced_layout: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reduced_layout = reduced_layout
        self.current_layout: QBoxLayout = QVBoxLayout(self)
        self._parents: dict[int, QBoxLayout] = {}

    def get_layout(self) -> QBoxLayout:
        """The layout new widgets go into."""
        return self.current_layout

    def set_layout(self, layout: QBoxLayout) -> None:
        """Make ``layout`` the current one."""
        self.current_layout = layout

    def set_parent_layout(self, root: bool = False) -> None:
        """Step out of the current row/column (``root``: all the way to the page)."""
        parent = self._parents.get(id(self.current_layout))
        while parent is not None:
            self.current_layout = parent
            if not root:
                return
            parent = self._parents.get(id(parent))

    def _open(self, layout: QBoxLayout, stretch: int, add_to_parent: bool) -> QBoxLayout:
        if add_to_parent:
            self.set_parent_layout()
        self.current_layout.addLayout(layout, stretch=stretch)
        self._parents[id(layout)] = self.current_layout
        self.current_layout = layout
        return layout

    def add_row(self, stretch: int = 100, add_to_parent: bool = True) -> QHBoxLayout:
        """Open a row (widgets side by side); returns its layout."""
        return self._open(QHBoxLayout(), stretch, add_to_parent)  # type: ignore[return-value]

    def add_column(self, stretch: int = 100, add_to_parent: bool = True) -> QVBoxLayout:
        """Open a column (widgets one below the other); returns its layout."""
        return self._open(QVBoxLayout(), stretch, add_to_parent)  # type: ignore[return-value]

    def add_widget(self, widget: QWidget | list[QWidget], stretch: int = 100, sidebar: bool = False) -> Any:
        """Add a widget (or each of a list) to the current layout; returns what was given."""
        for w in widget if isinstance(widget, list) else [widget]:
            self.current_layout.addWidget(w, stretch=stretch)
        return widget

    def add_graphics_layout_widget(
        self, tooltip_message: str | None = None, stretch: int = 100
    ) -> pg.GraphicsLayoutWidget:
        """A white pyqtgraph layout widget in the current layout."""
        canvas = pg.GraphicsLayoutWidget()
        canvas.setBackground((255, 255, 255))
        canvas.setMinimumHeight(MIN_PLOT_HEIGHT)  # readable axes; a crowded page scrolls instead
        if tooltip_message is not None:
            canvas.ci.setToolTip(tooltip_message)
        self.add_widget(canvas, stretch=stretch)
        return canvas

    def add_plot(
        self,
        title: str | None = None,
        tooltip_message: str | None = None,
        axisItems: dict[str, Any] | None = None,  # noqa: N803 - PymoNNto's (and pyqtgraph's) name
        x_label: str | None = None,
        y_label: str | None = None,
        stretch: int = 100,
    ) -> TabPlotItem:
        """A plot in the current layout (axis labels unless the layout is reduced)."""
        canvas = self.add_graphics_layout_widget(tooltip_message=tooltip_message, stretch=stretch)
        plot = TabPlotItem(axisItems=axisItems)
        plot.layout_widget = canvas
        canvas.addItem(plot, row=0, col=0)
        if not self.reduced_layout:
            if x_label is not None:
                plot.getAxis("bottom").setLabel(text=x_label)
            if y_label is not None:
                plot.getAxis("left").setLabel(text=y_label)
        if title is not None:
            plot.setLabels(title=title)
        return plot
