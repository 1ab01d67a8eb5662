"""What the studio benchmarks share: the repository on ``sys.path``, offscreen Qt, an event-loop
pump and the seed network scaled to 1000 neurons (``import _studio_harness`` before anything
from the engine or the studio; the benchmarks run as scripts from this folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from tests.support.library_scripts import OVERHEAD_SCRIPT  # noqa: E402

__all__ = ["REPO", "OVERHEAD_SCRIPT", "pump", "seed_1000"]


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
