"""A sweep running off the GUI thread: :func:`engine.sweep.run_specs` in a Python thread, its rows
handed over through a queue that a QTimer drains on the GUI thread (the thread never touches Qt)."""

from __future__ import annotations

import queue
import threading
from typing import Any

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from studio.sweep.model import SweepSetup

__all__ = ["SweepJob"]

_POLL_MS = 100


class SweepJob(QObject):
    """One sweep. Signals (GUI thread): ``started(info)`` (a ClusterInfo or None), ``row(dict, Progress)``,
    ``finished(rows)`` (a SweepRows) and ``failed(str)`` (the sweep could not run at all)."""

    started = pyqtSignal(object)
    row = pyqtSignal(object, object)
    finished = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, setup: SweepSetup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from engine.sweep import plan_runs

        self.setup = setup
        self.specs = plan_runs(
            setup.script,
            setup.grid,
            metric=setup.metric,
            repeats=setup.repeats,
            seed=setup.seed,
            iterations=setup.iterations,
            timeout=setup.timeout,
        )
        self._cancel = threading.Event()
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self.drain)
        self.done = False

    def start(self) -> None:
        """Start the sweep thread and the timer that passes its rows on."""
        self._thread = threading.Thread(target=self._work, name="mnn-sweep", daemon=False)
        self._thread.start()
        self._timer.start()

    def _work(self) -> None:
        from engine.sweep import run_specs

        s = self.setup
        put = self._queue.put
        try:
            rows = run_specs(
                self.specs,
                workers=None if s.scheduler else s.workers,
                scheduler=s.scheduler,
                out=s.out,
                on_row=lambda row, progress: put(("row", (row, progress))),
                on_start=lambda info, progress: put(("started", info)),
                cancel=self._cancel,
            )
        except Exception as exc:  # noqa: BLE001 - shown in the dock, never a crash of the window
            put(("failed", f"{type(exc).__name__}: {exc}"))
        else:
            put(("finished", rows))

    def drain(self) -> None:
        """Emit what the thread produced since the last call (GUI thread)."""
        while True:
            try:
                kind, payload = self._queue.get_nowait()
            except queue.Empty:
                return
            if kind == "row":
                self.row.emit(*payload)
            elif kind == "started":
                self.started.emit(payload)
            else:
                self.done = True
                self._timer.stop()
                (self.finished if kind == "finished" else self.failed).emit(payload)

    def cancel(self) -> None:
        """Ask the sweep to stop (pending runs are cancelled; finished rows stay)."""
        self._cancel.set()

    def stop(self, timeout: float = 60.0) -> bool:
        """Cancel and wait for the thread (window close, tests); True when it ended."""
        self.cancel()
        if self._thread is not None:
            self._thread.join(timeout)
            alive = self._thread.is_alive()
        else:
            alive = False
        self.drain()
        self._timer.stop()
        return not alive
