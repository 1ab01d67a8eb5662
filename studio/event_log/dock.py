"""The event log: every change the runner applied (iteration, tag path, old → new, source), with undo,
redo and "copy as code".

Integration (main window)::

    self.event_dock = EventLogDock(self.param_dock.controller, self)   # share the parameter panel's undo
    self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.event_dock)

The log polls ``runner.events_since(seq)`` with a QTimer (5 Hz) and keeps the newest
:data:`MAX_ROWS` events; it never blocks on the runner.
"""

from __future__ import annotations

import collections
from typing import Any

import numpy as np
from PyQt6.QtCore import QAbstractTableModel, QModelIndex, QPoint, Qt, QTimer
from PyQt6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.parameters.edits import EditController
from studio.parameters.text import format_number

__all__ = ["EventLogModel", "EventLogPanel", "EventLogDock", "format_change", "MAX_ROWS"]

MAX_ROWS = 5000
_EDIT_KINDS = ("set_value", "enabled", "error", "load_state")
_HEADERS = ("it.", "tag path", "old → new", "source")


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        flat = value.ravel()
        body = ", ".join(format_number(v) for v in flat[:4]) + (", …" if flat.size > 4 else "")
        return f"[{body}]"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_short(v) for v in value[:4]) + (", …" if len(value) > 4 else "") + "]"
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return format_number(value)


def _mean(summary: str) -> str:
    for part in summary.split():
        if part.startswith("mean="):
            return part[5:]
    return "?"


def format_change(event: Any) -> str:
    """``'0.5 → 0.6'``, ``'on → off'``, or ``'✗ <error>'``."""
    if event.error:
        return f"✗ {event.error}"
    if event.kind == "enabled":
        return f"{'on' if event.old else 'off'} → {'on' if event.new else 'off'}"
    if event.kind == "note":
        return ""
    old, new = event.old, event.new
    if isinstance(old, str) and isinstance(new, str) and " mean=" in old and " mean=" in new:
        shape = old.split(" ", 1)[0]
        change = f"{shape} mean {_mean(old)} → {_mean(new)}"
    else:
        change = f"{_short(old)} → {_short(new)}"
    return change + (f"  (merged {event.coalesced})" if event.coalesced else "")


class EventLogModel(QAbstractTableModel):
    """Table of runner events; ``edits_only`` hides calls and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: collections.deque[Any] = collections.deque(maxlen=MAX_ROWS)
        self.rows: list[Any] = []
        self.edits_only = True

    def _keep(self, event: Any) -> bool:
        return not self.edits_only or event.kind in _EDIT_KINDS

    def add(self, events: list[Any]) -> None:
        """Append events (oldest first)."""
        if not events:
            return
        overflow = len(self._all) + len(events) - MAX_ROWS
        self._all.extend(events)
        if overflow > 0:
            self.reset_rows()
            return
        keep = [e for e in events if self._keep(e)]
        if keep:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(keep) - 1)
            self.rows.extend(keep)
            self.endInsertRows()

    def reset_rows(self) -> None:
        """Re-apply the filter to all retained events."""
        self.beginResetModel()
        self.rows = [e for e in self._all if self._keep(e)]
        self.endResetModel()

    def clear(self) -> None:
        """Forget every event (another runner)."""
        self.beginResetModel()
        self._all.clear()
        self.rows = []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(ev.iteration), ev.path, format_change(ev), ev.source)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"#{ev.seq} {ev.kind} at iteration {ev.iteration}\n{ev.path}"
            text += f"\nold: {ev.old!s}\nnew: {ev.new!s}"
            return text + (f"\nerror: {ev.error}" if ev.error else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if ev.error:
                return QBrush(QColor("#c62828"))
            if ev.source in ("undo", "redo"):
                return QBrush(QColor("#1565c0"))
            if ev.kind not in _EDIT_KINDS:
                return QBrush(QColor("#80868b"))
        if role == Qt.ItemDataRole.FontRole and col == 1:
            font = QFont()
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFamily("DejaVu Sans Mono")
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EventLogPanel(QWidget):
    """The log view with Undo / Redo / Copy-as-code buttons. ``controller`` may be an EditController
    (shared with a parameter panel, so undo covers its edits) or a runner."""

    def __init__(
        self, controller: Any = None, parent: QWidget | None = None, refresh_hz: float = 5.0
    ) -> None:
        super().__init__(parent)
        if not isinstance(controller, EditController):
            controller = EditController(controller, self)
        self.controller = controller
        self._seq = 0
        self._runner: Any = None
        self.model = EventLogModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.copy_action = QAction("Copy as code", self)
        self.copy_action.setToolTip("Copy the selected changes as Python lines (Ctrl+C)")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_as_code)
        self.addAction(self.copy_action)
        for action in (controller.undo_action, controller.redo_action, self.copy_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        self.edits_only = QCheckBox("edits only")
        self.edits_only.setChecked(True)
        self.edits_only.setToolTip("Hide console calls and notes")
        self.edits_only.toggled.connect(self._set_edits_only)
        bar.addWidget(self.edits_only)
        layout.addLayout(bar)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(20)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 64)
        header.resizeSection(1, 280)
        header.resizeSection(3, 64)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / max(0.5, refresh_hz)))
        self.timer.timeout.connect(self.poll)
        controller.runner_changed.connect(self._follow)
        self._follow(controller.runner)

    @property
    def events(self) -> list[Any]:
        """The events shown (after the filter)."""
        return list(self.model.rows)

    def _follow(self, runner: Any) -> None:
        self._runner = runner
        self._seq = 0
        self.model.clear()
        if runner is None:
            self.timer.stop()
        else:
            self.poll()
            self.timer.start()

    def _set_edits_only(self, on: bool) -> None:
        self.model.edits_only = on
        self.model.reset_rows()

    def poll(self) -> None:
        """Fetch new events from the runner (cheap; the GUI never waits)."""
        if self._runner is None:
            return
        new = self._runner.events_since(self._seq)
        if not new:
            return
        self._seq = new[-1].seq
        bar = self.view.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2
        self.model.add(new)
        if at_end:
            self.view.scrollToBottom()

    def selected_events(self) -> list[Any]:
        """The events of the selected rows, oldest first."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def code_for(self, events: list[Any]) -> str:
        """Python lines for ``events`` (one per event)."""
        return "\n".join(self.controller.code_for_event(ev) for ev in events if not ev.error)

    def copy_as_code(self) -> str:
        """Put the selected events (or the last one) on the clipboard as code; returns the text."""
        events = self.selected_events() or self.model.rows[-1:]
        text = self.code_for(events)
        if text:
            QApplication.clipboard().setText(text)
        return text

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addSeparator()
        menu.addAction(self.controller.undo_action)
        menu.addAction(self.controller.redo_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))


class EventLogDock(QDockWidget):
    """A dock holding an :class:`EventLogPanel`."""

    def __init__(self, controller: Any = None, parent: QWidget | None = None) -> None:
        super().__init__("Event log", parent)
        self.panel = EventLogPanel(controller, self)
        self.setWidget(self.panel)

    @property
    def controller(self) -> EditController:
        """The shared EditController."""
        return self.panel.controller
