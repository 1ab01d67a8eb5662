"""Collapsible sections of the parameter panel: one per behavior, one for the group's own variables.

A section keeps one row per field and :meth:`FieldSection.sync` reconciles the rows with what the object
holds now: new attributes get rows, a retyped attribute gets a new row of the right kind (with a note), a
deleted one is disabled with a message. Rows keep their order, so the panel does not jump while it runs.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QMouseEvent
from PyQt6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.model.neuron_group import NeuronGroup
from engine.model.synapse_group import SynapseGroup
from studio.parameters.field_kinds import ARG, make_row
from studio.parameters.fields import ERROR_COLOR, MUTED_COLOR, OK_COLOR, FieldRow, small
from studio.parameters.spec import FieldSpec

__all__ = [
    "FieldSection",
    "BehaviorSection",
    "VariablesSection",
    "SECTION_STYLE",
    "target_title_html",
    "object_name",
]

#: Style sheet for a panel holding sections (frames, header band, hint text).
SECTION_STYLE = f"""
QFrame#paramSection {{ border: 1px solid palette(mid); border-radius: 4px; }}
QFrame#paramSectionHeader {{ background: palette(alternate-base); border-top-left-radius: 4px;
                             border-top-right-radius: 4px; border-bottom: 1px solid palette(midlight); }}
QLabel#paramHint {{ color: {MUTED_COLOR}; font-size: 8pt; }}
"""


def object_name(obj: Any) -> str:
    """The first tag of a group / synapse group / the network (its class name when untagged)."""
    return str(obj.tags[0])


def target_title_html(obj: Any, path_part: str | None = None) -> str:
    """``exc  NeuronGroup · 800 neurons`` / ``GLUTAMATE  SynapseGroup · exc → inh``; when the first tag is
    shared with another object, the tag that the paths use (``path_part``) is added."""
    if isinstance(obj, SynapseGroup):
        detail = f"{object_name(obj.src)} → {object_name(obj.dst)}"
    else:
        detail = f"{obj.size} neurons" if isinstance(obj, NeuronGroup) else ""
    if path_part and path_part != object_name(obj):
        detail += f" · paths: {path_part}.…"
    return (
        f'<b style="font-size:11pt">{html.escape(object_name(obj))}</b>&nbsp;&nbsp;'
        f'<span style="color:{MUTED_COLOR}">{html.escape(type(obj).__name__)}'
        f"{' · ' + html.escape(detail) if detail else ''}</span>"
    )


_MISSING = object()


class _Header(QFrame):
    clicked = pyqtSignal()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class FieldSection(QFrame):
    """A titled, collapsible list of field rows.

    Signals
    -------
    requested(FieldRow, EditRequest): a row asks for an edit.
    """

    requested = pyqtSignal(object, object)

    def __init__(self, title_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paramSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rows: dict[str, FieldRow] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = _Header()
        self.header.setObjectName("paramSectionHeader")
        self.header.setCursor(Qt.CursorShape.PointingHandCursor)
        self.header_layout = QHBoxLayout(self.header)
        self.header_layout.setContentsMargins(4, 3, 6, 3)
        self.header_layout.setSpacing(6)
        self.arrow = QToolButton()
        self.arrow.setAutoRaise(True)
        self.arrow.setArrowType(Qt.ArrowType.DownArrow)
        self.arrow.setFixedSize(18, 18)
        self.arrow.clicked.connect(self.toggle)
        self.header.clicked.connect(self.toggle)
        self.title = QLabel(title_html)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setMinimumWidth(20)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header_layout.addWidget(self.arrow)
        self.header_layout.addWidget(self.title, 1)
        outer.addWidget(self.header)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(10, 4, 8, 6)
        self.body_layout.setSpacing(2)
        self.empty_label = QLabel("no editable values")
        self.empty_label.setStyleSheet(f"color: {MUTED_COLOR}; font-style: italic;")
        self.body_layout.addWidget(self.empty_label)
        outer.addWidget(self.body)

    # ------------------------------------------------------------------------------------ collapse
    @property
    def expanded(self) -> bool:
        """Whether the body is shown."""
        return not self.body.isHidden()

    def set_expanded(self, on: bool) -> None:
        """Show or hide the body."""
        self.body.setVisible(on)
        self.arrow.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def toggle(self) -> None:
        """Expand a collapsed section and vice versa."""
        self.set_expanded(not self.expanded)

    # ------------------------------------------------------------------------------------ rows
    def sync(self, specs: list[FieldSpec], read: Callable[[FieldSpec], Any]) -> bool:
        """Reconcile rows with ``specs``; ``read(spec)`` gives a current value. Returns True if rows were
        added or replaced (the panel then re-aligns the name column)."""
        changed = False
        present = set()
        for spec in specs:
            present.add(spec.name)
            row = self.rows.get(spec.name)
            if row is None:
                self._add(spec, read(spec))
                changed = True
            elif row.spec.signature != spec.signature or row.spec.path != spec.path:
                old = row.spec.describe_type()
                new_row = self._add(spec, read(spec), replace=row)
                if old != spec.describe_type():
                    new_row.show_notice(f"{spec.name} changed type: was {old}, now {spec.describe_type()}")
                changed = True
            elif row.missing:
                row.set_missing(False)
        for name, row in self.rows.items():
            if name not in present and row.spec.kind != ARG:
                row.set_missing(True, f"{name} no longer exists: a behavior deleted it")
        self.empty_label.setVisible(not self.rows)
        return changed

    def _add(self, spec: FieldSpec, value: Any, replace: FieldRow | None = None) -> FieldRow:
        row = make_row(spec, None if value is _MISSING else value)
        row.requested.connect(lambda req, r=row: self.requested.emit(r, req))
        if replace is not None:
            index = self.body_layout.indexOf(replace)
            self.body_layout.insertWidget(index, row)
            self.body_layout.removeWidget(replace)
            replace.hide()
            replace.deleteLater()
        else:
            self.body_layout.addWidget(row)
        self.rows[spec.name] = row
        return row

    def name_width(self) -> int:
        """Widest name label of the rows (to align the name column across sections)."""
        return max((r.name_label.sizeHint().width() for r in self.rows.values()), default=0)

    def set_name_width(self, width: int) -> None:
        """Give every name label the same width."""
        for r in self.rows.values():
            r.name_label.setFixedWidth(width)


class BehaviorSection(FieldSection):
    """A behavior: key, class name, tags and an "active" checkbox in the header.

    ``enable_requested(bool)``: the user toggled the checkbox (the panel sends it to the runner).
    """

    enable_requested = pyqtSignal(bool)

    def __init__(self, key: Any, behavior: Any, path: str | None, parent: QWidget | None = None) -> None:
        cls = type(behavior).__name__
        tags = [t for t in behavior.tags if t != cls]
        tag_text = (
            (f'&nbsp;&nbsp;<span style="color:{MUTED_COLOR}">' + html.escape(", ".join(tags)) + "</span>")
            if tags
            else ""
        )
        title = (
            f'<span style="color:{MUTED_COLOR}">{html.escape(str(key))}</span>&nbsp;&nbsp;'
            f"<b>{html.escape(cls)}</b>{tag_text}"
        )
        super().__init__(title, parent)
        self.key = key
        self.behavior = behavior
        self.path = path
        self.title.setToolTip(f"{path or '(no tag path)'}\n{behavior}")
        self.stamp = QLabel("")
        self.stamp.setStyleSheet(f"color: {MUTED_COLOR}; font-size: 8pt;")
        self.enable = QCheckBox("active")
        self.enable.setToolTip("behavior_enabled: switched between two iterations")
        self.enable.setEnabled(path is not None)
        self.enable.clicked.connect(self.enable_requested.emit)
        self.header_layout.addWidget(self.stamp)
        self.header_layout.addWidget(self.enable)
        self.set_enabled_state(bool(behavior.behavior_enabled))

    def set_enabled_state(self, on: bool) -> None:
        """Show the live ``behavior_enabled`` value."""
        self.enable.blockSignals(True)
        self.enable.setChecked(on)
        self.enable.blockSignals(False)
        self.title.setEnabled(on)

    def show_enable_applied(self, iteration: int, on: bool) -> None:
        """The on/off switch took effect after ``iteration``."""
        small(self.stamp, f"{'on' if on else 'off'} ✓ it {iteration}", OK_COLOR)

    def show_enable_error(self, message: str) -> None:
        """The switch was refused: say why, show the live state again."""
        small(self.stamp, "refused", ERROR_COLOR)
        self.stamp.setToolTip(message)
        self.set_enabled_state(bool(self.behavior.behavior_enabled))


class VariablesSection(FieldSection):
    """The group's (or synapse group's) own variables: voltage, spike, W, ..."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(f"<b>{html.escape(title)}</b>", parent)
