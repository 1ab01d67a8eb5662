"""Grab the studio windows that the notes and docs show, as PNG files (offscreen; no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUT_DIR [--only NAME ...]

Each shot loads a script into a fresh window, runs it for a while with the views live, and saves
``OUT_DIR/NAME.png``. ``--pymonnto DIR`` points at a checkout of PymoNNto for the shot of its
Izhikevich example (skipped without it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1440, 900)
ANALYSIS = ("isi", "rates", "spectrum", "weight_hist", "pca", "graph")


def pump(ms: int) -> None:
    """Let the event loop run for ``ms`` milliseconds."""
    from PyQt6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run(window, iterations: int) -> None:
    """Run ``iterations`` with the views live and wait for the end (and two more display ticks)."""
    from PyQt6.QtCore import QEventLoop

    loop = QEventLoop()
    window.bridge.run_finished.connect(lambda _ok: loop.quit())
    window.bridge.error_raised.connect(lambda _err: loop.quit())
    window.bridge.run_for(iterations)
    loop.exec()
    pump(300)
    window.bridge.refresh_now()
    pump(100)


def new_window(script: Path):
    from studio.main_window import MainWindow

    window = MainWindow(settings=None)
    window.resize(*SIZE)
    window.show()
    if not window.load_script(script):
        raise SystemExit(f"cannot load {script}")
    pump(200)
    return window


def save(widget, out: Path) -> None:
    if not widget.grab().save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")
    print(f"saved {out}")


def analysis_layout(window) -> None:
    """The analysis views and the graph in place of the default live views."""
    from PyQt6.QtCore import Qt

    for name in ("traces", "grid", "weights", "raster"):
        window.docks.docks[name].hide()
    docks = [window.docks.open_extra(kind) for kind in ANALYSIS]
    area = Qt.DockWidgetArea.RightDockWidgetArea
    for dock in docks:
        window.addDockWidget(area, dock)
    window.splitDockWidget(docks[0], docks[3], Qt.Orientation.Vertical)
    window.splitDockWidget(docks[0], docks[1], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks[1], docks[2], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks[3], docks[4], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks[4], docks[5], Qt.Orientation.Horizontal)


def shot_default(out: Path) -> None:
    window = new_window(REPO / "examples/seed_synapses_input.py")
    run(window, 1000)
    save(window, out / "seed_default.png")
    window.close()


def shot_analysis(example: str, iterations: int) -> Callable[[Path], None]:
    def shot(out: Path) -> None:
        window = new_window(REPO / "examples" / f"{example}.py")
        analysis_layout(window)
        pump(200)
        run(window, iterations)
        figures = window.docks.docks.get("figures")
        if figures is not None:  # the example's own plots (its analysis) are another shot
            figures.hide()
        pump(300)
        window.bridge.refresh_now()
        pump(100)
        save(window, out / f"analysis_{example}.png")
        window.close()

    return shot


def shot_file_menu(out: Path) -> None:
    window = new_window(REPO / "examples/seed_synapses_input.py")
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    pump(200)
    save(menu, out / "file_menu.png")
    from PyQt6.QtGui import QPainter

    image = window.grab()  # the window with the open menu drawn where it opens
    painter = QPainter(image)
    painter.drawPixmap(window.menuBar().geometry().bottomLeft(), menu.grab())
    painter.end()
    image.save(str(out / "file_menu_window.png"), "PNG")
    menu.close()
    window.close()


def shot_tabs(out: Path) -> None:
    project = REPO / "tests/data/tab_project"
    window = new_window(project / "leaky_network.py")
    window.load_tab_module(project / "tabs/every_method_tab.py")
    every = next(t for t in window.tab_set.tabs if t.title == "Every method")
    every.docks[0].raise_()  # its first page, in front of the Traces it shares tabs with
    pump(200)
    run(window, 600)
    save(window, out / "tabs_every_method.png")
    window.close()
    plain = new_window(project / "leaky_network.py")
    run(plain, 600)
    save(plain, out / "tabs_default_layout.png")
    plain.close()


def shot_svg(out: Path) -> None:
    """A view exported to SVG (File → Export figure), rendered back to PNG by Qt's SVG renderer."""
    from PyQt6.QtGui import QImage, QPainter
    from PyQt6.QtSvg import QSvgRenderer

    from studio.workbench.figures import export_view

    window = new_window(REPO / "examples/izhikevich_ei.py")
    run(window, 500)
    svg = out / "raster_export.svg"
    export_view(window.docks.views["raster"], str(svg), "svg")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} does not parse as SVG")
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(out / "raster_export_svg.png"), "PNG")
    print(f"saved {svg} ({svg.stat().st_size} bytes) and its rendering raster_export_svg.png")
    window.close()


def shot_pymonnto_izhikevich(out: Path, pymonnto: Path | None) -> None:
    if pymonnto is None:
        print("skipped pymonnto_izhikevich (no --pymonnto checkout)")
        return
    scripts = sorted(pymonnto.rglob("Examples_Classical/Izhikevich.py")) or sorted(
        pymonnto.rglob("*zhikevich*.py")
    )
    if not scripts:
        print(f"skipped pymonnto_izhikevich (no Izhikevich script under {pymonnto})")
        return
    window = new_window(scripts[0])
    run(window, 1000)
    figures = window.docks.docks.get("figures")
    pump(1500)  # the rest of the script runs after the requested iterations
    if figures is not None:
        from PyQt6.QtWidgets import QTabWidget

        figures.show()
        figures.raise_()
        for tabs in figures.findChildren(QTabWidget):  # the raster: the script's last figure
            tabs.setCurrentIndex(tabs.count() - 1)
    pump(300)
    save(window, out / "pymonnto_izhikevich_figures.png")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--pymonnto", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from studio.qt_app import application

    app = application()  # kept: a QApplication without a reference is deleted
    shots: dict[str, Callable[[Path], None]] = {
        "default": shot_default,
        "file_menu": shot_file_menu,
        "svg": shot_svg,
        "tabs": shot_tabs,
        "analysis_izhikevich": shot_analysis("izhikevich_ei", 1500),
        "analysis_sorn": shot_analysis("sorn_plastic", 1500),
        "pymonnto_izhikevich": lambda out: shot_pymonnto_izhikevich(out, args.pymonnto),
    }
    for name, shot in shots.items():
        if args.only is None or name in args.only:
            shot(args.out)
    app.processEvents()


if __name__ == "__main__":
    main()
