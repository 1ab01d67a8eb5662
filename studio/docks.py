"""DockManager: builds the window's docks from the dock table, keeps the View menu in sync and saves /
restores the layout.

What the docks are is declared in :mod:`studio.dock_table`; which views exist, in
:mod:`studio.views.registry`. This module only turns those tables into ``QDockWidget`` objects:
the layout is ``QMainWindow.saveState`` / ``restoreState`` keyed by each dock's object name (its
table name), plus the list of extra views (``raster_2``, ...) to re-create before restoring.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from PyQt6.QtCore import QByteArray, QSettings, Qt
from PyQt6.QtGui import QAction
from PyQt6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from studio import dialogs
from studio.dock_table import RIGHT, DockSpec
from studio.views.registry import available_views, view_type

__all__ = ["DockManager", "Closable"]

_LAYOUT_VERSION = 1
_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


@runtime_checkable
class Closable(Protocol):
    """A dock content with resources to release when the window closes (before the runner stops)."""

    def shutdown(self) -> None: ...


class DockManager:
    """The docks of ``window``: built from a table, listed in the View menu, saved in ``settings``.

    Parameters
    ----------
    window: the main window; dock factories receive it.
    settings: where the layout is kept (None: remember nothing).
    view_factory: ``view_factory(cls) -> QWidget`` makes a live view of a registered class.

    Attributes
    ----------
    docks: ``{name: QDockWidget}`` in creation order.
    contents: ``{name: widget}``: what each factory returned (the dock itself for dock classes).
    views: ``{name: view}`` for the live-view docks (default and extra ones).
    extra: names of the extra view docks opened with "New view".
    """

    def __init__(
        self, window: QMainWindow, settings: QSettings | None, view_factory: Callable[[type], QWidget]
    ) -> None:
        self.window = window
        self.settings = settings
        self.view_factory = view_factory
        self.docks: dict[str, QDockWidget] = {}
        self.contents: dict[str, QWidget] = {}
        self.views: dict[str, QWidget] = {}
        self.extra: list[str] = []
        self.view_menu: QMenu | None = None
        self._menu_anchor: QAction | None = None
        self._default_state: QByteArray | None = None

    # ------------------------------------------------------------------ creation
    def build(self, table: Sequence[DockSpec]) -> None:
        """Create every dock of ``table`` in order and lay them out as the table says."""
        for spec in table:
            self.create(spec)
        for spec in table:
            if not spec.visible:
                self.docks[spec.name].hide()
            elif spec.raised:
                self.docks[spec.name].raise_()
        for orientation, sized in (
            (Qt.Orientation.Horizontal, [(s.name, s.width) for s in table if s.width]),
            (Qt.Orientation.Vertical, [(s.name, s.height) for s in table if s.height]),
        ):
            if sized:
                self.window.resizeDocks(
                    [self.docks[n] for n, _ in sized], [size for _, size in sized], orientation
                )

    def create(self, spec: DockSpec, view_factory: Callable[[type], QWidget] | None = None) -> QDockWidget:
        """Create the dock of ``spec``, add it to the window (and the View menu) and place it.

        A view dock's widget is made by ``view_factory`` (default: the manager's)."""
        if spec.name in self.docks:
            raise ValueError(f"a dock named {spec.name!r} exists already")
        for other in (spec.split[0] if spec.split else None, spec.tabify_with):
            if other is not None and other not in self.docks:
                raise ValueError(f"dock {spec.name!r} is placed by {other!r}, which is not built (yet)")
        if spec.view is not None:
            content = (view_factory or self.view_factory)(view_type(spec.view).load())
        else:
            content = spec.factory(self.window)
        if isinstance(content, QDockWidget):
            dock = content
            dock.setWindowTitle(spec.title)
        else:
            dock = QDockWidget(spec.title, self.window)
            dock.setWidget(content)
        dock.setObjectName(spec.name)
        dock.setFeatures(_FEATURES)
        self.window.addDockWidget(spec.area, dock)
        if spec.split is not None:
            other, orientation = spec.split
            self.window.splitDockWidget(self.docks[other], dock, orientation)
        if spec.tabify_with is not None:
            self.window.tabifyDockWidget(self.docks[spec.tabify_with], dock)
        self.docks[spec.name] = dock
        self.contents[spec.name] = content
        if spec.view is not None:
            self.views[spec.name] = content
        if self.view_menu is not None:
            self.view_menu.insertAction(self._menu_anchor, dock.toggleViewAction())
        return dock

    def open_extra(self, kind: str, view_factory: Callable[[type], QWidget] | None = None) -> QDockWidget:
        """Open another view of ``kind`` (named ``kind_2``, ``kind_3``, ...) and show it.

        ``view_factory(cls)`` makes the view (default: the manager's)."""
        k = 2
        while f"{kind}_{k}" in self.docks:
            k += 1
        return self._add_extra(kind, k, view_factory)

    def _open_from_menu(self, kind: str) -> None:
        """ "New view" entry: a view that cannot be made (a plug-in's broken import, a constructor
        that raises) is reported in a dialog; the window goes on."""
        try:
            self.open_extra(kind)
        except Exception as exc:  # noqa: BLE001 - third-party view code must not end the studio
            dialogs.warn(
                self.window,
                "Cannot open view",
                f"The {kind!r} view could not be opened: {type(exc).__name__}: {exc}",
                traceback.format_exc(),
            )

    def _add_extra(
        self, kind: str, number: int, view_factory: Callable[[type], QWidget] | None = None
    ) -> QDockWidget:
        name = f"{kind}_{number}"
        dock = self.create(
            DockSpec(name, f"{view_type(kind).title} {number}", RIGHT, view=kind), view_factory
        )
        self.extra.append(name)
        dock.show()
        return dock

    def remove(self, name: str) -> None:
        """Take dock ``name`` out of the window and the View menu and delete it (no-op if absent)."""
        dock = self.docks.pop(name, None)
        if dock is None:
            return
        self.contents.pop(name, None)
        self.views.pop(name, None)
        if name in self.extra:
            self.extra.remove(name)
        if self.view_menu is not None:
            self.view_menu.removeAction(dock.toggleViewAction())
        self.window.removeDockWidget(dock)
        dock.deleteLater()

    def build_menu(self, menu: QMenu) -> None:
        """Fill the View menu: one toggle per dock, "New view" (one entry per registered view kind),
        "Reset layout"."""
        self.view_menu = menu
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())
        self._menu_anchor = menu.addSeparator()
        new_menu = menu.addMenu("New view")
        for kind, view in available_views().items():
            action = QAction(view.title, self.window)
            action.setToolTip(f"Open another {view.title.lower()} view (e.g. for a second group)")
            action.triggered.connect(lambda _c=False, k=kind: self._open_from_menu(k))
            new_menu.addAction(action)
        menu.addSeparator()
        self.reset_action = QAction("Reset layout", self.window)
        self.reset_action.triggered.connect(self.reset_layout)
        menu.addAction(self.reset_action)

    # ------------------------------------------------------------------ layout
    def remember_default(self) -> None:
        """Record the freshly built layout; "Reset layout" returns to it."""
        self._default_state = self.window.saveState(_LAYOUT_VERSION)

    def reset_layout(self) -> None:
        """Back to the default layout: extra views closed, default docks shown."""
        for name in list(self.extra):
            self.docks[name].hide()
        if self._default_state is not None:
            self.window.restoreState(self._default_state, _LAYOUT_VERSION)
        if self.settings is not None:
            self.settings.remove("layout")

    def restore(self) -> bool:
        """Restore geometry, extra views and dock state from the settings; False if none saved."""
        if self.settings is None:
            return False
        s = self.settings
        if int(s.value("layout/version", 0) or 0) != _LAYOUT_VERSION:
            return False
        kinds = available_views()
        for name in s.value("layout/extra", []) or []:
            kind, _, number = str(name).rpartition("_")
            if kind in kinds and number.isdigit() and str(name) not in self.docks:
                self._add_extra(kind, int(number))
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

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """Call ``shutdown()`` of every dock content that has one (the console's kernel)."""
        for content in self.contents.values():
            if isinstance(content, Closable):
                content.shutdown()

    def content(self, name: str) -> Any:
        """What the factory of dock ``name`` returned (the widget the window talks to)."""
        return self.contents[name]
