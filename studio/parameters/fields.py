"""Row widgets of the parameter panel: one per field, the one its field kind names (the kinds are
:mod:`studio.parameters.field_kinds`, which also makes the rows: ``make_row``).

Every row shows the field name, a typed editor, a stamp ("it 1234": the iteration after which the last
edit took effect) and, on a refused edit, a red message under the editor while the editor falls back to
the last known value. Rows never talk to the runner: they emit :attr:`FieldRow.requested` with an
:class:`~studio.parameters.model.EditRequest` and the panel answers with ``show_*`` calls.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from typing import Any

import numpy as np
from PyQt6.QtCore import QSignalBlocker, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.parameters.gestures import GestureTracker
from studio.parameters.spec import EditInputError, EditRequest, FieldSpec
from studio.parameters.spinbox import ScalarSpinBox
from studio.parameters.text import default_step, format_number, summary_text

__all__ = [
    "FieldRow",
    "ScalarRow",
    "BoolRow",
    "ArrayRow",
    "ArgRow",
    "Parser",
    "small",
    "OK_COLOR",
    "ERROR_COLOR",
    "MUTED_COLOR",
]

OK_COLOR, ERROR_COLOR, MUTED_COLOR, QUEUED_COLOR = "#2e7d32", "#c62828", "#80868b", "#b26a00"
_SLIDER_STEPS = 1000
#: ``parse(text, spec) -> EditRequest`` (raises EditInputError): how a row reads typed text.
Parser = Callable[[str, FieldSpec], EditRequest]


def small(label: QLabel, text: str, color: str) -> None:
    """Set a small, coloured status text."""
    label.setText(text)
    label.setStyleSheet(f"color: {color}; font-size: 8pt;")


class FieldRow(QWidget):
    """Base row: name, editor area, stamp, message. ``requested(EditRequest)`` asks for an edit.

    Rows are constructed as ``cls(spec, value, parse)``: ``parse`` reads typed text (the field
    kinds' :func:`~studio.parameters.field_kinds.parse_edit`; None: typed text is refused).
    """

    requested = pyqtSignal(object)

    def __init__(self, spec: FieldSpec, parse: Parser | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.parse = parse
        self.value: Any = None
        self.missing = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 1, 0, 1)
        outer.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(6)
        outer.addLayout(line)
        self.name_label = QLabel(spec.name)
        self.name_label.setToolTip(spec.tooltip())
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if spec.is_parameter:  # constructor parameters in bold, other attributes plain
            self.name_label.setStyleSheet("font-weight: bold;")
        line.addWidget(self.name_label)
        self.editor_box = QHBoxLayout()
        self.editor_box.setSpacing(4)
        line.addLayout(self.editor_box, 1)
        self.stamp, self.message = QLabel(), QLabel()
        small(self.stamp, "", MUTED_COLOR)
        self.stamp.setMinimumWidth(58)
        self.stamp.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(self.stamp)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)

    # ----------------------------------------------------------------------------- editing
    def emit_text(self, text: str, gesture: int = 0) -> None:
        """Parse typed text; emit a request or show why not (keeping the old value). ``gesture``: the id of
        the slider drag or run of arrow steps it belongs to (0: typed); one gesture is one undo step."""
        try:
            if self.parse is None:
                raise EditInputError(f"{self.spec.name} cannot be edited here")
            req = self.parse(text, self.spec)
        except EditInputError as exc:
            self.show_error(str(exc))
            return
        self.emit_request(dataclasses.replace(req, gesture=gesture) if gesture else req)

    def emit_request(self, req: EditRequest) -> None:
        """Clear the message and emit ``requested``."""
        self.clear_message()
        self.requested.emit(req)

    # ----------------------------------------------------------------------------- feedback
    def set_value(self, value: Any) -> None:
        """Show the live value (the panel calls this at a few Hz)."""
        self.value = value

    def set_summary(self, summary: dict | None) -> None:
        """Show an array summary (array rows only)."""

    def revert(self) -> None:
        """Show the last known value again (after a refused edit)."""
        self.set_value(self.value)

    def show_error(self, message: str) -> None:
        """A refused edit: the message in red under the editor; the old value stays."""
        small(self.message, message, ERROR_COLOR)
        self.message.show()
        small(self.stamp, "refused", ERROR_COLOR)
        self.revert()

    def show_notice(self, message: str) -> None:
        """A neutral note under the editor (e.g. the attribute changed type)."""
        small(self.message, message, QUEUED_COLOR)
        self.message.show()

    def clear_message(self) -> None:
        """Hide the message under the editor."""
        self.message.hide()
        self.message.setText("")

    def show_queued(self) -> None:
        """The edit waits behind one of the same path."""
        small(self.stamp, "queued…", QUEUED_COLOR)

    def show_applied(self, iteration: int, source: str) -> None:
        """The edit took effect after ``iteration``."""
        small(self.stamp, f"✓ it {iteration}", OK_COLOR)
        self.stamp.setToolTip(f"{source} edit applied between iterations {iteration} and {iteration + 1}")
        self.clear_message()

    def set_missing(self, missing: bool, message: str = "") -> None:
        """The attribute disappeared (a behavior deleted it): disable the row and say so."""
        if missing == self.missing:
            return
        self.missing = missing
        for w in self.editor_widgets():
            w.setEnabled(not missing)
        if missing:
            self.show_notice(message or f"{self.spec.name} no longer exists")
        else:
            self.clear_message()

    def editor_widgets(self) -> list:
        """The widgets that edit (disabled while the attribute is missing)."""
        return []

    @property
    def editing(self) -> bool:
        """Whether the user is typing in this row (live updates wait)."""
        return False


class ScalarRow(FieldRow):
    """int / float: a spin box, plus a labeled slider when a range is known."""

    def __init__(
        self, spec: FieldSpec, value: Any, parse: Parser | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parse, parent)
        self.spin = ScalarSpinBox(
            spec.kind, default_step(value, spec.kind, spec.value_range), spec.value_range
        )
        self.spin.committed.connect(self.emit_text)
        self.spin.stepped.connect(self._stepped)
        self.slider: QSlider | None = None
        self.gestures = GestureTracker()
        if spec.value_range is not None:
            low, high = spec.value_range
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(0, _SLIDER_STEPS)
            self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.slider.setToolTip(f"{format_number(low)} … {format_number(high)}")
            self.slider.valueChanged.connect(self._slid)
            self.slider.sliderPressed.connect(self.gestures.press)
            self.slider.sliderReleased.connect(self.gestures.release)
            lo, hi = QLabel(), QLabel()
            small(lo, format_number(low), MUTED_COLOR)
            small(hi, format_number(high), MUTED_COLOR)
            for widget, stretch in ((lo, 0), (self.slider, 2), (hi, 0)):
                self.editor_box.addWidget(widget, stretch)
            self.spin.setMaximumWidth(110)
        self.editor_box.addWidget(self.spin, 1)
        if self.slider is None:
            self.editor_box.addStretch(1)
        self.set_value(value)

    def editor_widgets(self) -> list:
        return [w for w in (self.spin, self.slider) if w is not None]

    @property
    def editing(self) -> bool:
        return self.spin.editing or (self.slider is not None and self.slider.isSliderDown())

    def set_value(self, value: Any) -> None:
        self.value = value
        self.spin.set_display(value)
        if self.slider is not None and not self.slider.isSliderDown():
            low, high = self.spec.value_range
            pos = int(round((float(value) - low) / (high - low) * _SLIDER_STEPS))
            with QSignalBlocker(self.slider):
                self.slider.setValue(min(max(pos, 0), _SLIDER_STEPS))

    def revert(self) -> None:
        self.spin.revert()
        self.set_value(self.value)

    def _stepped(self, value: float) -> None:
        self.emit_text(
            format_number(int(value) if self.spec.kind == "int" else value), gesture=self.gestures.current()
        )

    def _slid(self, pos: int) -> None:
        low, high = self.spec.value_range
        value = low + (high - low) * pos / _SLIDER_STEPS
        value = int(round(value)) if self.spec.kind == "int" else float(f"{value:.6g}")
        self.spin.set_display(value, force=True)
        self.emit_text(format_number(value), gesture=self.gestures.current())


class BoolRow(FieldRow):
    """bool: a checkbox."""

    def __init__(
        self, spec: FieldSpec, value: Any, parse: Parser | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parse, parent)
        self.check = QCheckBox()
        self.check.clicked.connect(
            lambda on: self.emit_request(EditRequest(spec.path, "set", bool(on), str(on)))
        )
        self.check.setEnabled(spec.path is not None)
        self.editor_box.addWidget(self.check)
        self.editor_box.addStretch(1)
        self.set_value(value)

    def editor_widgets(self) -> list:
        return [self.check]

    def set_value(self, value: Any) -> None:
        self.value = value
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))


class ArrayRow(FieldRow):
    """Arrays: shape, dtype and min/mean/max; the line edit takes a number, a factor or a value string."""

    def __init__(
        self, spec: FieldSpec, value: Any = None, parse: Parser | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parse, parent)  # the value is shown as a summary (set_summary)
        box = QVBoxLayout()
        box.setSpacing(1)
        self.summary = QLabel("…")
        self.summary.setStyleSheet("font-size: 8pt;")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shape = "×".join(str(n) for n in spec.shape)
        dtype = "" if spec.dtype.startswith("float") or spec.dtype == "bool" else f"{spec.dtype} "
        self.summary_prefix = f'<span style="color:{MUTED_COLOR}">{dtype}[{shape}]</span>&nbsp;&nbsp;'
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            "0.5  ·  ×1.1  ·  uniform(0.4,0.6)" if spec.dtype != "bool" else "true / false"
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.emit_text(self.edit.text()))
        box.addWidget(self.summary)
        box.addWidget(self.edit)
        self.editor_box.addLayout(box, 1)
        self.set_summary(None)

    def editor_widgets(self) -> list:
        return [self.edit]

    @property
    def editing(self) -> bool:
        return self.edit.hasFocus() and bool(self.edit.text())

    def set_summary(self, summary: dict | None) -> None:
        text = summary_text(summary)
        self.summary.setText(self.summary_prefix + text)
        self.summary.setToolTip(f"{self.spec.path}: {self.spec.dtype} {self.spec.shape}\n{text}")

    def revert(self) -> None:
        """Keep the typed text so it can be corrected; the array itself was not changed."""

    def show_applied(self, iteration: int, source: str) -> None:
        super().show_applied(iteration, source)
        if source == "panel":
            self.edit.clear()


class ArgRow(FieldRow):
    """A constructor argument that only ``initialize`` read: its value, read-only, with a note."""

    def __init__(
        self, spec: FieldSpec, value: Any, parse: Parser | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, None, parent)  # read-only: typed text is never parsed
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = f"; the values live in the group variable {spec.name!r}" if "→" in spec.note else ""
        self.label.setToolTip(
            f"a constructor argument read by initialize() only: changing it needs a rebuild{where}"
        )
        self.editor_box.addWidget(self.label, 1)
        self.set_value(value)

    def set_value(self, value: Any) -> None:
        self.value = value
        text = repr(value) if not isinstance(value, (int, float, np.number)) else format_number(value)
        note = html.escape(self.spec.note or "init only")
        span = f'<span style="color:{MUTED_COLOR}; font-size:8pt"><i>{note}</i></span>'
        self.label.setText(f"{html.escape(text)}  {span}")
