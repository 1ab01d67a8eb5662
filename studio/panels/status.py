"""StatusPanel: iteration, iterations/s, real-time factor and run state in the status bar."""

from __future__ import annotations

import time

from PyQt6.QtWidgets import QLabel, QStatusBar

from studio.core.runner_bridge import SimBridge

_STATE_COLORS = {
    "running": "#1b7f3b",
    "fast-forward": "#1f5fbf",
    "paused": "#555555",
    "error": "#c62828",
    "stopped": "#555555",
    "empty": "#888888",
}


def format_rate(value: float) -> str:
    """``12,345 it/s`` style text."""
    return f"{value:,.0f} it/s" if value >= 10 else f"{value:.1f} it/s"


class StatusPanel:
    """Permanent labels in a QStatusBar, refreshed a few times per second from the bridge."""

    def __init__(self, bar: QStatusBar, bridge: SimBridge) -> None:
        self.bridge = bridge
        self.state = QLabel()
        self.iteration = QLabel()
        self.rate = QLabel()
        self.rtf = QLabel()
        for label in (self.state, self.iteration, self.rate, self.rtf):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self._next = 0.0
        bridge.tick.connect(self.update)
        bridge.state_changed.connect(lambda: self.update(force=True))
        self.update(force=True)

    def update(self, force: bool = False) -> None:
        """Refresh the labels (at most 5 times per second unless forced)."""
        now = time.monotonic()
        if not force and now < self._next:
            return
        self._next = now + 0.2
        state = self.bridge.state
        stats = self.bridge.stats()
        color = _STATE_COLORS.get(state, "#555555")
        self.state.setText(f"<b style='color:{color}'>{state}</b>")
        text = f"iteration <b>{self.bridge.iteration:,}</b>"
        net = self.bridge.network
        dt = net.dt if net is not None else None
        if dt:
            text += f" · t = {self.bridge.iteration * float(dt):.3f} s"
        self.iteration.setText(text)
        ips = (
            stats.iterations_per_second if stats is not None and state in ("running", "fast-forward") else 0.0
        )
        self.rate.setText(format_rate(ips))
        rtf = stats.real_time_factor if stats is not None else None
        self.rtf.setVisible(rtf is not None)
        if rtf is not None:
            self.rtf.setText(
                f"real time ×{rtf:.2f}" if state in ("running", "fast-forward") else "real time —"
            )
