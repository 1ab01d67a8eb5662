"""The dock table: every dock of the main window, declared once.

One :class:`DockSpec` per dock gives its name (the object name that ``QMainWindow.saveState`` /
``restoreState`` remember the layout by, and the key of ``window.docks.docks``), its title, its
area, where it goes in the default layout (split beside or tabbed with an earlier dock, shown or
hidden, its size) and the factory of its widget. :class:`studio.docks.DockManager` builds the
docks, the View menu toggles and the saved layout from :data:`DOCKS`, in table order.

Adding a dock: write its widget in its own module, then add one entry below (with a factory of
a few lines when the widget needs wiring to the window). Live views come from the view registry
(:mod:`studio.views.registry`) through :func:`view_dock`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QWidget

from studio.console.dock import ConsoleDock
from studio.core.runner_bridge import SimBridge
from studio.core.selection import Selection
from studio.event_log.dock import EventLogDock
from studio.figures.panel import FiguresPanel
from studio.panels.error_panel import ErrorPanel
from studio.panels.network_tree import NetworkTree
from studio.parameters.dock import ParameterDock
from studio.parameters.edits import EditController
from studio.scripts.browser import ExampleBrowser
from studio.sweep.dock import SweepDock
from studio.views.registry import view_type

__all__ = ["DockHost", "DockSpec", "DOCKS", "view_dock", "LEFT", "RIGHT", "BOTTOM", "BELOW", "BESIDE"]

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
#: Split orientations: the new dock goes below / to the right of the one it splits.
BELOW = Qt.Orientation.Vertical
BESIDE = Qt.Orientation.Horizontal


class DockHost(Protocol):
    """What a dock factory may use of the window (a :class:`studio.main_window.MainWindow`)."""

    bridge: SimBridge
    selection: Selection
    edits: EditController

    def load_script(self, path: Any) -> bool: ...


@dataclass(frozen=True)
class DockSpec:
    """One dock of the window.

    Attributes
    ----------
    name: object name (saved layout) and key in ``DockManager.docks``; unique.
    title: the dock's title and its View menu entry.
    area: where it is added.
    factory: ``factory(window) -> QWidget``; a returned ``QDockWidget`` is used as the dock itself
        (it gets ``name`` and ``title``), any other widget is wrapped in one. None for a view dock.
    view: registry name of a live view (:mod:`studio.views.registry`) shown in this dock.
    split: ``(other, orientation)``: the dock is placed below (``BELOW``) or beside (``BESIDE``) the
        earlier dock ``other``.
    tabify_with: an earlier dock this one shares tabs with.
    visible: shown in the default layout (hidden docks are one View menu click away).
    raised: the visible tab of its tab group.
    width, height: initial size in the default layout (pixels), when it matters.
    """

    name: str
    title: str
    area: Qt.DockWidgetArea
    factory: Callable[[DockHost], QWidget] | None = None
    view: str | None = None
    split: tuple[str, Qt.Orientation] | None = None
    tabify_with: str | None = None
    visible: bool = True
    raised: bool = False
    width: int | None = None
    height: int | None = None

    def __post_init__(self) -> None:
        if (self.factory is None) == (self.view is None):
            raise ValueError(f"dock {self.name!r}: give either a factory or a view name")


def view_dock(view: str, name: str | None = None, area: Qt.DockWidgetArea = RIGHT, **layout: Any) -> DockSpec:
    """The dock of a live view of kind ``view``; title from the registry, name = ``view`` by default."""
    return DockSpec(name or view, view_type(view).title, area, view=view, **layout)


# ------------------------------------------------------------------------------------------ factories
def _network_tree(w: DockHost) -> QWidget:
    return NetworkTree(w.selection)


def _examples(w: DockHost) -> QWidget:
    return ExampleBrowser(open_script=w.load_script)


def _error(w: DockHost) -> QWidget:
    return ErrorPanel(w.bridge)


def _parameters(w: DockHost) -> QWidget:
    """Follows the selected group or synapse group; edits go through the window's controller."""
    dock = ParameterDock(controller=w.edits)

    def follow(obj: Any) -> None:
        if obj is not None:
            dock.set_target(obj)

    w.selection.group_changed.connect(follow)
    w.selection.synapse_group_changed.connect(follow)
    return dock


def _figures(w: DockHost) -> QWidget:
    """The figures of the rest of a script (the window arms it in ``set_loaded``)."""
    return FiguresPanel(w.bridge)


def _sweep(w: DockHost) -> QWidget:
    """Run → Sweep… fills it; "Open this run" loads a row's run into the window."""
    return SweepDock(window=w)


def _event_log(w: DockHost) -> QWidget:
    return EventLogDock(w.edits)


def _console(w: DockHost) -> QWidget:
    """Its kernel starts when first shown; re-bound to every new network."""
    dock = ConsoleDock(
        load=w.load_script,
        selected_group=lambda: w.selection.group,
        selected_neuron=lambda: w.selection.neuron,
    )
    w.bridge.network_changed.connect(lambda _net: dock.bind(w.bridge.runner))
    return dock


# ------------------------------------------------------------------------------------------ the table
#: The window's docks in build order (a dock may split or tabify only with an earlier one); the
#: View menu lists them in this order.
DOCKS: tuple[DockSpec, ...] = (
    DockSpec("network", "Network", LEFT, _network_tree, raised=True, width=310, height=330),
    view_dock("traces", width=720, height=420),
    view_dock("grid", split=("traces", BESIDE), width=400),
    view_dock("raster", split=("traces", BELOW), height=420),
    view_dock("weights", split=("grid", BELOW)),
    DockSpec("error", "Error", BOTTOM, _error, visible=False),
    DockSpec("parameters", "Parameters", LEFT, _parameters, split=("network", BELOW), height=510),
    DockSpec("examples", "Examples", LEFT, _examples, tabify_with="network"),
    DockSpec("figures", "Figures", RIGHT, _figures, tabify_with="raster", visible=False),
    DockSpec("event_log", "Event log", BOTTOM, _event_log, visible=False),
    DockSpec("console", "Console", BOTTOM, _console, tabify_with="event_log", visible=False),
    DockSpec("sweep", "Sweep", BOTTOM, _sweep, tabify_with="event_log", visible=False),
)
