"""ErrorPanel: shows the runner's error (the user's file and line, the traceback) with Resume."""

from __future__ import annotations

import linecache

from PyQt6.QtGui import QFont, QFontDatabase
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from engine.runtime.step_error import StepError
from studio.core.runner_bridge import SimBridge


def error_headline(err: StepError) -> str:
    """One line: exception, iteration, behavior and the user's file and line."""
    exc = err.exception
    where = f" in {err.behavior_path}" if err.behavior_path else ""
    line = ""
    if err.filename:
        line = f" — {err.filename.rsplit('/', 1)[-1]}, line {err.lineno}"
    return f"{type(exc).__name__} at iteration {err.iteration}{where}{line}: {exc}"


def source_line(err: StepError) -> str:
    """The text of the user's line that raised (empty when unknown)."""
    filename, lineno = err.filename, err.lineno
    if not filename or not lineno:
        return ""
    return linecache.getline(filename, int(lineno)).strip()


class ErrorPanel(QWidget):
    """Details of the last runner error. The run is paused; Resume continues from the same state."""

    def __init__(self, bridge: SimBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.error: StepError | None = None
        self.headline = QLabel("No error.")
        self.headline.setObjectName("errorHeadline")
        self.headline.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("errorCode")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code.setFont(mono)
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setFont(mono)
        self.trace.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.resume_button = QPushButton("Resume")
        self.resume_button.setToolTip(
            "Continue the run from this iteration (after a fix in the console or panels)"
        )
        self.resume_button.clicked.connect(self._resume)
        self.step_button = QPushButton("Step")
        self.step_button.setToolTip("Retry one iteration")
        self.step_button.clicked.connect(lambda: self.bridge.step(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.step_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.headline)
        layout.addWidget(self.code)
        layout.addWidget(self.trace, 1)
        layout.addLayout(buttons)
        bold = QFont(self.headline.font())
        bold.setBold(True)
        self.headline.setFont(bold)
        self.show_error(None)

    def show_error(self, err: StepError | None) -> None:
        """Display ``err`` (a StepError) or the quiet "no error" state."""
        self.error = err
        if err is None:
            self.headline.setText("No error.")
            self.code.clear()
            self.code.hide()
            self.trace.setPlainText("")
            self.resume_button.setEnabled(False)
            self.step_button.setEnabled(False)
            return
        self.headline.setText(error_headline(err))
        line = source_line(err)
        self.code.setText(f"  {err.lineno}:  {line}" if line else "")
        self.code.setVisible(bool(line))
        self.trace.setPlainText(err.traceback or str(err))
        self.resume_button.setEnabled(True)
        self.step_button.setEnabled(True)

    def show_report(self, headline: str, details: str) -> None:
        """Show a problem that did not stop the run (a plug-in tab that raised): no Resume."""
        self.error = None
        self.headline.setText(headline)
        self.code.clear()
        self.code.hide()
        self.trace.setPlainText(details)
        self.resume_button.setEnabled(False)
        self.step_button.setEnabled(False)

    def _resume(self) -> None:
        self.bridge.run()
