"""Modal dialogs, kept in one module so tests can replace them (a modal dialog hangs a test run)."""

from __future__ import annotations

from PyQt6.QtWidgets import QFileDialog, QMessageBox, QWidget


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A warning box (modal). ``details`` goes into the expandable "Show Details" area."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def ask_open_script(
    parent: QWidget | None, start_dir: str = "", title: str = "Open network script"
) -> str | None:
    """Ask for a Python script; None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, title, start_dir, "Python scripts (*.py);;All files (*)"
    )
    return path or None
