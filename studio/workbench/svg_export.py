"""SVG of a pyqtgraph scene drawn by Qt's own SVG generator, also offered in pyqtgraph's Export… dialog.

pyqtgraph 0.14's SVGExporter fails on the paths Qt 6.11 writes (a closing ``Z`` in a path's ``d``
raises ``ValueError: not enough values to unpack`` in ``correctCoordinates``; pyqtgraph issue 3485,
open). This exporter renders the scene through ``QSvgGenerator`` instead: curves come out as paths
and polylines, images as embedded PNGs, text as text.
"""

from __future__ import annotations

import re
from typing import Any

from PyQt6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PyQt6.QtGui import QPainter
from PyQt6.QtSvg import QSvgGenerator
from pyqtgraph.exporters import Exporter
from pyqtgraph.parametertree import Parameter

_PX_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def scene_svg(exporter: Exporter, title: str = "mnn-studio figure") -> bytes:
    """The SVG document of what ``exporter`` would export (its source rectangle at its target size)."""
    source = QRectF(exporter.getSourceRect())
    target = QRectF(exporter.getTargetRect())
    width, height = max(int(round(target.width())), 1), max(int(round(target.height())), 1)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    view = exporter.getScene().getViewWidget()
    generator.setResolution(int(view.logicalDpiX()) if view is not None else 96)  # text as on screen
    generator.setTitle(title)
    generator.setDescription("Exported by mnn-studio")
    painter = QPainter(generator)
    try:
        exporter.setExportMode(True, {"antialias": True, "background": None, "painter": painter})
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exporter.getScene().render(painter, QRectF(0, 0, width, height), source)
    finally:
        exporter.setExportMode(False)
        painter.end()
    # Qt writes the size in mm; in px it opens at the on-screen size in every viewer
    return _PX_SIZE.sub(
        f'<svg width="{width}px" height="{height}px"', bytes(buffer.data()).decode(), 1
    ).encode()


class QtSVGExporter(Exporter):
    """pyqtgraph exporter: Scalable Vector Graphics drawn by Qt (see the module docstring)."""

    Name = "SVG (drawn by Qt)"
    allowCopy = False

    def __init__(self, item: Any) -> None:
        super().__init__(item)
        self.params = Parameter.create(name="params", type="group", children=[])

    def parameters(self) -> Any:
        """No options: the export has the on-screen size."""
        return self.params

    def export(self, fileName: str | None = None, toBytes: bool = False, copy: bool = False) -> Any:  # noqa: N803
        """Write the SVG to ``fileName`` (a file dialog when None) or return it as bytes."""
        if fileName is None and not toBytes:
            self.fileSaveDialog(filter="Scalable Vector Graphics (*.svg)")
            return None
        data = scene_svg(self)
        if toBytes:
            return data
        with open(fileName, "wb") as fh:  # type: ignore[arg-type]
            fh.write(data)
        return None


_registered = False


def register() -> None:
    """Offer :class:`QtSVGExporter` in pyqtgraph's Export… dialog (once), in the place of pyqtgraph's
    own SVG exporter, which fails on every plot with this Qt (see the module docstring)."""
    global _registered
    if _registered:
        return
    from pyqtgraph.exporters import SVGExporter

    listed = Exporter.Exporters
    if SVGExporter in listed:
        listed[listed.index(SVGExporter)] = QtSVGExporter
    else:
        QtSVGExporter.register()
    _registered = True


__all__ = ["scene_svg", "QtSVGExporter", "register"]
