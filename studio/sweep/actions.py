"""The Run → Sweep… action: the dialog, prefilled from the parameters the user touched, then the dock."""

from __future__ import annotations

from typing import Any

from PyQt6.QtGui import QAction

from studio import dialogs
from studio.sweep.dialog import SweepDialog
from studio.sweep.model import default_metric, touched_parameters

__all__ = ["sweep_action", "make_sweep_dialog", "start_from_dialog"]


def make_sweep_dialog(window: Any) -> SweepDialog | None:
    """The dialog for the window's script (None, with a message, when no script is loaded)."""
    loaded = getattr(window, "loaded", None)
    if loaded is None or loaded.script is None:
        dialogs.warn(window, "Sweep", "A sweep runs a script: open one first (File → Open).")
        return None
    runner = window.bridge.runner
    touched = touched_parameters(list(runner.events) if runner is not None else [])
    return SweepDialog(
        str(loaded.script), touched, default_metric(loaded.network), loaded.requested_iterations, window
    )


def start_from_dialog(window: Any, dialog: SweepDialog) -> bool:
    """Show the Sweep dock and start the dialog's sweep there; False (with a message) if it cannot."""
    dock = window.docks.content("sweep")
    try:
        dock.start(dialog.setup())
    except ValueError as exc:
        dialogs.warn(window, "Sweep", str(exc))
        return False
    window.docks.docks["sweep"].show()
    window.docks.docks["sweep"].raise_()
    return True


def sweep_action(window: Any) -> QAction:
    """``Sweep…`` for the Run menu."""
    action = QAction("Sweep…", window)
    action.setStatusTip("run the script over a parameter grid on Dask (Sweep dock)")

    def open_dialog() -> None:
        dialog = make_sweep_dialog(window)
        if dialog is not None:
            dialog.accepted.connect(lambda: start_from_dialog(window, dialog))
            dialog.open()

    action.triggered.connect(open_dialog)
    return action
