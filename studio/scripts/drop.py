"""Drag and drop a ``.py`` script onto the studio window to open it.

:class:`ScriptDropFilter` is an event filter for a top-level window. Installing it sets
``acceptDrops`` on the window; Qt passes a drag that a child widget (a plot, a read-only code view)
ignores up to the window, so a script can be dropped anywhere on it. A local ``.py``/``.pyw`` file is
handed to ``open_script(path)``; anything else (a text file, a folder, a web link, several scripts at
once) is refused with a short non-modal message through ``show_message(text)`` — by default the
window's status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QEvent, QMimeData, QObject
from PyQt6.QtWidgets import QMainWindow, QWidget

#: Suffixes accepted as scripts (as studio.core.script_loading.PYTHON_SUFFIXES).
SCRIPT_SUFFIXES = (".py", ".pyw")
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_script(mime: QMimeData | None) -> tuple[Path | None, str]:
    """``(script, "")`` for a drop holding one local Python script, else ``(None, reason)``.

    The reason is the message to show; it is "" when the data is not a file drop at all (text
    dragged from another widget), which is then left to the widgets.
    """
    if mime is None or not mime.hasUrls():
        return None, ""
    urls = mime.urls()
    local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if not local:
        return None, "Only local files can be opened (drop a .py script from your file manager)."
    scripts = [p for p in local if p.suffix.lower() in SCRIPT_SUFFIXES]
    if len(urls) > 1:
        if len(scripts) == 1:
            return scripts[0], ""
        names = ", ".join(p.name for p in local[:3]) + (", …" if len(local) > 3 else "")
        return None, f"Drop one script at a time ({len(urls)} items dropped: {names})."
    path = local[0]
    if path.is_dir():
        return None, f"{path.name} is a folder; drop a Python script (.py) to open it."
    if not scripts:
        return None, f"Not a Python script: {path.name}. Only .py files can be opened."
    return path, ""


class ScriptDropFilter(QObject):
    """Opens a dropped Python script; refuses other drops with a message.

    Parameters
    ----------
    window: the top-level widget to watch (normally the ``MainWindow``); it becomes the filter's
        parent, so the filter lives as long as the window.
    open_script: called with the dropped script's ``Path``.
    show_message: called with the refusal / status text; default: the window's status bar (8 s).

    ``last_message`` keeps the latest text shown (for tests).
    """

    def __init__(
        self,
        window: QWidget,
        open_script: Callable[[Path], Any],
        show_message: Callable[[str], Any] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._open_script = open_script
        self._show_message = show_message
        self.last_message = ""
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def message(self, text: str) -> None:
        """Show ``text`` without blocking (status bar or the injected callback)."""
        self.last_message = text
        if self._show_message is not None:
            self._show_message(text)
        elif isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 8000)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Handle file drags on the window (``event`` is then a QDropEvent or a subclass); everything
        else passes."""
        if obj is not self.window or event.type() not in _DRAG_EVENTS:
            return False
        script, reason = dropped_script(event.mimeData())
        if script is None and not reason:
            return False  # not a file drop: not ours
        if event.type() != QEvent.Type.Drop:
            # Accept any file drag so the drop happens and the user gets a reason, not just a
            # "forbidden" cursor; say at once what a drop would do.
            event.acceptProposedAction()
            if event.type() == QEvent.Type.DragEnter:
                self.message(f"Drop to open {script.name}" if script is not None else reason)
            return True
        event.acceptProposedAction()
        if script is None:
            self.message(reason)
            return True
        self.message(f"Opening {script.name}…")
        self._open_script(script)
        return True
