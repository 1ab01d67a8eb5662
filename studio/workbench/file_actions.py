"""The File-menu entries of the workbench and the status-bar memory indicator.

``install_file_actions(window, file_menu)`` (called once from the main window's menu builder) adds:
Save state (Ctrl+S), Save state as… (Ctrl+Shift+S), Load state…, Export recordings… (NPZ / CSV /
NWB, Ctrl+Shift+X), Export figure ▸ Whole window (PNG)… / Active view (PNG, SVG, CSV)…, and the
recorders' memory to the status bar.
"""

from __future__ import annotations

import os
from typing import Any

from PyQt6.QtCore import QEvent, QObject
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QApplication, QMenu, QWidget

from studio import dialogs
from studio.workbench import figures, prompts
from studio.workbench.export_job import RecordingExport
from studio.workbench.memory import RecorderMemory
from studio.workbench.state_files import StateFiles


class FileActions(QObject):
    """Owns the workbench's actions; ``window.workbench`` after :func:`install_file_actions`."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.state = StateFiles(window)
        self.recordings = RecordingExport(window)
        self._last_view: QWidget | None = None
        self.save_action = self._action("&Save state", self.state.save, QKeySequence.StandardKey.Save)
        self.save_action.setToolTip("Save the network's state between two iterations (Ctrl+S)")
        self.save_as_action = self._action(
            "Save state &as…", self.state.save_as, QKeySequence("Ctrl+Shift+S")
        )
        self.load_action = self._action("&Load state…", self.state.load)
        self.export_action = self._action(
            "E&xport recordings…", self.recordings.ask_and_export, QKeySequence("Ctrl+Shift+X")
        )
        self.export_action.setToolTip("Every recorder's data as NPZ, CSV or NWB")
        self.window_png_action = self._action("&Whole window (PNG)…", self.export_window_dialog)
        self.view_figure_action = self._action("&Active view (PNG, SVG, CSV)…", self.export_view_dialog)
        self.view_figure_action.setToolTip("The view that has the focus (or the first one shown)")
        self.figure_menu = QMenu("Export &figure", window)
        self.figure_menu.addAction(self.window_png_action)
        self.figure_menu.addAction(self.view_figure_action)
        self.memory = RecorderMemory(window)
        window.statusBar().addPermanentWidget(self.memory)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put the entries into ``menu`` (after what it has), between two separators."""
        menu.addSeparator()
        for action in (self.save_action, self.save_as_action, self.load_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addMenu(self.figure_menu)
        menu.addSeparator()

    # ------------------------------------------------------------------ the active view
    def views(self) -> list[QWidget]:
        """The live views of the window, in dock order."""
        docks = getattr(self.window, "docks", None)
        return list(getattr(docks, "views", {}).values())

    def active_view(self) -> QWidget | None:
        """The view that has (or last had) the focus while shown, else the first view shown."""
        shown = [v for v in self.views() if v.isVisible()]
        if self._last_view in shown:
            return self._last_view
        return shown[0] if shown else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        views = self.views()
        while new is not None:
            if new in views:
                self._last_view = new
                return
            new = new.parentWidget()

    # ------------------------------------------------------------------ figures
    def export_window_dialog(self) -> list[str]:
        """Export figure ▸ Whole window (PNG)…"""
        answer = prompts.ask_save_path(
            self.window, "Export the window", "mnn-studio.png", prompts.FIGURE_FILTERS["png"]
        )
        if answer is None:
            return []
        path = answer[0] if answer[0].lower().endswith(".png") else answer[0] + ".png"
        return self._figure(lambda: figures.export_window_png(self.window, path), path)

    def export_view_dialog(self) -> list[str]:
        """Export figure ▸ Active view…: PNG, SVG or CSV by the chosen filter."""
        view = self.active_view()
        if view is None:
            dialogs.warn(self.window, "No view to export", "Show a view first (View menu).")
            return []
        answer = prompts.ask_save_path(
            self.window, "Export the active view", "view.png", ";;".join(prompts.FIGURE_FILTERS.values())
        )
        if answer is None:
            return []
        path, chosen = answer
        fmt = next((f for f, text in prompts.FIGURE_FILTERS.items() if text == chosen), None)
        ext = os.path.splitext(path)[1].lstrip(".").lower()
        fmt = fmt or (ext if ext in figures.FIGURE_FORMATS else "png")
        if ext != fmt:
            path += "." + fmt
        return self._figure(lambda: figures.export_view(view, path, fmt), path)

    def _figure(self, export: Any, path: str) -> list[str]:
        try:
            written = export()
        except Exception as exc:  # noqa: BLE001 - shown, never a crash of the window
            dialogs.warn(
                self.window, "Cannot export the figure", f"{path}: {exc}", details=f"{type(exc).__name__}"
            )
            return []
        self.window.statusBar().showMessage(
            "Exported " + ", ".join(os.path.basename(p) for p in written), 8000
        )
        return written

    # ------------------------------------------------------------------ closing
    def eventFilter(self, obj: QObject | None, event: QEvent | None) -> bool:  # noqa: N802 - Qt override
        """On the window's close: cancel a running export and stop the memory timer."""
        if obj is self.window and event is not None and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop what runs in the background (export thread, memory timer)."""
        self.memory.timer.stop()
        self.recordings.shutdown()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except TypeError:
                pass


def install_file_actions(window: Any, file_menu: QMenu) -> FileActions:
    """Add the workbench's entries to ``file_menu`` and its memory indicator to the status bar."""
    actions = FileActions(window)
    actions.add_to(file_menu)
    return actions
