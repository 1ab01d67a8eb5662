"""PymoNNto tabs in the studio: a project's own tab, the default tab list, every Network_UI method."""

from __future__ import annotations

import numpy as np
import pytest

from tests.support.paths import REPO_ROOT

PROJECT = REPO_ROOT / "tests/data/tab_project"
SCRIPT = PROJECT / "leaky_network.py"
EVERY_METHOD = PROJECT / "tabs/every_method_tab.py"

pytestmark = pytest.mark.usefixtures("isolated_settings")


def _running(window, qtbot, speed=400.0):
    window.controls.set_speed(speed)
    window.bridge.run()
    return window


def _tab(window, title):
    return next(a for a in window.tab_set.tabs if a.title == title)


def test_a_projects_tab_is_a_dock_whose_curve_grows_while_it_runs(make_window, qtbot):
    window = _running(make_window(SCRIPT), qtbot)
    active = _tab(window, "Mean voltage")
    assert [d.windowTitle() for d in active.docks] == ["Mean voltage"]
    assert active.docks[0].widget().isVisible()
    curve = active.tab.curve
    qtbot.waitUntil(lambda: curve.getData()[0] is not None and len(curve.getData()[0]) >= 20, timeout=20000)
    first_x, first_y = (np.array(a) for a in curve.getData())
    qtbot.waitUntil(lambda: curve.getData()[0][-1] > first_x[-1] + 20, timeout=20000)
    qtbot.waitUntil(lambda: window.bridge.iteration > 520, timeout=20000)
    window.bridge.pause()
    qtbot.waitUntil(lambda: not window.bridge.is_running, timeout=10000)
    window.tab_set.update_now()
    x, y = curve.getData()
    net = window.bridge.network
    assert len(x) == 500 > len(first_x)  # it grew to the recorder's 500 iterations
    np.testing.assert_array_equal(x, net["iteration", 0, "np"][-500:])
    np.testing.assert_allclose(y, net["np.mean(voltage)", 0, "np"][-500:])
    assert x[-1] == net.iteration and 0.0 < float(np.mean(y)) < 0.5


def test_the_default_views_follow_the_variables_of_get_default_ui_modules(make_window):
    window = make_window(SCRIPT)
    assert window.view("traces").variable == "voltage"
    assert window.view("grid").variable == "voltage"
    notes = {m.tab: m for m in window.tab_set.mappings}
    assert notes["weight_tab"].target == "weights" and "'W'" in notes["weight_tab"].note
    assert notes["spiketrain_tab"].target == "raster"
    assert notes["isi_tab"].target.startswith("isi") and notes["fourier_tab"].target.startswith("spectrum")
    assert notes["PCA_tab"].target.startswith("pca") and notes["hist_tab"].target.startswith("weight_hist")
    assert notes["code_execution_tab"].target == "console" and notes["event_tab"].target == "event_log"
    without = sorted(t for t, m in notes.items() if m.target is None and "no equivalent" in m.note)
    assert without == ["Analysis_Module_tab", "classifier_bar_tab", "partition_tab", "stability_tab"]
    assert len(notes) == 19  # every tab of PymoNNto's default list is accounted for


def test_a_tab_using_every_network_ui_method_runs(make_window, qtbot):
    window = _running(make_window(SCRIPT), qtbot)
    assert window.load_tab_module(EVERY_METHOD)
    active = _tab(window, "Every method")
    assert [d.windowTitle() for d in active.docks] == ["Every method", "Second page", "Sidebar"]
    qtbot.waitUntil(lambda: active.tab.calls.count("update") >= 5, timeout=20000)
    assert active.failed is None
    tab = active.tab
    assert tab.state["tags"] == (["my_neurons"], ["GLUTAMATE"]) and tab.state["mask"] == 1
    assert tab.state["synapses"] == 1 and tab.state["paused"] is False
    x, y = tab.curves[0].getData()
    assert 0 < len(x) == len(y) <= 500  # one recorder per variable: the longest request (500) wins
    assert tab.image.image.shape == (10, 10)
    group = window.bridge.network.NeuronGroups[0]
    recorders = [b for b in group.behavior.values() if "UI_rec" in b.tags]
    assert sorted(int(k) for k, b in group.behavior.items() if b in recorders) == [10200, 10500]
    tab.button.click()  # select_neuron: the studio's selection follows, tabs hear of it
    assert window.selection.neuron == 3 and ("my_neurons", 3) in tab.selected
    qtbot.waitUntil(lambda: bool(window.tab_set.host.event_list), timeout=20000)
    event = window.tab_set.host.event_list[0]
    assert event.tag == "twenty" and event.end_t == event.start_t + 5


def test_the_studios_selection_reaches_the_tabs(make_window):
    window = make_window(SCRIPT)
    window.load_tab_module(EVERY_METHOD)
    tab = _tab(window, "Every method").tab
    group = window.bridge.network.NeuronGroups[0]
    window.selection.set_neuron(7, group)
    assert tab.selected[-1] == ("my_neurons", 7)
    assert window.tab_set.host.selected_neuron_ids().tolist() == [7]


def test_tabs_of_a_tab_module_come_back_after_a_reload(make_window, qtbot):
    window = make_window(SCRIPT)
    window.load_tab_module(EVERY_METHOD)
    assert window.load_script(SCRIPT)
    titles = sorted(a.title for a in window.tab_set.tabs)
    assert titles == ["Every method", "Mean voltage"]
    assert sum(1 for name in window.docks.docks if name.startswith("tab_")) == 4  # 2 + 1 pages, sidebar


def test_a_behavior_brings_its_own_tab(make_window, write_script, qtbot):
    script = write_script(
        "with_tab.py",
        "from PymoNNto import *\n"
        "from PymoNNto.Exploration.Network_UI.TabBase import *\n"
        "class CountTab(TabBase):\n"
        "    def initialize(self, ui):\n"
        "        self.page = ui.add_tab('Counter')\n"
        "        self.label = ui.Add_element(QLabel('0'))\n"
        "        self.seen = 0\n"
        "    def update(self, ui):\n"
        "        self.seen += 1\n"
        "        self.label.setText(str(ui.network.iteration))\n"
        "class Count(Behavior):\n"
        "    def iteration(self, n): pass\n"
        "    def get_UI_Tabs(self): return [CountTab()]\n"
        "net = Network()\n"
        "NeuronGroup(net=net, tag='g', size=4, behavior={1: Count()})\n"
        "net.initialize()\n",
    )
    window = _running(make_window(script), qtbot)
    active = _tab(window, "Title")
    assert [d.windowTitle() for d in active.docks] == ["Counter"]
    qtbot.waitUntil(lambda: active.tab.seen >= 3, timeout=20000)
    assert int(active.tab.label.text()) > 0


def test_network_ui_show_outside_a_script_opens_the_studio_with_its_tabs(qtbot, qapp, monkeypatch):
    """In a plain Python session ``Network_UI(net, modules=[...]).show()`` opens a window with the tabs."""
    from engine import Behavior, Network, NeuronGroup
    from PymoNNto.Exploration.Network_UI import Network_UI, get_default_UI_modules
    from PymoNNto.Exploration.Network_UI.TabBase import TabBase

    class Noise(Behavior):
        def initialize(self, n):
            n.voltage = n.vector()

        def iteration(self, n):
            n.voltage = n.vector("uniform")

    class Page(TabBase):
        def initialize(self, ui):
            self.page = ui.add_tab("A page")

    net = Network()
    NeuronGroup(net=net, tag="cells", size=9, behavior={1: Noise()})
    net.initialize(info=False)
    monkeypatch.setattr(qapp, "property", lambda name: True if name == "mnn_event_loop" else None)
    tab = Page()
    ui = Network_UI(net, modules=[tab] + get_default_UI_modules(["voltage"]), label="Session").show()
    window = next(w for w in qapp.topLevelWidgets() if getattr(w, "tab_set", None) and w.isVisible())
    try:
        assert ui.modules[0] is tab and window.windowTitle().startswith("Session")
        assert [a.tab for a in window.tab_set.tabs] == [tab]
        assert window.docks.docks["tab_1"].windowTitle() == "A page"
        assert window.view("traces").variable == "voltage"
    finally:
        window.close()


def test_tabs_update_when_the_network_changed_as_in_pymonnto(make_window, qtbot):
    """PymoNNto's Network_UI calls update() after iterations ran or on a static update (selection, a
    tab shown again); never on a network that has not run since the tab's recorders were added."""
    window = make_window(SCRIPT)
    assert window.load_tab_module(EVERY_METHOD)  # paused at iteration 0: its recordings are empty
    active = _tab(window, "Every method")
    frames = window.tab_set.frames
    qtbot.waitUntil(lambda: window.tab_set.frames >= frames + 5, timeout=10000)
    assert active.tab.calls.count("update") == 0 and active.failed is None
    window.bridge.step(1)
    qtbot.waitUntil(lambda: active.tab.calls.count("update") == 1, timeout=10000)
    frames = window.tab_set.frames
    qtbot.waitUntil(lambda: window.tab_set.frames >= frames + 5, timeout=10000)
    assert active.tab.calls.count("update") == 1  # paused, nothing changed: no update
    window.selection.set_neuron(5, window.bridge.network.NeuronGroups[0])
    qtbot.waitUntil(lambda: active.tab.calls.count("update") == 2, timeout=10000)
    window.bridge.step(3)
    qtbot.waitUntil(lambda: active.tab.calls.count("update") == 3, timeout=10000)
    x, _ = active.tab.curves[0].getData()
    assert active.failed is None and len(x) == 4 and active.seen == 4


def test_a_private_base_class_in_a_tab_module_is_not_a_tab(make_window, tmp_path):
    module = tmp_path / "family.py"
    module.write_text(
        "from PymoNNto.Exploration.Network_UI.TabBase import *\n"
        "class _Base(TabBase):\n"
        "    def initialize(self, Network_UI):\n"
        "        self.page = Network_UI.add_tab(self.title)\n"
        "class First(_Base):\n"
        "    def __init__(self, title='first'):\n"
        "        super().__init__(title)\n"
        "class Second(_Base):\n"
        "    def __init__(self, title='second'):\n"
        "        super().__init__(title)\n"
    )
    window = make_window(SCRIPT)
    before = {a.title for a in window.tab_set.tabs}
    assert window.load_tab_module(module)
    assert {a.title for a in window.tab_set.tabs} - before == {"first", "second"}
