"""Figures out of the studio: the whole window as PNG, a view as PNG / SVG / CSV of its plotted data,
and pyqtgraph's own context menu (with its Export… dialog) on every plot of every view.

Files are written all-or-nothing (a temporary file next to the target, then ``os.replace``), so a
failed export never leaves half a file or damages an older one.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QWidget
from pyqtgraph import exporters

from studio.workbench import svg_export

FIGURE_FORMATS = ("png", "svg", "csv")


# ------------------------------------------------------------------------------------------ finding plots
def graphics_views(widget: QWidget, visible_only: bool = True) -> list[pg.GraphicsView]:
    """The pyqtgraph canvases inside ``widget`` (the shown ones first)."""
    found = [gv for gv in widget.findChildren(pg.GraphicsView)]
    if isinstance(widget, pg.GraphicsView):
        found.insert(0, widget)
    return [gv for gv in found if gv.isVisible()] if visible_only else found


def plot_items(widget: QWidget, visible_only: bool = False) -> list[pg.PlotItem]:
    """Every PlotItem drawn inside ``widget``."""
    return [
        item
        for gv in graphics_views(widget, visible_only)
        for item in gv.scene().items()
        if isinstance(item, pg.PlotItem)
    ]


def enable_exports(widget: QWidget) -> int:
    """Switch pyqtgraph's context menu back on for every plot in ``widget``: a right click offers
    the view-box options and Export… (PNG, SVG, CSV, ...). Returns the number of plots."""
    svg_export.register()
    plots = plot_items(widget)
    for plot in plots:
        plot.setMenuEnabled(True, enableViewBoxMenu=True)
    return len(plots)


def _canvas(widget: QWidget) -> pg.GraphicsView:
    shown = graphics_views(widget)
    if not shown:
        raise ValueError("this view shows no plot right now (nothing to export)")
    return shown[0]


# ------------------------------------------------------------------------------------------ writing
def _write_atomic(path: str, write: Callable[[str], None]) -> list[str]:
    from engine.io.export_snapshot import AtomicFiles

    with AtomicFiles() as files:
        write(files.temp_for(path))
        return files.commit()


def _save_image(image: Any, path: str) -> list[str]:
    def write(tmp: str) -> None:
        if image.isNull() or not image.save(tmp, "PNG"):
            raise OSError(f"the image could not be written to {path}")

    return _write_atomic(path, write)


def export_window_png(window: QWidget, path: str) -> list[str]:
    """The whole window (menus, docks, status bar) as a PNG of its on-screen size."""
    return _save_image(window.grab().toImage(), os.fspath(path))


def export_view(widget: QWidget, path: str, fmt: str | None = None) -> list[str]:
    """Export the plots of a view (or any widget holding pyqtgraph canvases) to ``path``.

    ``fmt`` (default: the extension): ``'png'`` (the canvas at its on-screen size), ``'svg'`` or
    ``'csv'`` (the plotted data: two columns per curve, ``<name> x`` / ``<name> y``; an image is
    written as its matrix, to ``path`` when the view has no curve, else to ``<stem>.image<k>.csv``).
    Returns the files written."""
    path = os.fspath(path)
    fmt = (fmt or os.path.splitext(path)[1].lstrip(".")).lower()
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; use png, svg or csv")
    canvas = _canvas(widget)
    if fmt == "png":
        exporter = exporters.ImageExporter(canvas.scene())
        return _save_image(exporter.export(toBytes=True), path)
    if fmt == "svg":
        data = svg_export.QtSVGExporter(canvas.scene()).export(toBytes=True)
        return _write_atomic(path, lambda tmp: _write_bytes(tmp, data))
    return _export_csv(canvas, path)


def _write_bytes(tmp: str, data: bytes) -> None:
    with open(tmp, "wb") as fh:
        fh.write(data)


def curves(canvas: pg.GraphicsView) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """(name, x, y) of every curve drawn on the canvas, as displayed."""
    k = 0
    for item in canvas.scene().items():
        if isinstance(item, pg.PlotItem):
            for curve in item.listDataItems():
                if not isinstance(curve, pg.PlotDataItem) or not curve.isVisible():
                    continue
                x, y = curve.getData()
                if x is None or y is None:
                    continue
                yield (curve.name() or f"curve{k}"), np.asarray(x), np.asarray(y)
                k += 1


def images(canvas: pg.GraphicsView) -> list[np.ndarray]:
    """The arrays of the images drawn on the canvas (``pg.ImageItem.image``, or the ``bitmap`` of an
    item that paints one, such as the raster's)."""
    found = []
    for item in canvas.scene().items():
        data = item.image if isinstance(item, pg.ImageItem) else getattr(item, "bitmap", None)
        if isinstance(data, np.ndarray) and item.isVisible():
            found.append(np.asarray(data))
    return found


def _export_csv(canvas: pg.GraphicsView, path: str) -> list[str]:
    from engine.io.export_snapshot import AtomicFiles

    drawn = list(curves(canvas))
    pictures = images(canvas)
    if not drawn and not pictures:
        raise ValueError("this view has no plotted data yet (nothing to export)")
    stem = path[:-4] if path.lower().endswith(".csv") else path
    with AtomicFiles() as files:
        if drawn:
            header = [f"{name} {axis}" for name, _, _ in drawn for axis in ("x", "y")]
            columns = [c for _, x, y in drawn for c in (x, y)]
            _write_text(files.temp_for(path), header, columns)
        for k, picture in enumerate(pictures):
            target = path if not drawn and k == 0 else f"{stem}.image{k}.csv"
            rows = picture.reshape(picture.shape[0], -1) if picture.ndim > 1 else picture[:, None]
            _write_text(files.temp_for(target), None, list(rows.T))
        return files.commit()


def _write_text(tmp: str, header: list[str] | None, columns: list[np.ndarray]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    if header is not None:
        writer.writerow(header)
    lists = [c.tolist() for c in columns]
    for r in range(max((len(c) for c in lists), default=0)):
        writer.writerow([repr(c[r]) if r < len(c) else "" for c in lists])
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(out.getvalue())
