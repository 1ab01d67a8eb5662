"""DockManager: the view docks of the main window, the View menu and the saved layout."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QByteArray, QSettings, Qt
from PyQt6.QtGui import QAction
from PyQt6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from studio.views.grid import ActivityGridView
from studio.views.raster import RasterView
from studio.views.traces import TraceView
from studio.views.weights import WeightsView

#: View kinds that can be opened more than once (label, class).
VIEW_KINDS: dict[str, tuple[str, type]] = {
    "traces": ("Traces", TraceView),
    "raster": ("Spike raster", RasterView),
    "grid": ("Activity grid", ActivityGridView),
    "weights": ("Weights", WeightsView),
}
_LAYOUT_VERSION = 1
Area = Qt.DockWidgetArea


class DockManager:
    """Creates the docks, keeps the View menu in sync and saves / restores the layout."""

    def __init__(self, window: QMainWindow, settings: QSettings | None) -> None:
        self.window = window
        self.settings = settings
        self.docks: dict[str, QDockWidget] = {}
        self.views: dict[str, QWidget] = {}
        self.extra: list[str] = []  # object names of additional view docks
        self.view_menu: QMenu | None = None
        self._default_state: QByteArray | None = None
        self._default_geometry: QByteArray | None = None

    # ------------------------------------------------------------------ creation
    def register(self, dock: QDockWidget, area: Area) -> QDockWidget:
        """Add a ready-made dock (it must have an object name) to the window, menu and layout."""
        name = dock.objectName()
        assert name, "docks need an object name to be saved in the layout"
        self.window.addDockWidget(area, dock)
        self.docks[name] = dock
        if self.view_menu is not None:
            self.view_menu.insertAction(self._menu_anchor, dock.toggleViewAction())
        return dock

    def add(self, name: str, title: str, widget: QWidget, area: Area) -> QDockWidget:
        """Add a dock with a stable object name (needed by saveState)."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(area, dock)
        self.docks[name] = dock
        if self.view_menu is not None:
            self.view_menu.insertAction(self._menu_anchor, dock.toggleViewAction())
        return dock

    def add_view(
        self,
        kind: str,
        factory: Callable[[type], QWidget],
        name: str | None = None,
        area: Area = Area.RightDockWidgetArea,
    ) -> QDockWidget:
        """Add a live view dock of ``kind``; extra ones get names like ``raster_2``."""
        label, cls = VIEW_KINDS[kind]
        if name is None:
            k = 2
            while f"{kind}_{k}" in self.docks:
                k += 1
            name = f"{kind}_{k}"
            label = f"{label} {k}"
            self.extra.append(name)
        view = factory(cls)
        self.views[name] = view
        dock = self.add(name, label, view, area)
        if name in self.extra:
            dock.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        return dock

    def build_menu(self, menu: QMenu, factory: Callable[[type], QWidget]) -> None:
        """Fill the View menu: one toggle per dock, "New … view", "Reset layout"."""
        self.view_menu = menu
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())
        self._menu_anchor = menu.addSeparator()
        new_menu = menu.addMenu("New view")
        for kind, (label, _cls) in VIEW_KINDS.items():
            action = QAction(f"{label}", self.window)
            action.setToolTip(f"Open another {label.lower()} view (e.g. for a second group)")
            action.triggered.connect(lambda _c=False, k=kind: self.open_extra(k, factory))
            new_menu.addAction(action)
        menu.addSeparator()
        self.reset_action = QAction("Reset layout", self.window)
        self.reset_action.triggered.connect(self.reset_layout)
        menu.addAction(self.reset_action)

    def open_extra(self, kind: str, factory: Callable[[type], QWidget]) -> QDockWidget:
        """Open another view of ``kind`` (floating beside the others) and show it."""
        dock = self.add_view(kind, factory)
        dock.show()
        return dock

    # ------------------------------------------------------------------ layout
    def remember_default(self) -> None:
        """Record the freshly built layout; "Reset layout" returns to it."""
        self._default_state = self.window.saveState(_LAYOUT_VERSION)
        self._default_geometry = self.window.saveGeometry()

    def reset_layout(self) -> None:
        """Back to the default layout: extra views closed, default docks shown."""
        for name in list(self.extra):
            self.docks[name].hide()
        if self._default_state is not None:
            self.window.restoreState(self._default_state, _LAYOUT_VERSION)
        if self.settings is not None:
            self.settings.remove("layout")

    def restore(self, factory: Callable[[type], QWidget]) -> bool:
        """Restore geometry, extra views and dock state from the settings; False if none saved."""
        if self.settings is None:
            return False
        s = self.settings
        if int(s.value("layout/version", 0) or 0) != _LAYOUT_VERSION:
            return False
        for name in s.value("layout/extra", []) or []:
            kind = str(name).rsplit("_", 1)[0]
            if kind in VIEW_KINDS and name not in self.docks:
                self.add_view(kind, factory, name=str(name))
                self.extra.append(str(name))
        geometry, state = s.value("layout/geometry"), s.value("layout/state")
        ok = True
        if isinstance(geometry, QByteArray):
            ok = self.window.restoreGeometry(geometry) and ok
        if isinstance(state, QByteArray):
            ok = self.window.restoreState(state, _LAYOUT_VERSION) and ok
        return ok

    def save(self) -> None:
        """Write geometry, dock state and the extra views to the settings."""
        if self.settings is None:
            return
        s = self.settings
        s.setValue("layout/version", _LAYOUT_VERSION)
        s.setValue("layout/geometry", self.window.saveGeometry())
        s.setValue("layout/state", self.window.saveState(_LAYOUT_VERSION))
        s.setValue("layout/extra", [n for n in self.extra if not self.docks[n].isHidden()])
        s.sync()
