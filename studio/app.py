"""Entry points: ``mnn-studio [SCRIPT]``, ``python -m studio`` and :func:`show_network`.

Only the standard library is imported at module level, so that the environment (Qt binding,
offscreen platform for headless runs, one BLAS thread) is set before Qt and NumPy load.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from studio.qt_app import application, delete_now, prepare_environment, settings


def build_parser() -> argparse.ArgumentParser:
    """Command-line options of ``mnn-studio``."""
    p = argparse.ArgumentParser(
        prog="mnn-studio",
        description="Open a PymoNNto-style network script in the live studio "
        "(without SCRIPT: the seed's synapses-and-input network).",
    )
    p.add_argument("script", nargs="?", help="Python script that builds a Network")
    p.add_argument(
        "--iterations",
        "-n",
        type=_iterations,
        default=None,
        help="fast-forward this many iterations after opening (a whole number, at most 10^9)",
    )
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        default=None,
        help="after the iterations, save a PNG of the whole window",
    )
    p.add_argument(
        "--quit", action="store_true", help="exit after the iterations / screenshot (headless automation)"
    )
    p.add_argument("--paused", action="store_true", help="open paused instead of running")
    p.add_argument(
        "--size", type=_size, default="1440x900", help="window size for screenshots, e.g. 1600x1000"
    )
    p.add_argument("--fps", type=_fps, default=30.0, help="display rate of the views (1 to 60)")
    return p


def _iterations(text: str) -> int:
    """``--iterations``: a whole number in 0..MAX_ITERATIONS (``1e6`` is accepted), else a usage error."""
    from engine.exceptions import IterationCountError
    from engine.runtime.limits import check_iterations

    try:
        value = float(text) if any(c in text for c in ".eE") else int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of iterations, got {text!r}") from None
    try:
        return check_iterations(value, "--iterations", allow_zero=True)
    except IterationCountError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--iterations: ")) from None


def _fps(text: str) -> float:
    """``--fps``: a display rate between 1 and 60 frames per second."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected frames per second, got {text!r}") from None
    if not 1.0 <= value <= 60.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} frames per second is outside 1..60")
    return value


def _size(text: str) -> str:
    """``--size``: ``WIDTHxHEIGHT`` in pixels, each between 100 and 16384 (returned unchanged)."""
    parts = text.lower().split("x")
    try:
        width, height = (int(v) for v in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x1000, got {text!r}") from None
    if not (100 <= width <= 16384 and 100 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"{text}: width and height must be between 100 and 16384 pixels")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words and words[0] in ("run", "sweep", "evolve"):  # headless sub-commands: before any Qt import
        from studio.commands import main as command_main

        return command_main(words)
    args = build_parser().parse_args(argv)
    headless = bool(args.quit or args.screenshot)
    prepare_environment(headless)
    if args.screenshot or args.quit:
        from studio.headless import run_headless

        return run_headless(args)
    app = application()
    from studio.core.resources import default_script
    from studio.main_window import MainWindow

    window = MainWindow(settings=settings(), fps=args.fps, speed=300.0)
    window.show()
    script = args.script or str(default_script())
    if window.load_script(script):
        if args.iterations:
            window.bridge.run_for(args.iterations)
        elif not args.paused:
            window.bridge.run()
    return _exec(app)


def _exec(app: Any) -> int:
    app.setProperty("mnn_event_loop", True)
    _quit_after_from_env(app)
    try:
        return int(app.exec())
    finally:
        app.setProperty("mnn_event_loop", False)


def _quit_after_from_env(app: Any) -> None:
    """``MNN_STUDIO_QUIT_AFTER=SECONDS``: close the studio windows and leave the event loop after that
    long (automation; tests of ``python script.py`` for scripts ending in ``Network_UI(...).show()``)."""
    value = os.environ.get("MNN_STUDIO_QUIT_AFTER", "").strip()
    if not value:
        return
    try:
        seconds = float(value)
    except ValueError:
        print(
            f"mnn-studio: ignoring MNN_STUDIO_QUIT_AFTER={value!r} (not a number of seconds)", file=sys.stderr
        )
        return
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    def quit_now() -> None:
        for window in QApplication.topLevelWidgets():
            bridge = getattr(window, "bridge", None)
            if bridge is not None and window.isVisible():
                print(
                    f"mnn-studio: quit after {seconds:g} s: {window.windowTitle()!r} "
                    f"at iteration {bridge.iteration}",
                    flush=True,
                )
                window.close()
        app.quit()

    QTimer.singleShot(max(0, int(seconds * 1000)), quit_now)


def show_network(
    net: Any, title: str | None = None, run: bool = True, ui_options: dict[str, Any] | None = None
) -> Any:
    """Open the studio on an already built network.

    Runs the Qt event loop until the window closes, unless one is already running (then the
    window is returned at once). ``PymoNNto.Exploration.Network_UI(...).show()`` calls this, with
    its tabs in ``ui_options["modules"]``. After its own loop ended the window is deleted before
    this returns (None), while the QApplication still exists: the script goes on (PymoNNto scripts
    analyse after ``show()``) and no Qt object of the window is left for the interpreter's exit to
    destroy in an arbitrary order (a crash at exit, once in about 20 runs under load).
    """
    prepare_environment(headless=False)
    app = application()
    from studio.core.script_loading import LoadedNetwork
    from studio.main_window import MainWindow

    window = MainWindow(settings=settings(), speed=300.0)
    window.set_loaded(
        LoadedNetwork(network=net, script=None, title=title or "network", ui_options=dict(ui_options or {}))
    )
    window.show()
    if run:
        window.bridge.run()
    if app.property("mnn_event_loop"):
        return window
    _exec(app)
    delete_now(window)
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
