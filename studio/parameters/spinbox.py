"""ScalarSpinBox: the spin box of scalar parameter rows.

Unlike QDoubleSpinBox it accepts any typed text, so the row can explain a refusal ("'abc' is not a
number") instead of silently swallowing keys; it steps by a fixed, value-dependent amount and ignores the
mouse wheel unless focused (so scrolling the panel never changes a parameter by accident).
"""

from __future__ import annotations

import math
from typing import Any

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QKeyEvent, QValidator, QWheelEvent
from PyQt6.QtWidgets import QAbstractSpinBox, QSizePolicy, QWidget

from studio.parameters.text import format_number

__all__ = ["ScalarSpinBox"]


class ScalarSpinBox(QAbstractSpinBox):
    """A spin box that accepts any typed text (the panel parses it and explains refusals), steps by a
    fixed amount, and is not changed by the mouse wheel unless it has focus (the panel scrolls)."""

    committed = pyqtSignal(str)
    stepped = pyqtSignal(float)

    def __init__(
        self, kind: str, step: float, value_range: tuple | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._kind, self._step, self._range = kind, step, value_range
        self._value: Any = 0
        self._dirty = False
        self.setAccelerated(True)
        self.setKeyboardTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(90)
        self.setMaximumWidth(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lineEdit().textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)

    @property
    def value(self) -> Any:
        """The value shown when not being edited."""
        return self._value

    @property
    def editing(self) -> bool:
        """Whether the user typed text not yet committed."""
        return self._dirty

    def validate(self, text: str, pos: int) -> tuple:  # noqa: D401 - Qt override
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        low, high = self._range if self._range else (-math.inf, math.inf)
        if self._value < high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._value > low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        new = self._value + steps * self._step
        if self._kind == "int":
            new = int(round(new))
        else:
            digits = max(0, -math.floor(math.log10(self._step))) + 2
            new = round(new, digits)
        if self._range:
            new = min(max(new, self._range[0]), self._range[1])
        self._dirty = False
        self.set_display(new, force=True)
        self.stepped.emit(float(new))

    def set_display(self, value: Any, force: bool = False) -> None:
        """Show ``value`` (skipped while the user edits, unless ``force``)."""
        if self._dirty and not force:
            return
        self._value = value
        text = format_number(value)
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)

    def revert(self) -> None:
        """Drop typed text and show the last known value again."""
        self._dirty = False
        self.lineEdit().setText(format_number(self._value))

    def _on_edited(self, _text: str) -> None:
        self._dirty = True

    def _on_finished(self) -> None:
        if self._dirty:
            self._dirty = False
            self.committed.emit(self.lineEdit().text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._dirty:
            self.revert()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)
