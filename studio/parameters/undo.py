"""Undo/redo of parameter edits: QUndoCommands that revert through the runner's command path.

An edit is pushed *after* the runner applied it (its previous value is then known exactly), so the
first ``redo()`` that ``QUndoStack.push`` performs is skipped. ``undo()`` sends the old value back
through :meth:`EditController.submit` with ``source='undo'``; ``redo()`` sends the new value with
``source='redo'``: both take effect between two iterations and appear in the event log.
Consecutive edits of one path that carry the same gesture id (one slider drag, one run of arrow steps:
:mod:`studio.parameters.gestures`) merge into one undo step; typed edits never merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PyQt6.QtCore import QObject
from PyQt6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from studio.parameters.spec import EditRequest
from studio.parameters.text import format_number

if TYPE_CHECKING:  # pragma: no cover
    from studio.parameters.edits import AppliedEdit, EditController

__all__ = ["EditUndoCommand", "make_undo_actions", "UNDO_LIMIT"]

#: Undo steps kept (each may hold two copies of an array).
UNDO_LIMIT = 200
_MERGE_ID = 0x5E7


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"array{list(value.shape)}"
    return format_number(value)


class EditUndoCommand(QUndoCommand):
    """One applied edit (or a merged run of edits of one path)."""

    def __init__(self, controller: EditController, edit: AppliedEdit) -> None:
        super().__init__()
        self.controller = controller
        self.path = edit.request.path
        self.op = "enable" if edit.request.op == "enable" else "set"
        self.old = edit.old
        self.new = edit.new
        self.label = (
            edit.request.text
            if edit.request.op != "set" or isinstance(edit.new, np.ndarray)
            else _short(edit.new)
        )
        self.gesture = edit.request.gesture
        self._first = True
        self._update_text()

    def _update_text(self) -> None:
        name = self.path.rsplit(".", 1)[-1]
        if self.op == "enable":
            self.setText(f"{'enable' if self.new else 'disable'} {name}")
        else:
            self.setText(
                f"{name} ← {self.label.strip()}"
                if isinstance(self.new, np.ndarray)
                else f"{name} {_short(self.old)} → {_short(self.new)}"
            )

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Merge a following edit of the same path made by the same gesture."""
        if not isinstance(other, EditUndoCommand) or other.path != self.path or other.op != self.op:
            return False
        if not self.gesture or other.gesture != self.gesture:
            return False
        self.new, self.label = other.new, other.label
        self._update_text()
        return True

    def redo(self) -> None:
        if self._first:  # the edit was applied before it was pushed
            self._first = False
            return
        self.controller.submit(EditRequest(self.path, self.op, self.new, "redo"), source="redo", record=False)

    def undo(self) -> None:
        self.controller.submit(EditRequest(self.path, self.op, self.old, "undo"), source="undo", record=False)


def make_undo_actions(stack: QUndoStack, parent: QObject | None = None) -> tuple[QAction, QAction]:
    """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y) actions whose text names the edit."""
    undo = stack.createUndoAction(parent, "Undo")
    redo = stack.createRedoAction(parent, "Redo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo.setToolTip("Undo the last parameter edit (Ctrl+Z)")
    redo.setToolTip("Redo the parameter edit (Ctrl+Shift+Z)")
    return undo, redo
