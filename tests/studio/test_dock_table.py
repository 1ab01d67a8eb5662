"""The dock table (:mod:`studio.dock_table`): the window's docks are exactly the table's entries, a
bad entry is refused with the dock's name, and a new dock is one entry (built, listed in the View
menu, its layout saved and restored like the others).

The docks inside a running window: tests/studio/test_window_layout.py.
"""

from __future__ import annotations

import pytest
from PyQt6.QtCore import QSettings
from PyQt6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from studio.dock_table import BELOW, BESIDE, BOTTOM, DOCKS, LEFT, RIGHT, DockSpec, view_dock
from studio.docks import DockManager

#: The docks the default layout hides (one View menu click away).
HIDDEN_BY_DEFAULT = {"error", "figures", "event_log", "console", "sweep"}
NOTE_TEXT = "a dock added by one table entry"


def _toggles(window) -> list:
    """The View menu's dock toggles: every action before its first separator."""
    toggles = []
    for action in window.view_menu.actions():
        if action.isSeparator():
            break
        toggles.append(action)
    return toggles


def _note(_window) -> QWidget:
    return QLabel(NOTE_TEXT)


# ------------------------------------------------------------------------------------------ the table
def test_the_table_lists_the_twelve_docks_of_the_window_in_order():
    assert [s.name for s in DOCKS] == [
        "network",
        "traces",
        "grid",
        "raster",
        "weights",
        "error",
        "parameters",
        "examples",
        "figures",
        "event_log",
        "console",
        "sweep",
    ]
    assert {s.name for s in DOCKS if not s.visible} == HIDDEN_BY_DEFAULT
    views = {s.name: (s.view, s.title, s.factory) for s in DOCKS if s.view is not None}
    assert views == {
        "traces": ("traces", "Traces", None),
        "grid": ("grid", "Activity grid", None),
        "raster": ("raster", "Spike raster", None),
        "weights": ("weights", "Weights", None),
    }


def test_window_docks_are_exactly_the_table(make_window):
    w = make_window()
    names = [s.name for s in DOCKS]
    assert list(w.docks.docks) == names
    assert list(w.docks.views) == ["traces", "grid", "raster", "weights"]
    assert w.docks.extra == []
    # every QDockWidget of the window is one of them (nothing built outside the table)
    assert sorted(d.objectName() for d in w.findChildren(QDockWidget)) == sorted(names)
    for spec in DOCKS:
        dock = w.docks.docks[spec.name]
        assert dock.objectName() == spec.name
        assert dock.windowTitle() == spec.title
        assert w.dockWidgetArea(dock) == spec.area, spec.name
        assert dock.isHidden() == (not spec.visible), spec.name
    # one View menu toggle per dock, in table order, named by its title and checked when shown
    toggles = _toggles(w)
    assert toggles == [w.docks.docks[n].toggleViewAction() for n in names]
    assert [a.text() for a in toggles] == [s.title for s in DOCKS]
    assert [a.isChecked() for a in toggles] == [s.visible for s in DOCKS]
    # tab groups of shown docks (Qt lists hidden ones as tabified with nothing; showing the console
    # would start its kernel): examples shares a tab group with network, network's tab is raised
    shown_tabbed = [s for s in DOCKS if s.tabify_with is not None and s.visible]
    assert [(s.name, s.tabify_with) for s in shown_tabbed] == [("examples", "network")]
    examples, network = w.docks.docks["examples"], w.docks.docks["network"]
    assert w.tabifiedDockWidgets(examples) == [network]
    assert not network.visibleRegion().isEmpty() and examples.visibleRegion().isEmpty()


def test_a_view_menu_toggle_shows_and_hides_its_dock(make_window):
    w = make_window()
    event_log = w.docks.docks["event_log"]
    toggle = _toggles(w)[[s.name for s in DOCKS].index("event_log")]
    assert toggle.text() == "Event log" and event_log.isHidden()
    toggle.trigger()
    assert event_log.isVisible() and toggle.isChecked()
    toggle.trigger()
    assert event_log.isHidden() and not toggle.isChecked()


def test_view_dock_takes_its_title_from_the_view_registry():
    spec = view_dock("raster", name="raster_left", area=LEFT, visible=False)
    assert (spec.name, spec.title, spec.area, spec.view, spec.factory, spec.visible) == (
        "raster_left",
        "Spike raster",
        LEFT,
        "raster",
        None,
        False,
    )
    assert view_dock("weights").name == "weights"
    with pytest.raises(KeyError, match="no view kind 'nope'"):
        view_dock("nope")


# ------------------------------------------------------------------------------------------ validation
def test_a_spec_needs_exactly_one_of_factory_and_view():
    with pytest.raises(ValueError, match="dock 'both': give either a factory or a view name"):
        DockSpec("both", "Both", RIGHT, factory=_note, view="traces")
    with pytest.raises(ValueError, match="dock 'neither': give either a factory or a view name"):
        DockSpec("neither", "Neither", RIGHT)
    assert DockSpec("one", "One", RIGHT, factory=_note).view is None


def test_the_manager_refuses_duplicates_and_placement_by_later_docks(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    manager = DockManager(window, None, lambda cls: QLabel("no views here"))
    with pytest.raises(ValueError, match="dock 'b' is placed by 'a', which is not built"):
        manager.build([DockSpec("b", "B", RIGHT, _note, tabify_with="a")])
    with pytest.raises(ValueError, match="dock 'c' is placed by 'a', which is not built"):
        manager.create(DockSpec("c", "C", RIGHT, _note, split=("a", BELOW)))
    manager.create(DockSpec("a", "A", RIGHT, _note))
    with pytest.raises(ValueError, match="a dock named 'a' exists already"):
        manager.create(DockSpec("a", "A again", RIGHT, _note))
    assert list(manager.docks) == ["a"]


# ------------------------------------------------------------------------------------------ one entry
@pytest.fixture
def table_with_notes() -> tuple[DockSpec, ...]:
    """The window's table plus a "Notes" dock (a QLabel) beside the error dock, shown."""
    spec = DockSpec("notes", "Notes", BOTTOM, _note, split=("error", BESIDE))
    return (*DOCKS, spec)


def test_a_new_dock_is_one_table_entry(table_with_notes, make_window):
    w = make_window(docks=table_with_notes)
    assert list(w.docks.docks) == [s.name for s in table_with_notes]
    notes = w.docks.docks["notes"]
    assert notes.objectName() == "notes" and notes.windowTitle() == "Notes"
    assert w.dockWidgetArea(notes) == BOTTOM
    label = w.docks.content("notes")
    assert isinstance(label, QLabel) and label.text() == NOTE_TEXT and notes.widget() is label
    assert notes.isVisible() and label.isVisible()
    toggles = _toggles(w)
    assert toggles[-1] is notes.toggleViewAction() and toggles[-1].text() == "Notes"
    assert len(toggles) == len(DOCKS) + 1


def test_the_new_docks_layout_is_saved_and_restored(table_with_notes, make_window, settings_file):
    w = make_window(docks=table_with_notes)
    notes = w.docks.docks["notes"]
    w.docks.save()  # shown
    notes.hide()
    assert not notes.toggleViewAction().isChecked()
    assert w.docks.restore()
    assert notes.isVisible() and notes.toggleViewAction().isChecked()
    # hidden when the window closes (which saves): a new window starts with it hidden
    notes.toggleViewAction().trigger()
    assert notes.isHidden()
    w.close()
    saved = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert int(saved.value("layout/version")) == 1 and saved.value("layout/state") is not None
    w2 = make_window(docks=table_with_notes)
    notes2 = w2.docks.docks["notes"]
    assert notes2.isHidden() and w2.docks.content("notes").text() == NOTE_TEXT
    # "Reset layout" goes back to the table's default: shown
    w2.docks.reset_action.trigger()
    assert notes2.isVisible()
