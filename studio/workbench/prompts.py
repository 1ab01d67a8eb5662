"""The workbench's modal questions (file choosers, yes/no), in one module so tests replace them."""

from __future__ import annotations

from PyQt6.QtWidgets import QFileDialog, QMessageBox, QWidget

#: File-dialog filters of the recording formats, in the order offered.
RECORDING_FILTERS = {
    "npz": "NumPy archive (*.npz)",
    "csv": "CSV, one file per recorder (*.csv)",
    "nwb": "Neurodata Without Borders (*.nwb)",
}
STATE_FILTER = "mnn-studio state (*.npz);;All files (*)"
FIGURE_FILTERS = {
    "png": "PNG image (*.png)",
    "svg": "SVG drawing (*.svg)",
    "csv": "CSV of the plotted data (*.csv)",
}


def ask_save_path(parent: QWidget | None, title: str, start: str, filters: str) -> tuple[str, str] | None:
    """A save-file dialog; (path, chosen filter) or None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return (path, chosen) if path else None


def ask_open_path(parent: QWidget | None, title: str, start: str, filters: str) -> str | None:
    """An open-file dialog; the path or None when cancelled."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path or None


def ask_yes_no(parent: QWidget | None, title: str, text: str, details: str = "", yes: str = "Yes") -> bool:
    """A question box with ``yes`` and Cancel; True for ``yes``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if details:
        box.setDetailedText(details)
    box.exec()
    return box.clickedButton() is accept
