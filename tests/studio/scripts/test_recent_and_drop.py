"""Opening any script: recent files, drag and drop, the network / iterations chooser, bad input.

The window is wired as the integration lines in the report propose (``wire`` below does the same on a
``MainWindow`` that does not have them yet, and nothing when it has).
"""

from __future__ import annotations

import pytest
from PyQt6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PyQt6.QtGui import QDragEnterEvent, QDropEvent
from PyQt6.QtWidgets import QApplication, QWidget

from studio.scripts.choice import ScriptChoicePanel, describe_network
from studio.scripts.drop import ScriptDropFilter, dropped_script
from studio.scripts.recent_files import MAX_RECENT, SETTINGS_KEY, RecentFiles, RecentFilesMenu

TWO_NETWORKS = '''"""Two networks"""
from PymoNNto import *

class Noise(Behavior):
    def initialize(self, n):
        n.voltage = n.vector()
    def iteration(self, n):
        n.voltage = n.vector('uniform')
        n.spike = n.voltage > 0.9

first = Network(tag='first')
NeuronGroup(net=first, tag='a', size=30, behavior={1: Noise()})
first.initialize(info=False)
second = Network()
NeuronGroup(net=second, tag='b', size=get_squared_dim(64), behavior={1: Noise()})
second.initialize(info=False)
second.simulate_iterations(120)
'''


def wire(w):
    """The proposed main_window.py integration, applied to one window (idempotent)."""
    if getattr(w, "script_choice", None) is None:
        w.script_choice = ScriptChoicePanel(w)
        base_set_loaded = w.set_loaded

        def set_loaded(loaded):
            base_set_loaded(loaded)
            w.script_choice.offer(loaded)

        w.set_loaded = set_loaded
    if getattr(w, "recent", None) is None:
        w.recent = RecentFiles(w.settings, parent=w)
        base_load = w.load_script

        def load_script(path):
            ok = base_load(path)
            if ok and w.loaded is not None and w.loaded.script is not None:
                w.recent.add(w.loaded.script)
            return ok

        w.load_script = load_script
    if getattr(w, "recent_menu", None) is None:
        w.recent_menu = RecentFilesMenu(w.recent, w.load_script, w)
    if getattr(w, "drop_filter", None) is None:
        w.drop_filter = ScriptDropFilter(w, w.load_script)
    return w


@pytest.fixture
def wired(make_window):
    """``wired(script=None)`` → a shown, wired window (optionally with ``script`` loaded)."""

    def factory(script=None):
        w = wire(make_window(script=None))
        if script is not None:
            assert w.load_script(script), f"could not load {script}"
        return w

    return factory


def _mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([p if isinstance(p, QUrl) else QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(target: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """Send drag-enter and drop to ``target``; (enter accepted, drop accepted)."""
    centre = target.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


# ------------------------------------------------------------------ recent files
def test_recent_files_order_dedupe_limit_and_persistence(tmp_path, write_script):
    settings = QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    paths = [write_script(f"s{i}.py", "x = 1\n") for i in range(MAX_RECENT + 3)]
    for p in paths:
        recent.add(p)
    recent.add(paths[5])  # moves to the top, no duplicate
    listed = recent.paths()
    assert len(listed) == MAX_RECENT and listed[0] == paths[5].resolve()
    assert listed[1:4] == [p.resolve() for p in paths[:-4:-1]]
    again = RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))
    assert again.paths() == listed  # stored in the settings file


def test_missing_files_are_pruned_and_a_lone_entry_reads_back(tmp_path, write_script):
    settings = QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    keep, gone = write_script("keep.py", "x = 1\n"), write_script("gone.py", "x = 1\n")
    recent.add(keep)
    settings.sync()
    assert RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)).paths() == [
        keep.resolve()
    ]
    recent.add(gone)
    gone.unlink()
    changes = []
    recent.changed.connect(lambda: changes.append(1))
    assert recent.paths() == [keep.resolve()] and changes == [1]
    assert settings.value(SETTINGS_KEY, type=list) == [str(keep.resolve())]
    memory = RecentFiles(None)  # a window without settings remembers in memory
    memory.add(keep)
    assert memory.paths() == [keep.resolve()]


def test_recent_menu_lists_opens_prunes_and_clears(qtbot, tmp_path, write_script):
    recent = RecentFiles(None)
    a, b = write_script("alpha.py", "x = 1\n"), write_script("beta.py", "x = 1\n")
    opened, missing = [], []
    holder = QWidget()
    qtbot.addWidget(holder)
    menu = RecentFilesMenu(recent, opened.append, holder, on_missing=missing.append)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["(no recent scripts)", "Clear list"]
    recent.add(a)
    recent.add(b)
    actions = menu.file_actions()
    assert [x.text().split("\t")[0] for x in actions] == ["&1  beta.py", "&2  alpha.py"]
    actions[1].trigger()
    assert opened == [a.resolve()]
    b.unlink()  # vanished after the menu was built
    actions[0].trigger()
    assert missing == [b.resolve()] and opened == [a.resolve()] and recent.paths() == [a.resolve()]
    menu.aboutToShow.emit()
    assert len(menu.file_actions()) == 1
    [clear] = [x for x in menu.actions() if x.text() == "Clear list"]
    clear.trigger()
    assert recent.paths() == [] and menu.file_actions() == []


def test_window_remembers_opened_scripts(wired, write_script, settings_file):
    w = wired()
    first = write_script("first.py", TWO_NETWORKS)
    assert w.load_script(first)
    bad = write_script("bad.py", "x = (\n")
    assert not w.load_script(bad)  # failures are not remembered
    assert w.recent.paths()[0] == first.resolve()
    w.recent_menu.aboutToShow.emit()
    w.recent_menu.file_actions()[0].trigger()
    assert w.loaded.script == first.resolve()


# ------------------------------------------------------------------ drag and drop
def test_dropped_script_decisions(tmp_path, write_script):
    script, text = write_script("net.py", "x = 1\n"), write_script("notes.txt", "hello")
    assert dropped_script(_mime(script)) == (script, "")
    assert dropped_script(_mime(write_script("net.pyw", "x = 1\n")))[0] is not None
    assert "Not a Python script: notes.txt" in dropped_script(_mime(text))[1]
    assert "folder" in dropped_script(_mime(tmp_path))[1]
    assert "local files" in dropped_script(_mime(QUrl("https://example.org/net.py")))[1]
    assert dropped_script(_mime(script, text)) == (script, "")  # the one script among them
    assert "one script at a time" in dropped_script(_mime(script, write_script("b.py", "")))[1]
    plain = QMimeData()
    plain.setText("some text")
    assert dropped_script(plain) == (None, "")  # not ours: left to the widgets


def test_drop_a_script_anywhere_on_the_window_opens_it(wired, write_script):
    import pyqtgraph as pg

    w = wired()
    path = write_script("dropped.py", TWO_NETWORKS)
    plot = w.view("traces").findChild(pg.GraphicsView)
    assert plot is not None and plot.viewport().acceptDrops()  # a child that takes drops itself
    for target in (w, w.tree.viewport(), plot.viewport()):
        before = w.bridge.network
        assert _drop(target, _mime(path)) == (True, True)
        assert w.loaded.script == path.resolve() and w.bridge.network is not before
        assert w.drop_filter.last_message == "Opening dropped.py…"


def test_drop_of_other_files_is_refused_with_a_message(wired, write_script, no_modal_dialogs):
    w = wired(write_script("keep.py", TWO_NETWORKS))
    net = w.bridge.network
    enter, drop = _drop(w, _mime(write_script("data.csv", "1,2\n")))
    assert enter and drop  # accepted, so the user is told why it is refused
    assert "Not a Python script: data.csv" in w.statusBar().currentMessage()
    shown = []
    w.drop_filter._show_message = shown.append
    _drop(w, _mime(w.loaded.script.parent))
    assert "is a folder" in shown[-1]
    assert w.bridge.network is net and no_modal_dialogs == []


def test_drop_of_a_broken_script_keeps_the_running_network(wired, write_script, no_modal_dialogs):
    w = wired(write_script("keep.py", TWO_NETWORKS))
    net = w.bridge.network
    w.bridge.step(7)
    _drop(w, _mime(write_script("broken.py", "from PymoNNto import *\n\nnet = Network(\n")))
    title, text = no_modal_dialogs[-1]
    assert "broken.py" in text and "line 3" in text and "SyntaxError" in text
    assert w.bridge.network is net and w.bridge.iteration == 7


# ------------------------------------------------------------------ several networks, simulate_iterations
def test_two_networks_offer_a_choice_defaulting_to_the_last(wired, write_script, qtbot):
    w = wired(write_script("two.py", TWO_NETWORKS))
    card = w.script_choice
    assert card.isVisible() and card.network_row.isVisible()
    assert card.combo.count() == 2 and card.combo.currentIndex() == 1
    assert "(last built)" in card.combo.itemText(1) and "1. first" in card.combo.itemText(0)
    first, second = w.loaded.networks
    assert w.bridge.network is second and card.chosen_network() is second
    card.choose(0)  # the user picks the other one
    assert w.bridge.network is first and w.tree.topLevelItem(0) is not None
    assert card.isVisible() and card.combo.currentIndex() == 0 and card.combo.count() == 2
    w.bridge.step(3)
    assert first.iteration == 3 and second.iteration == 0
    card.choose(1)
    assert w.bridge.network is second
    card.dismiss()
    assert not card.isVisible()


def test_requested_iterations_are_offered_and_run(wired, write_script, qtbot):
    w = wired(write_script("two.py", TWO_NETWORKS))
    card = w.script_choice
    assert card.run_row.isVisible() and card.iterations == 120
    assert (
        card.run_button.text() == "Run 120 iterations" and "simulate_iterations(120)" in card.run_label.text()
    )
    assert w.bridge.iteration == 0  # deferred while loading, nothing ran yet
    with qtbot.waitSignal(w.bridge.run_finished, timeout=30000):
        qtbot.mouseClick(card.run_button, Qt.MouseButton.LeftButton)
    assert w.bridge.iteration == 120 and not card.run_row.isVisible()
    assert card.isVisible()  # the network choice stays until dismissed
    plain = write_script(
        "plain.py",
        TWO_NETWORKS.replace("second = Network()", "second = first").replace(
            "second.simulate_iterations(120)\n", ""
        ),
    )
    assert w.load_script(plain)
    assert not card.isVisible()  # one network, no request: nothing to offer


def test_the_run_offer_goes_once_the_network_ran_that_far_by_other_means(wired, write_script, qtbot):
    w = wired(write_script("two.py", TWO_NETWORKS))
    card = w.script_choice
    card.choose(1)
    assert card.iterations == 120
    with qtbot.waitSignal(w.bridge.run_finished, timeout=30000):
        w.bridge.run_for(50)  # Run N, not the card's button
    qtbot.waitUntil(lambda: w.bridge.state == "paused", timeout=5000)
    assert card.run_row.isVisible() and card.iterations == 120  # 50 of 120: still offered
    with qtbot.waitSignal(w.bridge.run_finished, timeout=30000):
        w.bridge.run_for(70)
    qtbot.waitUntil(lambda: not card.run_row.isVisible(), timeout=5000)
    assert w.bridge.iteration == 120 and card.iterations is None


def test_network_ui_hand_over_is_the_default_choice(wired, write_script):
    source = (
        TWO_NETWORKS
        + "from PymoNNto.Exploration.Network_UI import *\nNetwork_UI(first, label='Chosen').show()\n"
    )
    w = wired(write_script("ui.py", source))
    assert w.script_choice.combo.currentIndex() == 0 and w.bridge.network is w.loaded.networks[0]
    assert "Chosen" in w.windowTitle()


def test_describe_network_names_groups_and_neurons(wired, write_script):
    w = wired(write_script("two.py", TWO_NETWORKS))
    first, second = w.loaded.networks
    assert describe_network(first, 0) == "1. first — 1 group (a), 30 neurons"
    assert describe_network(second, 1, name="second") == "2. second — 1 group (b), 64 neurons"


# ------------------------------------------------------------------ bad input, end to end
BAD = {
    "not_python": ("notes.txt", "def f(:\n", ["Not a Python script", "notes.txt"]),
    "syntax_error": (
        "syn.py",
        "from PymoNNto import *\nnet = Network()\nx = (\n",
        ["syn.py, line 3", "SyntaxError", "x = ("],
    ),
    "builds_none": ("none.py", "x = 1\n", ["built no Network"]),
    "missing_module": (
        "mod.py",
        "import numpy\nimport definitely_not_installed_mod\n",
        ["line 2", "'definitely_not_installed_mod'", "not installed"],
    ),
    "calls_input": (
        "inp.py",
        "from PymoNNto import *\nnet = Network()\nn = int(input('N? '))\n",
        ["line 3", "input()", "cannot read from the terminal"],
    ),
    "calls_sys_exit": (
        "ex.py",
        "import sys\nfrom PymoNNto import *\nnet = Network()\nsys.exit(3)\n",
        ["line 4", "sys.exit(3)"],
    ),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_script_is_explained_and_the_open_network_keeps_running(
    case, wired, write_script, no_modal_dialogs
):
    name, source, fragments = BAD[case]
    w = wired(write_script("good.py", TWO_NETWORKS))
    net = w.bridge.network
    w.bridge.step(5)
    assert not w.load_script(write_script(name, source))  # File > Open, recent, examples, drop all end here
    assert len(no_modal_dialogs) == 1
    title, text = no_modal_dialogs[0]
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"
    assert w.bridge.network is net and w.bridge.iteration == 5
    w.bridge.step(1)
    assert w.bridge.iteration == 6 and w.loaded.script.name == "good.py"
    assert w.recent.paths()[0].name == "good.py"


def test_sys_exit_zero_after_building_is_a_normal_end(wired, write_script, no_modal_dialogs):
    source = (
        "import sys\nfrom PymoNNto import *\nnet = Network()\nNeuronGroup(net=net, tag='g', size=5)\n"
        "net.initialize(info=False)\nsys.exit(0)\nraise RuntimeError('never reached')\n"
    )
    w = wired(write_script("exit0.py", source))
    assert no_modal_dialogs == [] and w.bridge.network.NeuronGroups[0].size == 5


def test_choice_names_networks_by_their_variables_and_can_run_alone(qtbot):
    from types import SimpleNamespace

    from PyQt6.QtWidgets import QMainWindow

    class Lazy:  # like PymoNNto's stand-in for a missing optional module
        def __getattr__(self, name):
            raise ImportError("scipy is not installed")

    a, b = (
        SimpleNamespace(NeuronGroups=[], tags=["Network"]),
        SimpleNamespace(NeuronGroups=[], tags=["Network"]),
    )
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(900, 500)
    host.show()
    applied, ran = [], []
    card = ScriptChoicePanel(host, apply_network=applied.append, run_iterations=ran.append)
    loaded = SimpleNamespace(
        networks=[a, b],
        network=b,
        requested_iterations=None,
        namespace={"sp": Lazy(), "net_a": a, "net_b": b, "_hidden": a},
    )
    assert card.offer(loaded)
    assert [card.combo.itemText(i) for i in range(2)] == [
        "1. net_a — 0 groups (none), 0 neurons",
        "2. net_b — 0 groups (none), 0 neurons (last built)",
    ]
    assert not card.run_row.isVisible() and card.geometry().top() >= 0
    card.choose(0)
    assert applied == [a]
    loaded.network = a  # the window shows it now: offer() only follows
    assert card.offer(loaded) and card.combo.currentIndex() == 0
    assert card.offer(SimpleNamespace(networks=[a], network=a, requested_iterations=40))
    assert card.run_label.text() == "This script asked for simulate_iterations(40)."
    card.run_requested_iterations()
    assert ran == [40] and not card.isVisible()


def test_the_card_stays_above_a_dock_opened_after_it(wired, write_script, qtbot):
    from PyQt6.QtWidgets import QWidget

    w = wired(write_script("two.py", TWO_NETWORKS))
    card = w.script_choice
    assert card.isVisible()
    w.docks.open_extra("isi")  # a dock added later is drawn above the earlier children

    def on_top() -> bool:
        shown = [c for c in w.children() if isinstance(c, QWidget) and c.isVisible()]
        return shown[-1] is card

    qtbot.waitUntil(on_top, timeout=5000)
