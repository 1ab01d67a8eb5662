"""The feature docks around the live views: parameters, event log and the IPython console.

Kept out of main_window.py so that the window only composes; each dock lives in its own module
(studio.parameters.dock, studio.event_log.dock, studio.console.dock) and is wired here to the
window's selection, bridge (runner) and menus.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMainWindow, QMenu

from studio.console.dock import ConsoleDock
from studio.event_log.dock import EventLogDock
from studio.parameters.dock import ParameterDock

Area = Qt.DockWidgetArea


class FeatureDocks:
    """Creates the parameter, event-log and console docks of ``window`` and keeps them bound.

    ``window`` is a :class:`studio.main_window.MainWindow` (bridge, selection, docks,
    load_script); the docks follow the selected group and every newly loaded network.
    """

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        bridge, selection = window.bridge, window.selection
        self.parameters = ParameterDock(bridge.runner, window)
        self.parameters.setObjectName("parameters")
        self.event_log = EventLogDock(self.parameters.controller, window)
        self.event_log.setObjectName("event_log")
        self.console = ConsoleDock(
            window,
            load=window.load_script,
            selected_group=lambda: selection.group,
            selected_neuron=lambda: selection.neuron,
        )
        self.console.setObjectName("console")
        selection.group_changed.connect(self._follow)
        selection.synapse_group_changed.connect(self._follow)
        bridge.network_changed.connect(self._on_network_changed)

    def place(self, beside: Any) -> None:
        """Add the docks to the window: parameters under ``beside`` (the network tree), the
        event log and the console (hidden until asked for: its kernel starts on first show)
        tabbed at the bottom."""
        docks = self.window.docks
        docks.register(self.parameters, Area.LeftDockWidgetArea)
        self.window.splitDockWidget(beside, self.parameters, Qt.Orientation.Vertical)
        docks.register(self.event_log, Area.BottomDockWidgetArea)
        docks.register(self.console, Area.BottomDockWidgetArea)
        self.window.tabifyDockWidget(self.event_log, self.console)
        self.event_log.hide()
        self.console.hide()

    def build_edit_menu(self, menu: QMenu) -> None:
        """Undo / Redo (Ctrl+Z, Ctrl+Shift+Z) of parameter edits, through the runner."""
        controller = self.parameters.controller
        menu.addAction(controller.undo_action)
        menu.addAction(controller.redo_action)

    def _follow(self, obj: Any) -> None:
        if obj is not None:
            self.parameters.set_target(obj)

    def _on_network_changed(self, _net: Any) -> None:
        runner = self.window.bridge.runner
        self.parameters.set_runner(runner)
        self.console.bind(runner)

    def shutdown(self) -> None:
        """Stop the console kernel (before the runner stops)."""
        self.console.shutdown()
