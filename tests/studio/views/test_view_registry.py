"""The view registry (:mod:`studio.views.registry`): the built-in kinds, names it refuses, and a view
kind registered from outside the studio that the window offers in "View → New view", opens as an
extra dock that updates while the network runs, and brings back with the saved layout.

Each test that registers a kind works on a private copy of the registry (``monkeypatch``), so
nothing registered here leaks into other tests.
"""

from __future__ import annotations

import pytest
from PyQt6.QtWidgets import QLabel, QMenu, QWidget

from studio.core.runner_bridge import SimBridge
from studio.core.selection import Selection
from studio.views import registry
from studio.views.base import LiveView
from studio.views.registry import (
    BUILTIN_VIEWS,
    ViewType,
    available_views,
    make_view,
    register_view,
    view_type,
)
from studio.views.traces import TraceView

WAIT_MS = 20000


class CountingView(LiveView):
    """Counts its redraws and shows the iteration it drew last (``it 123``)."""

    def build_body(self) -> QWidget:
        self.updates = 0
        self.drawn: list[int] = []
        self.label = QLabel("nothing drawn")
        return self.label

    def update_view(self) -> None:
        self.updates += 1
        it = self.bridge.iteration
        self.drawn.append(it)
        self.label.setText(f"it {it}")


@pytest.fixture
def private_registry(monkeypatch: pytest.MonkeyPatch) -> dict:
    """An empty registry of added kinds for this test only (the built-ins are a tuple, untouched)."""
    added: dict = {}
    monkeypatch.setattr(registry, "_registered", added)
    return added


@pytest.fixture
def counting(private_registry: dict) -> ViewType:
    """``counting`` → :class:`CountingView`, registered for this test only."""
    return register_view("counting", "Counting", CountingView)


BUILTIN_NAMES = [
    "traces",
    "raster",
    "grid",
    "weights",
    "isi",
    "rates",
    "spectrum",
    "weight_hist",
    "pca",
    "graph",
]
BUILTIN_TITLES = ["Traces", "Spike raster", "Activity grid", "Weights", "ISI histogram", "Firing rates"]
BUILTIN_TITLES += ["Power spectrum", "Weight histogram", "PCA trajectory", "Network graph"]


def _new_view_menu(window) -> QMenu:
    menus = [a.menu() for a in window.view_menu.actions() if a.menu() and a.text() == "New view"]
    assert len(menus) == 1
    return menus[0]


# ------------------------------------------------------------------------------------------ registry
def test_builtin_kinds_names_titles_and_classes():
    assert [(v.name, v.title) for v in BUILTIN_VIEWS] == [
        ("traces", "Traces"),
        ("raster", "Spike raster"),
        ("grid", "Activity grid"),
        ("weights", "Weights"),
        ("isi", "ISI histogram"),
        ("rates", "Firing rates"),
        ("spectrum", "Power spectrum"),
        ("weight_hist", "Weight histogram"),
        ("pca", "PCA trajectory"),
        ("graph", "Network graph"),
    ]
    assert list(available_views()) == BUILTIN_NAMES
    assert view_type("raster").title == "Spike raster"
    loaded = {v.name: v.load() for v in BUILTIN_VIEWS}
    assert loaded["traces"] is TraceView
    assert [cls.__name__ for cls in loaded.values()] == [
        "TraceView",
        "RasterView",
        "ActivityGridView",
        "WeightsView",
        "IsiView",
        "RateView",
        "SpectrumView",
        "WeightHistogramView",
        "PcaView",
        "GraphView",
    ]
    assert all(issubclass(cls, LiveView) for cls in loaded.values())


def test_unknown_kind_is_a_key_error_listing_the_known_ones():
    with pytest.raises(KeyError) as info:
        view_type("nope")
    assert info.value.args[0] == "no view kind 'nope'; known: " + ", ".join(BUILTIN_NAMES)


@pytest.mark.parametrize("name", ["raster_2", "counting_10", "_3", "two words", "2d", "a-b", ""])
def test_register_refuses_names_that_are_no_identifier_or_end_in_a_number(private_registry, name):
    with pytest.raises(ValueError, match="use an identifier that does not end in _<number>"):
        register_view(name, "Bad", CountingView)
    assert private_registry == {}
    assert list(available_views()) == BUILTIN_NAMES


def test_registered_kinds_follow_the_builtins_and_may_replace_one(private_registry):
    mine = register_view("counting", "Counting", CountingView)
    assert mine == ViewType("counting", "Counting", CountingView) and mine.load() is CountingView
    assert register_view("view2", "Digits inside are fine", CountingView).name == "view2"
    assert list(available_views()) == BUILTIN_NAMES + ["counting", "view2"]
    with pytest.raises(KeyError, match="known: traces, raster, .*, graph, counting, view2"):
        view_type("nope")
    # the same name again replaces the kind, in place; a built-in name replaces the built-in
    register_view("counting", "Counting again", CountingView)
    register_view("traces", "My traces", f"{__name__}:CountingView")  # "module:Class", loaded on use
    views = available_views()
    assert list(views) == BUILTIN_NAMES + ["counting", "view2"]
    assert views["counting"].title == "Counting again"
    assert views["traces"].title == "My traces" and views["traces"].load() is CountingView


def test_make_view_builds_the_class_on_a_bridge_and_a_selection(counting, qtbot):
    bridge, selection = SimBridge(), Selection()
    view = make_view("counting", bridge, selection)
    qtbot.addWidget(view)
    assert type(view) is CountingView
    assert view.bridge is bridge and view.selection is selection
    assert view.label.text() == "nothing drawn" and view.updates == 0
    bridge.shutdown()


# ------------------------------------------------------------------------------------------ in the window
def test_builtin_kinds_are_the_new_view_menu(make_window):
    w = make_window()
    actions = _new_view_menu(w).actions()
    assert [a.text() for a in actions] == BUILTIN_TITLES


def test_a_registered_view_opens_from_new_view_and_updates_while_running(counting, make_window, qtbot):
    w = make_window()
    actions = {a.text(): a for a in _new_view_menu(w).actions()}
    assert list(actions) == BUILTIN_TITLES + ["Counting"]
    actions["Counting"].trigger()
    assert w.docks.extra == ["counting_2"]  # no default dock of that kind: the first extra is _2
    dock = w.docks.docks["counting_2"]
    view = w.view("counting_2")
    assert isinstance(view, CountingView) and dock.widget() is view
    assert dock.objectName() == "counting_2" and dock.windowTitle() == "Counting 2"
    assert dock.isVisible() and dock.toggleViewAction() in w.view_menu.actions()
    # it follows the window's network like the built-in views
    assert view.group is w.bridge.network.my_neurons and view.variable == "voltage"
    assert w.bridge.iteration == 0
    w.bridge.budget = 1.0  # View → Display → "Smooth views": a redraw every frame, even at max speed
    w.bridge.run()
    qtbot.waitUntil(lambda: view.updates >= 5 and view.drawn[-1] >= 50, timeout=WAIT_MS)
    w.bridge.pause()
    assert view.drawn == sorted(view.drawn)  # drawn in iteration order, never backwards
    last = w.bridge.iteration
    qtbot.waitUntil(lambda: view.label.text() == f"it {last}", timeout=WAIT_MS)
    # a second one of the same kind is counting_3
    actions["Counting"].trigger()
    assert w.docks.extra == ["counting_2", "counting_3"]
    assert w.docks.docks["counting_3"].windowTitle() == "Counting 3"


def test_a_registered_view_comes_back_with_the_saved_layout(counting, make_window, qtbot):
    w = make_window()
    w.docks.open_extra("counting")
    w.close()  # saves the layout, extra views included
    w2 = make_window()
    assert w2.docks.extra == ["counting_2"]
    view = w2.view("counting_2")
    assert isinstance(view, CountingView) and w2.docks.docks["counting_2"].isVisible()
    w2.bridge.step(7)  # a step redraws at once
    assert view.label.text() == "it 7"


def test_a_saved_extra_view_of_a_kind_no_longer_registered_is_skipped(
    private_registry, make_window, monkeypatch
):
    register_view("counting", "Counting", CountingView)
    w = make_window()
    w.docks.open_extra("counting")
    w.close()
    monkeypatch.setattr(registry, "_registered", {})  # the plug-in is gone at the next start
    w2 = make_window()
    assert "counting_2" not in w2.docks.docks and w2.docks.extra == []
    assert [a.text() for a in _new_view_menu(w2).actions()][-1] == "Network graph"


class _RaisingView(CountingView):
    def __init__(self, *args, **kwargs):
        raise RuntimeError("the plug-in's constructor failed")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("no_such_package.views:Missing", "ModuleNotFoundError: No module named 'no_such_package'"),
        (_RaisingView, "RuntimeError: the plug-in's constructor failed"),
    ],
)
def test_a_view_that_cannot_be_made_is_reported_and_the_window_goes_on(
    private_registry, make_window, no_modal_dialogs, qtbot, target, expected
):
    register_view("broken", "Broken", target)
    w = make_window()
    actions = {a.text(): a for a in _new_view_menu(w).actions()}
    actions["Broken"].trigger()
    assert no_modal_dialogs == [("Cannot open view", f"The 'broken' view could not be opened: {expected}")]
    assert "broken_2" not in w.docks.docks and w.docks.extra == []
    w.bridge.step(3)  # the window and its network still work
    qtbot.waitUntil(lambda: w.bridge.iteration == 3, timeout=WAIT_MS)


@pytest.mark.parametrize("target", ["no_colon", "pkg.mod:", "pkg..mod:View", "pkg.mod:Not-A-Name", 42])
def test_register_refuses_a_target_that_names_no_class(private_registry, target):
    with pytest.raises((ValueError, TypeError), match="view 'x': target"):
        register_view("x", "X", target)
    assert private_registry == {}
