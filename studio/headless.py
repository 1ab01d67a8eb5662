"""Headless mode: ``mnn-studio SCRIPT --iterations N --screenshot OUT.png --quit``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
        return max(400, w), max(300, h)
    except ValueError:
        return 1440, 900


def run_headless(args: Any) -> int:
    """Open the window (offscreen when there is no display), step N iterations with the views
    live, save a PNG of the whole window, and return the exit code (0 ok, 1 runtime error,
    2 the script could not be loaded)."""
    from PyQt6.QtCore import QEventLoop, QTimer

    from studio.core.resources import default_script
    from studio.core.script_loading import ScriptLoadError, load_network_script
    from studio.main_window import MainWindow
    from studio.qt_app import application

    app = application()
    script = args.script or str(default_script())
    try:
        loaded = load_network_script(script)
    except ScriptLoadError as exc:
        print(f"mnn-studio: cannot open {script}: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(settings=None, fps=args.fps)
    window.resize(*_size(args.size))
    window.set_loaded(loaded)
    window.show()
    app.processEvents()
    bridge = window.bridge
    n = args.iterations if args.iterations is not None else 0
    code = 0
    if n > 0:
        loop = QEventLoop()
        bridge.run_finished.connect(lambda _ok: loop.quit())
        bridge.error_raised.connect(lambda _err: loop.quit())
        QTimer.singleShot(0, lambda: bridge.run_for(n))
        loop.exec()
    if bridge.error is not None:
        print(f"mnn-studio: the run stopped: {bridge.error}\n{bridge.error.traceback}", file=sys.stderr)
        code = 1
    # two more display ticks so that every view shows the final state
    for _ in range(2):
        bridge.refresh_now()
        app.processEvents()
    if args.screenshot:
        out = Path(args.screenshot).expanduser()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            print(f"mnn-studio: could not write {out}", file=sys.stderr)
            code = code or 3
        else:
            print(f"mnn-studio: saved {out} at iteration {bridge.iteration}")
    from studio.qt_app import delete_now

    delete_now(window)  # while the QApplication exists: nothing Qt is left to the interpreter's exit
    app.processEvents()
    return code
