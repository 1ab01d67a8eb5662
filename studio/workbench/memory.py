"""The recorders' memory in the status bar, refreshed once a second, with a one-time warning past a
threshold that offers to cap the recorders (``max_length``) or keep going.

The threshold is the settings value ``recordings/warn_bytes`` (default 1 GB). The size is the sum of
the recorders' preallocated buffers (:func:`engine.io.export_snapshot.recordings_nbytes`), read on
the GUI thread without holding the engine; capping runs on the engine thread between two iterations.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QLabel, QMessageBox, QWidget

SETTINGS_KEY = "recordings/warn_bytes"
DEFAULT_WARN_BYTES = 1_000_000_000
REFRESH_MS = 1000


def format_bytes(n: float) -> str:
    """``'512 B'``, ``'1.5 MB'``, ``'2.10 GB'``."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.2f} {unit}" if unit == "GB" else f"{n / size:.1f} {unit}"
    return f"{int(n)} B"


def sample_bytes(net: Any) -> int:
    """Bytes one recorded step adds across every (non-event) recorder: one row of each series."""
    from engine.io.export_snapshot import recorders

    total = 0
    for _, rec in recorders(net):
        for series in list(rec.variables.values()):
            view = getattr(series, "view", None)
            if view is None:
                continue  # event tables: rows per spike, not per step
            data = view()
            if data.ndim and len(data):
                total += int(data[0].nbytes) if data.ndim > 1 else data.itemsize
    return total


def cap_recorders(net: Any, max_length: int) -> None:
    """Keep the newest ``max_length`` samples (iterations, for event recorders) in every recorder
    from now on, and give the memory beyond that back. Call between iterations."""
    from engine.io.export_snapshot import recorders

    for _, rec in recorders(net):
        rec.max_length = int(max_length)
        rec.cut_length(int(max_length))
        rec.set_state(rec.get_state())  # a compact copy: the reserved rows are released


class RecorderMemory(QLabel):
    """``recordings 12.3 MB`` in the status bar; warns once per network past the threshold."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.bytes = 0
        self.warned = False
        self.box: QMessageBox | None = None
        self.setContentsMargins(8, 0, 8, 0)
        self.setToolTip(
            "Memory the recorders hold (their preallocated buffers).\n"
            f"A warning appears past the settings value {SETTINGS_KEY} (default 1 GB)."
        )
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        window.bridge.network_changed.connect(self._network_changed)
        window.bridge.state_changed.connect(self.refresh)  # a run that ended shows its final size
        self.refresh()

    @property
    def threshold(self) -> int:
        """Bytes past which the studio warns (the settings value, else 1 GB)."""
        settings = getattr(self.window, "settings", None)
        value = settings.value(SETTINGS_KEY) if settings is not None else None
        try:
            return int(float(value)) if value not in (None, "") else DEFAULT_WARN_BYTES
        except (TypeError, ValueError):
            return DEFAULT_WARN_BYTES

    def _network_changed(self, _net: Any) -> None:
        self.warned = False
        self.refresh()

    def refresh(self) -> int:
        """Read the recorders' size, update the label and warn once past the threshold."""
        from engine.io.export_snapshot import recordings_nbytes

        net = self.window.bridge.network
        self.bytes = recordings_nbytes(net) if net is not None else 0
        over = self.bytes > self.threshold
        color = "#c62828" if over else "#555555"
        self.setText(f"<span style='color:{color}'>recordings {format_bytes(self.bytes)}</span>")
        if over and not self.warned and net is not None:
            self.warned = True
            self.warn(net)
        return self.bytes

    def suggested_cap(self, net: Any) -> int:
        """Samples per recorder that keep the recordings at about half the threshold."""
        return max(10, int(self.threshold / 2 / max(sample_bytes(net), 1)))

    def warn(self, net: Any) -> QMessageBox:
        """The non-modal warning: Cap recorders / Keep going."""
        cap = self.suggested_cap(net)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Recordings use a lot of memory",
            f"The recorders hold {format_bytes(self.bytes)}, more than {format_bytes(self.threshold)}, "
            "and grow with every iteration.\n\n"
            f"Cap them at the newest {cap:,} samples each (older samples are dropped), or keep going?",
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        self.cap_button = box.addButton(f"Cap at {cap:,} samples", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        box.setModal(False)
        box.buttonClicked.connect(lambda button: self._answered(button, cap))
        box.show()
        self.box = box
        return box

    def _answered(self, button: Any, cap: int) -> None:
        if button is not self.cap_button:
            return
        bridge = self.window.bridge
        if bridge.runner is None:
            return
        net = bridge.network
        try:
            bridge.runner.call(cap_recorders, net, cap, source="menu").result(30.0)
        except Exception as exc:  # noqa: BLE001
            from studio import dialogs

            dialogs.warn(self.window, "Cannot cap the recorders", str(exc))
            return
        self.window.statusBar().showMessage(f"Recorders capped at the newest {cap:,} samples", 8000)
        self.refresh()
