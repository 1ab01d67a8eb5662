"""Every view exports: pyqtgraph's context menu (with Export…) is back on every plot; a view's PNG has
the canvas's size and is not blank, its SVG parses and holds the curves, its CSV holds the plotted
values; the whole window exports as PNG; File → Export figure uses the active view."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
from PyQt6.QtGui import QImage
from PyQt6.QtWidgets import QWidget

from studio.workbench import figures, prompts
from studio.workbench.svg_export import QtSVGExporter

SVG = "{http://www.w3.org/2000/svg}"


def shown(w, steps=40):
    w.bridge.step(steps)
    w.bridge.refresh_now()
    return w


def distinct_colors(path):
    image = QImage(str(path))
    ptr = image.convertToFormat(QImage.Format.Format_RGB32).constBits()
    ptr.setsize(image.width() * image.height() * 4)
    pixels = np.frombuffer(ptr, np.uint32)
    return image.size(), len(np.unique(pixels))


def test_every_view_has_its_context_menu_and_the_svg_exporter(make_window):
    w = shown(make_window(), 2)
    for name in ("traces", "raster", "grid", "weights"):
        plots = figures.plot_items(w.view(name))
        assert plots, name
        assert all(p.menuEnabled() and p.vb.menuEnabled() for p in plots), name
    assert QtSVGExporter in pg.exporters.listExporters()
    assert pg.exporters.SVGExporter not in pg.exporters.listExporters()  # it fails with this Qt
    scene = figures.graphics_views(w.view("traces"))[0].scene()
    assert "Export..." in [a.text() for a in scene.contextMenu]


def test_view_png_svg_and_csv(make_window, tmp_path):
    w = shown(make_window())
    view = w.view("traces")
    canvas = figures.graphics_views(view)[0]
    assert figures.export_view(view, str(tmp_path / "t.png")) == [str(tmp_path / "t.png")]
    size, colors = distinct_colors(tmp_path / "t.png")
    assert (size.width(), size.height()) == (canvas.width(), canvas.height()) and colors > 10
    figures.export_view(view, str(tmp_path / "t.svg"))
    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag == f"{SVG}svg" and root.get("width") == f"{canvas.width()}px"
    drawn = list(figures.curves(canvas))
    assert len(drawn) == 6  # neurons 0-4 and the mean
    lines = [p.get("d") for p in root.iter(f"{SVG}path")]
    for _name, x, _y in drawn:
        assert len(x) == 40
    long_paths = [d for d in lines if len(re.findall(r"[ML]", d)) == 40]
    assert len(long_paths) >= len(drawn)  # one 40-point path per curve
    assert figures.export_view(view, str(tmp_path / "t.csv")) == [str(tmp_path / "t.csv")]
    with open(tmp_path / "t.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["#0 (selected) x", "#0 (selected) y"] and len(rows) == 41
    table = np.array([[float(v) for v in row] for row in rows[1:]])
    for k, (_name, x, y) in enumerate(drawn):
        assert np.array_equal(table[:, 2 * k], x) and np.array_equal(table[:, 2 * k + 1], y)
    voltage = np.asarray(w.bridge.network["voltage", 0, "np"])
    assert np.array_equal(table[:, 3].astype(voltage.dtype), voltage[:, 1])  # neuron 1, as recorded
    assert np.array_equal(table[:, 0], np.arange(1, 41))


def test_raster_csv_has_the_image_and_the_counts(make_window, tmp_path):
    w = shown(make_window())
    view = w.view("raster")
    files = figures.export_view(view, str(tmp_path / "r.csv"))
    assert files == [str(tmp_path / "r.csv"), str(tmp_path / "r.image0.csv")]
    (picture,) = figures.images(figures.graphics_views(view)[0])
    matrix = np.loadtxt(files[1], delimiter=",", ndmin=2)
    assert np.array_equal(matrix, picture.astype(float))


def test_window_png_and_the_active_view_entry(make_window, tmp_path, monkeypatch, no_modal_dialogs):
    w = shown(make_window())
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: (str(tmp_path / "win"), ""))
    w.workbench.window_png_action.trigger()
    size, colors = distinct_colors(tmp_path / "win.png")
    assert (size.width(), size.height()) == (w.width(), w.height()) and colors > 20
    raster_canvas = figures.graphics_views(w.view("raster"))[0]
    raster_canvas.setFocus()
    assert w.workbench.active_view() is w.view("raster")
    monkeypatch.setattr(
        prompts, "ask_save_path", lambda *a: (str(tmp_path / "active"), prompts.FIGURE_FILTERS["svg"])
    )
    assert w.workbench.view_figure_action.isEnabled()
    w.workbench.view_figure_action.trigger()
    root = ET.parse(tmp_path / "active.svg").getroot()
    assert root.get("width") == f"{raster_canvas.width()}px"
    assert any(el.tag == f"{SVG}image" for el in root.iter())  # the raster is an embedded image


def test_a_view_without_a_plot_says_so(make_window, tmp_path, no_modal_dialogs, monkeypatch):
    w = make_window()
    empty = QWidget()
    try:
        figures.export_view(empty, str(tmp_path / "x.png"))
    except ValueError as exc:
        assert "no plot" in str(exc)
    else:
        raise AssertionError("no error")
    monkeypatch.setattr(w.workbench, "active_view", lambda: empty)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: (str(tmp_path / "x.png"), ""))
    assert w.workbench.export_view_dialog() == []
    assert no_modal_dialogs[-1][0] == "Cannot export the figure"
    assert not (tmp_path / "x.png").exists()


def test_the_context_menu_svg_exporter_on_one_plot(make_window, tmp_path):
    w = shown(make_window(), 20)
    count_plot = figures.plot_items(w.view("raster"))[-1]
    exporter = QtSVGExporter(count_plot)
    exporter.export(fileName=str(tmp_path / "plot.svg"))  # what the Export… dialog calls
    root = ET.parse(tmp_path / "plot.svg").getroot()
    rect = count_plot.sceneBoundingRect()
    assert (
        root.get("width") == f"{round(rect.width())}px" and root.get("height") == f"{round(rect.height())}px"
    )
    assert ET.fromstring(exporter.export(toBytes=True)).tag == f"{SVG}svg"
