"""MainWindow: composes the bridge, the docks, the menus, the toolbar and the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QSettings
from PyQt6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PyQt6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from engine.exceptions import IterationCountError
from engine.runtime.limits import check_iterations
from studio import dialogs
from studio.core.runner_bridge import SimBridge
from studio.core.script_loading import LoadedNetwork, ScriptLoadError, load_network_script
from studio.core.selection import Selection
from studio.dock_table import DOCKS, DockSpec
from studio.docks import DockManager
from studio.panels.error_panel import ErrorPanel
from studio.panels.network_tree import NetworkTree
from studio.panels.run_controls import RunControls
from studio.panels.status import StatusPanel
from studio.parameters.edits import EditController
from studio.plugins.tab_modules import TabModuleError
from studio.plugins.tab_set import TabSet
from studio.scripts.browser import ExampleBrowser
from studio.scripts.choice import ScriptChoicePanel
from studio.scripts.drop import ScriptDropFilter
from studio.scripts.recent_files import RecentFiles, RecentFilesMenu
from studio.sweep.actions import sweep_action
from studio.workbench.file_actions import install_file_actions

#: Display budgets (share of the GUI thread the views may use while the engine runs unthrottled).
DISPLAY_BUDGETS = [
    ("Fastest simulation (views ≤ 5 % of the time)", 0.05),
    ("Balanced (≤ 25 %)", 0.25),
    ("Smooth views (every frame)", 1.0),
]


class MainWindow(QMainWindow):
    """The studio window: live views of one network stepped by an ``engine.Runner``.

    The docks are built from the dock table (:data:`studio.dock_table.DOCKS`) by ``self.docks``
    (a :class:`~studio.docks.DockManager`); the window keeps handles on the few it talks to.

    Parameters
    ----------
    settings: where geometry, dock layout and run speed are kept (None: remember nothing).
    fps: rate of the view timer (<= 60).
    speed: initial target iterations/s (None = as fast as possible); a remembered speed wins.
    docks: the dock table to build (default: :data:`studio.dock_table.DOCKS`).
    """

    def __init__(
        self,
        settings: QSettings | None = None,
        fps: float = 30.0,
        speed: float | None = None,
        parent: QWidget | None = None,
        docks: Sequence[DockSpec] = DOCKS,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.loaded: LoadedNetwork | None = None
        self.setWindowTitle("mnn-studio")
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.bridge = SimBridge(fps=fps, parent=self)
        self.selection = Selection(self)
        self.controls = RunControls(self.bridge, self)
        self.controls.reset_requested.connect(self.reset_network)
        self.addToolBar(self.controls.build_toolbar(self))
        self.edits = EditController(self.bridge.runner, self)  # parameter panel, event log, undo
        self.bridge.network_changed.connect(lambda _net: self.edits.set_runner(self.bridge.runner))
        self.recent = RecentFiles(settings, parent=self)
        self.docks = DockManager(self, settings, self._make_view)
        self.docks.build(docks)
        self.tree: NetworkTree = self.docks.content("network")
        self.error_panel: ErrorPanel = self.docks.content("error")
        self.example_browser: ExampleBrowser = self.docks.content("examples")
        self.tab_set = TabSet(self)  # PymoNNto tabs: the script's, the behaviors', loaded tab modules
        self._build_menus()
        self.status = StatusPanel(self.statusBar(), self.bridge)
        self.bridge.error_raised.connect(self._on_runner_error)
        self.bridge.state_changed.connect(self._on_state)
        self.resize(1440, 900)
        self.docks.remember_default()
        self.docks.restore()
        self.controls.set_speed(self._remembered_speed(speed))
        self.tree.setFocus()
        self.drop_filter = ScriptDropFilter(self, self.load_script)
        self.script_choice = ScriptChoicePanel(self)

    # ------------------------------------------------------------------ construction
    def _make_view(self, cls: type) -> QWidget:
        view = cls(self.bridge, self.selection)
        if self.bridge.network is not None:
            view.on_network_changed(self.bridge.network)
        return view

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_action = QAction("&Open script…", self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.triggered.connect(self.open_script_dialog)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentFilesMenu(
            self.recent,
            self.load_script,
            self,
            on_missing=lambda p: self.statusBar().showMessage(
                f"{p.name} no longer exists (removed from the list)", 8000
            ),
        )
        file_menu.addMenu(self.recent_menu)
        self.examples_action = QAction("&Examples…", self)
        self.examples_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.examples_action.triggered.connect(self.show_examples)
        file_menu.addAction(self.examples_action)
        self.load_tabs_action = QAction("Load &tab module…", self)
        self.load_tabs_action.setToolTip("Add the PymoNNto tabs (TabBase subclasses) of a .py file")
        self.load_tabs_action.triggered.connect(self.load_tab_module_dialog)
        file_menu.addAction(self.load_tabs_action)
        file_menu.addAction(self.controls.reset_action)
        self.workbench = install_file_actions(self, file_menu)  # state files, exports, memory
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addAction(self.edits.undo_action)  # Ctrl+Z, through the runner
        self.edit_menu.addAction(self.edits.redo_action)  # Ctrl+Shift+Z
        run_menu = bar.addMenu("&Run")
        c = self.controls
        for action in (c.run_action, c.step_action, c.run_n_action, c.cancel_action):
            run_menu.addAction(action)
        run_menu.addAction(sweep_action(self))  # Run → Sweep…: the Sweep dock, runs on Dask
        if "figures" in self.docks.contents:  # the rest of a script runs after its iterations
            analysis = self.docks.content("figures").analysis
            run_menu.addSeparator()
            run_menu.addAction(analysis.rerun_action)
            analysis.failed.connect(self._on_runner_error)  # an error of the rest: the error dock
            analysis.succeeded.connect(self._on_state)  # a clean rerun clears it
        self.view_menu = bar.addMenu("&View")
        self.docks.build_menu(self.view_menu)
        self.view_menu.addMenu(self.display_menu())
        help_menu = bar.addMenu("&Help")
        shortcuts = QAction("Keyboard shortcuts", self)
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)

    def _remembered_speed(self, default: float | None) -> float | None:
        if self.settings is None or self.settings.value("run/speed") is None:
            return default
        value = str(self.settings.value("run/speed"))
        return None if value in ("", "max") else float(value)

    def display_menu(self) -> QMenu:
        """View → Display: how much GUI time the views may take while the engine runs at max speed."""
        menu = QMenu("Display while running at max speed", self)
        group = QActionGroup(self)
        for label, budget in DISPLAY_BUDGETS:
            action = QAction(label, self, checkable=True)
            action.setChecked(budget == self.bridge.budget)
            action.triggered.connect(lambda _c=False, b=budget: setattr(self.bridge, "budget", b))
            group.addAction(action)
            menu.addAction(action)
        return menu

    def show_shortcuts(self) -> QMessageBox:
        """A non-modal list of the keyboard shortcuts."""
        edits = self.edits
        rows = [
            (a.text().replace("&", ""), a.shortcut().toString())
            for a in (
                self.controls.run_action,
                self.controls.step_action,
                self.controls.run_n_action,
                self.controls.cancel_action,
                self.controls.reset_action,
                self.open_action,
                self.examples_action,
                self.docks.docks["console"].toggleViewAction(),
                edits.undo_action,
                edits.redo_action,
            )
            if not a.shortcut().isEmpty()
        ]
        text = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;{name}</td></tr>" for name, k in rows)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Keyboard shortcuts",
            f"<table>{text}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setModal(False)
        box.show()
        return box

    # ------------------------------------------------------------------ views
    def view(self, name: str) -> Any:
        """The live view in dock ``name`` ('traces', 'raster', 'grid', 'weights', ...)."""
        return self.docks.views[name]

    # ------------------------------------------------------------------ networks
    def load_script(self, path: str | Path) -> bool:
        """Build the network of a script and show it. On failure a dialog explains why and the
        current network keeps running / its state."""
        try:
            loaded = load_network_script(path)
        except ScriptLoadError as exc:
            dialogs.warn(self, "Cannot open script", str(exc), details=exc.details)
            return False
        self.set_loaded(loaded)
        self.recent.add(loaded.script)
        return True

    def set_loaded(self, loaded: LoadedNetwork) -> None:
        """Replace the current network (its runner is stopped) by ``loaded``."""
        self.loaded = loaded
        self.selection.clear()
        self.error_panel.show_error(None)
        self.docks.docks["error"].hide()
        net = loaded.network
        self.bridge.set_network(net)
        self.controls.set_speed(self.controls.speed())
        groups = list(net.NeuronGroups)
        self.tree.set_network(net, loaded.title)
        if groups:
            self.selection.set_group(groups[0])
        if loaded.requested_iterations:
            try:
                self.controls.n_spin.setValue(
                    check_iterations(loaded.requested_iterations, "the script's request")
                )
            except IterationCountError as exc:
                self.statusBar().showMessage(f"{exc} — set Run N yourself", 15000)
        self.controls.reset_action.setEnabled(loaded.script is not None)
        name = loaded.script.name if loaded.script is not None else loaded.title
        self.setWindowTitle(
            f"{loaded.title} — mnn-studio" if loaded.title != name else f"{name} — mnn-studio"
        )
        self.script_choice.offer(loaded)
        if "figures" in self.docks.contents:  # the rest of the script: after the requested iterations
            self.docks.content("figures").set_loaded(loaded)

    def load_tab_module_dialog(self) -> None:
        """File → Load tab module…: pick a .py file; its tabs open now and after every reload."""
        start = str(self.loaded.script.parent) if self.loaded and self.loaded.script else ""
        path = dialogs.ask_open_script(self, start, title="Load tab module")
        if path:
            self.load_tab_module(path)

    def load_tab_module(self, path: str | Path) -> bool:
        """Add the tabs of the tab module at ``path`` (a dialog says why when it cannot)."""
        try:
            self.tab_set.load_file(path)
        except TabModuleError as exc:
            dialogs.warn(self, "Cannot load tab module", str(exc), details=exc.details)
            return False
        return True

    def show_tab_error(self, headline: str, details: str) -> None:
        """A plug-in tab failed (the run goes on): show it in the error dock."""
        self.error_panel.show_report(headline, details)
        dock = self.docks.docks["error"]
        dock.show()
        dock.raise_()

    def show_examples(self) -> None:
        """File → Examples: show the example browser dock and put the cursor in its search box."""
        dock = self.docks.docks["examples"]
        dock.show()
        dock.raise_()
        self.example_browser.search.setFocus()

    def open_script_dialog(self) -> None:
        """File → Open."""
        start = str(self.loaded.script.parent) if self.loaded and self.loaded.script else ""
        path = dialogs.ask_open_script(self, start)
        if path:
            self.load_script(path)

    def reset_network(self) -> None:
        """Rebuild the network from its script (the initial state); views keep their choices."""
        if self.loaded is None or self.loaded.script is None:
            return
        self.load_script(self.loaded.script)

    # ------------------------------------------------------------------ events
    def _on_runner_error(self, err: Any) -> None:
        self.error_panel.show_error(err)
        dock = self.docks.docks["error"]
        dock.show()
        dock.raise_()
        self.tree.refresh_behavior_states()

    def _on_state(self) -> None:
        if self.bridge.error is None and self.error_panel.error is not None:
            self.error_panel.show_error(None)
            self.docks.docks["error"].hide()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save the layout and stop the runner (joins its thread) before closing."""
        self.docks.save()
        if self.settings is not None:
            speed = self.controls.speed()
            self.settings.setValue("run/speed", "max" if speed is None else speed)
        self.docks.shutdown()  # the console's kernel, before the runner stops
        self.bridge.shutdown()
        super().closeEvent(event)
