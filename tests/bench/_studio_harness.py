"""What the studio benchmarks share: the repository on ``sys.path``, offscreen Qt, an event-loop
pump and the seed network scaled to 1000 neurons (``import _studio_harness`` before anything
from the engine or the studio; the benchmarks run as scripts from this folder)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from tests.support.library_scripts import OVERHEAD_SCRIPT  # noqa: E402

__all__ = ["REPO", "OVERHEAD_SCRIPT", "pump", "seed_1000", "window_slice", "headless_slice", "interleaved"]


def pump(seconds: float) -> None:
    """Run the Qt event loop for ``seconds`` (the views draw, the runner steps)."""
    from PyQt6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def seed_1000(folder: Path) -> Path:
    """The seed example scaled to 1000 neurons (same code, size=1000), written into ``folder``."""
    text = (REPO / "examples" / "seed_synapses_input.py").read_text()
    path = folder / "seed_1000.py"
    path.write_text(text.replace("size=100,", "size=1000,"))
    return path


def window_slice(window: Any, seconds: float) -> tuple[float, float, float]:
    """Run ``window``'s network for ``seconds`` with its views live (after 0.3 s to settle), then
    pause: ``(iterations/s, frames/s, redraws/s)``."""
    bridge = window.bridge
    bridge._timer.start()
    bridge.run()
    pump(0.3)
    i0, f0, r0, t0 = bridge.iteration, bridge.frames, bridge.redraws, time.perf_counter()
    pump(seconds)
    dt = time.perf_counter() - t0
    row = ((bridge.iteration - i0) / dt, (bridge.frames - f0) / dt, (bridge.redraws - r0) / dt)
    bridge.pause()
    bridge._timer.stop()
    return row


def headless_slice(runner: Any, seconds: float) -> float:
    """Iterations/s of a plain Runner (no window, no watches) over ``seconds``."""
    runner.start()
    time.sleep(0.3)
    i0, t0 = runner.iteration, time.perf_counter()
    time.sleep(seconds)
    rate = (runner.iteration - i0) / (time.perf_counter() - t0)
    runner.pause()
    return rate


def interleaved(
    window: Any, runner: Any, slices: int, seconds: float
) -> tuple[list[float], list[float], float]:
    """Alternating window and headless slices of one process (slow drifts of the machine cancel
    out): ``(headless it/s per slice, window it/s per slice, the window's mean redraws/s)``."""
    headless, rates, redraws = [], [], []
    window_slice(window, 1.0)  # warm-up, not counted: the first paints and caches are slow
    for _ in range(slices):
        rate, _frames, redraw = window_slice(window, seconds)
        rates.append(rate)
        redraws.append(redraw)
        headless.append(headless_slice(runner, seconds))
    return headless, rates, sum(redraws) / max(1, len(redraws))
