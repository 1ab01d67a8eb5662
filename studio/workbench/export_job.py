"""File → Export recordings…: a copy of the recordings taken between two iterations, written to
NPZ / CSV / NWB on a background thread with a cancellable progress dialog.

The engine thread only copies the arrays (``runner.call``); the writer thread never touches a
widget (it sets a fraction and reads a cancel flag); the GUI thread polls both with a timer.
Writes are all-or-nothing (:mod:`engine.io.export`): a cancel or an error leaves no partial file.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import QProgressDialog, QWidget

from studio import dialogs
from studio.workbench import prompts

#: how long a runner.call for the copy may wait for an iteration boundary (s)
SNAPSHOT_TIMEOUT_S = 30.0


def take_snapshot(net: Any, with_structure: bool) -> Any:
    """The recordings of ``net`` (and its structure for NWB); run it on the engine thread."""
    from engine.io.export_snapshot import snapshot_recordings

    recs = snapshot_recordings(net)
    if with_structure:
        from engine.io.nwb import describe_network

        recs.metadata = describe_network(net)
    return recs


class ExportJob(QObject):
    """One export on a background thread. ``finished`` carries the files written (a list) or the
    exception (ExportCancelled, ExportError, ...)."""

    finished = pyqtSignal(object)

    def __init__(
        self,
        recs: Any,
        path: str,
        fmt: str,
        parent: QWidget | None = None,
        writer: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(parent)
        from engine.io.export import write_recordings

        self.recs, self.path, self.fmt = recs, path, fmt
        self._writer = writer or write_recordings
        self._cancel = threading.Event()
        self.fraction = 0.0
        self.result: Any = None
        self.done = False
        self._thread = threading.Thread(target=self._run, name="mnn-export", daemon=True)
        self.dialog = QProgressDialog(
            f"Exporting recordings to {os.path.basename(path)}…", "Cancel", 0, 1000, parent
        )
        self.dialog.setWindowTitle("Export recordings")
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(400)  # short exports finish before it shows
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)

    def start(self) -> ExportJob:
        """Start writing (the dialog shows itself when it takes longer than 0.4 s)."""
        self._thread.start()
        self._timer.start()
        self.dialog.setValue(0)
        return self

    def cancel(self) -> None:
        """Ask the writer to stop at its next progress report (no file is left behind)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the writer thread; True when it ended."""
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _progress(self, fraction: float) -> bool:  # writer thread: no widgets here
        self.fraction = fraction
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            self.result = self._writer(self.recs, self.path, self.fmt, self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.result = exc

    def _poll(self) -> None:
        if self._thread.is_alive():
            if self.dialog.wasCanceled():
                self.cancel()  # also when cancelled by Esc or by closing the dialog
            else:
                self.dialog.setValue(int(self.fraction * 1000))
            return
        self._timer.stop()
        self.dialog.close()
        self.done = True
        self.finished.emit(self.result)


class RecordingExport:
    """The Export recordings… entry: choose a file and format, copy, write, report."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.job: ExportJob | None = None
        self.writer: Callable[..., Any] | None = None  #: tests may slow the writer down

    def ask_and_export(self) -> ExportJob | None:
        """Ask for a path and a format (the file dialog's filter), then export."""
        if self._nothing_to_export():
            return None
        script = getattr(getattr(self.window, "loaded", None), "script", None)
        start = str(script.with_suffix(".npz")) if script is not None else "recordings.npz"
        answer = prompts.ask_save_path(
            self.window, "Export recordings", start, ";;".join(prompts.RECORDING_FILTERS.values())
        )
        if answer is None:
            return None
        path, chosen = answer
        fmt = next((f for f, text in prompts.RECORDING_FILTERS.items() if text == chosen), None)
        ext = os.path.splitext(path)[1].lstrip(".").lower()
        fmt = fmt or (ext if ext in prompts.RECORDING_FILTERS else "npz")
        if ext != fmt:
            path += "." + fmt
        return self.export_to(path, fmt)

    def _nothing_to_export(self) -> bool:
        from engine.io.export_snapshot import recorders

        net = self.window.bridge.network
        if net is None:
            dialogs.warn(self.window, "Nothing to export", "Open a script first: there is no network.")
            return True
        if next(recorders(net), None) is None:
            dialogs.warn(
                self.window,
                "Nothing to export",
                "This network records nothing: it has no Recorder or EventRecorder.\n"
                "Add one to a group (e.g. Recorder(['voltage']) or EventRecorder('spike')) to export data.",
            )
            return True
        return False

    def export_to(self, path: str, fmt: str) -> ExportJob | None:
        """Copy the recordings between two iterations and start writing them to ``path``."""
        from engine.io.export_snapshot import NoRecordingsError
        from engine.io.nwb import PYNWB_MISSING

        if self.job is not None and not self.job.done:
            dialogs.warn(self.window, "Export running", "Another export is still being written; wait for it.")
            return None
        if self._nothing_to_export():
            return None
        if fmt == "nwb" and importlib.util.find_spec("pynwb") is None:
            dialogs.warn(self.window, "NWB export is not installed", PYNWB_MISSING)
            return None
        net, runner = self.window.bridge.network, self.window.bridge.runner
        try:
            recs = runner.call(take_snapshot, net, fmt == "nwb", source="menu", log=False).result(
                SNAPSHOT_TIMEOUT_S
            )
            if not any(len(data) for _, _, data in recs.series()):
                raise NoRecordingsError(
                    f"The recorders have recorded nothing yet (iteration {recs.iteration}); "
                    "run the network first."
                )
        except Exception as exc:  # noqa: BLE001
            dialogs.warn(
                self.window,
                "Nothing to export" if isinstance(exc, NoRecordingsError) else "Export failed",
                str(exc),
            )
            return None
        self.job = ExportJob(recs, path, fmt, self.window, writer=self.writer)
        self.job.finished.connect(self._finished)
        return self.job.start()

    def _finished(self, result: Any) -> None:
        from engine.io.export_snapshot import ExportCancelled

        if isinstance(result, ExportCancelled):
            self.window.statusBar().showMessage("Export cancelled; no file was written", 8000)
        elif isinstance(result, BaseException):
            dialogs.warn(
                self.window,
                "Export failed",
                f"{result}\n\nNo file was left half-written; older files are intact.",
                details=f"{type(result).__name__}: {result}",
            )
        else:
            names = ", ".join(os.path.basename(p) for p in result)
            self.window.statusBar().showMessage(f"Exported the recordings to {names}", 8000)

    def shutdown(self) -> None:
        """Cancel a running export and join its thread (window closing)."""
        if self.job is not None and not self.job.done:
            self.job.cancel()
            self.job.wait(10.0)
