"""Application style: Fusion with a light palette and a few readable touches."""

from __future__ import annotations

from PyQt6.QtWidgets import QApplication

STYLE_SHEET = """
QDockWidget::title { padding: 3px 6px; background: #e8ebf0; font-weight: bold; }
QLabel#viewMessage { color: #8a5300; background: #fff4d6; padding: 2px 6px; }
QLabel#errorHeadline { color: #b71c1c; }
QLabel#errorCode { background: #fdecea; padding: 4px; }
QToolBar { spacing: 4px; }
"""


def apply_style(app: QApplication) -> None:
    """Fusion style plus the sheet above (no external files needed)."""
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
