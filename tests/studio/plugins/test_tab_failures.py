"""Tabs that go wrong: the error dock says what happened, the other tabs and the run go on."""

from __future__ import annotations

import math
import sys
import textwrap

import pytest

from studio.plugins.network_ui import TabApiError
from studio.plugins.tab_modules import PyQt5ImportError, load_tab_module
from studio.plugins.tab_set import UPDATE_BUDGET_S
from tests.support.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "tests/data/tab_project/leaky_network.py"

pytestmark = pytest.mark.usefixtures("isolated_settings")

TABS = """
from PymoNNto.Exploration.Network_UI.TabBase import *

class {name}(TabBase):
    def __init__(self, title='{name}'):
        super().__init__(title)
        self.updates = 0

    def initialize(self, Network_UI):
        self.page = Network_UI.add_tab(self.title)
        {initialize}

    def update(self, Network_UI):
        self.updates += 1
        {update}
"""


def tab_file(tmp_path, name, initialize="pass", update="pass", extra=""):
    path = tmp_path / f"{name.lower()}.py"
    path.write_text(extra + TABS.format(name=name, initialize=initialize, update=update), encoding="utf-8")
    return path


def _tab(window, title):
    return next(a for a in window.tab_set.tabs if a.title == title)


def test_a_tab_whose_initialize_raises_is_reported_and_the_rest_goes_on(make_window, qtbot, tmp_path):
    window = make_window(SCRIPT)
    window.load_tab_module(tab_file(tmp_path, "Broken", initialize="1 / 0"))
    broken = _tab(window, "Broken")
    assert broken.failed == "ZeroDivisionError: division by zero"
    assert "Broken.initialize" in window.error_panel.headline.text()
    assert "1 / 0" in window.error_panel.trace.toPlainText() and window.docks.docks["error"].isVisible()
    assert not broken.docks[0].widget().isEnabled() and "stopped" in broken.docks[0].windowTitle()
    window.controls.set_speed(400.0)
    window.bridge.run()
    mean_tab = _tab(window, "Mean voltage")
    start = mean_tab.updates
    qtbot.waitUntil(lambda: mean_tab.updates >= start + 3 and window.bridge.iteration > 30, timeout=20000)
    assert broken.tab.updates == 0 and window.bridge.error is None


def test_a_tab_whose_update_raises_is_stopped_and_the_run_goes_on(make_window, qtbot, tmp_path):
    window = make_window(SCRIPT)
    window.load_tab_module(tab_file(tmp_path, "Flaky", update="if self.updates == 2: raise KeyError('gone')"))
    flaky = _tab(window, "Flaky")
    flaky.docks[0].raise_()
    window.controls.set_speed(400.0)
    window.bridge.run()
    qtbot.waitUntil(lambda: flaky.failed is not None, timeout=20000)
    at_failure = window.bridge.iteration
    assert flaky.failed == "KeyError: 'gone'" and flaky.tab.updates == 2
    assert "Flaky.update" in window.error_panel.headline.text()
    qtbot.waitUntil(lambda: window.bridge.iteration > at_failure + 20, timeout=20000)
    assert flaky.tab.updates == 2 and window.bridge.is_running


def test_a_slow_tab_is_updated_less_often_and_says_so(make_window, qtbot, tmp_path):
    window = make_window(SCRIPT)
    path = tab_file(tmp_path, "Slow", update="CLOCK['now'] += 0.2", extra="CLOCK = {'now': 0.0}\n")
    window.load_tab_module(path)
    slow = _tab(window, "Slow")
    clock = sys.modules[type(slow.tab).__module__].CLOCK  # each update "takes" 200 ms on this clock
    window.tab_set.clock = lambda: clock["now"]
    slow.docks[0].raise_()
    window.controls.set_speed(400.0)
    window.bridge.run()
    qtbot.waitUntil(lambda: slow.every > 1 and slow.skipped > 0, timeout=20000)
    assert slow.every == math.ceil(0.2 / UPDATE_BUDGET_S)  # its updates share one frame's budget
    assert "slow: 200 ms per update" in slow.docks[0].windowTitle()
    assert slow.failed is None


def test_a_tab_module_that_imports_pyqt5_gets_a_message_with_its_line(tmp_path):
    path = tmp_path / "qt5_tab.py"
    path.write_text("import numpy\nfrom PyQt5.QtWidgets import QLabel\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_tab_module(path)
    message = str(info.value)
    assert "qt5_tab.py, line 2" in message
    assert (
        "PyQt5 is not available in mnn-studio (" in message
        and "from PyQt5.QtWidgets import QLabel" in message
    )
    assert "TabBase's star import" in message
    with pytest.raises(PyQt5ImportError, match=r"direct.py, line 1"):
        exec(compile("import PyQt5", str(tmp_path / "direct.py"), "exec"), {})


def test_a_tab_calling_a_method_we_do_not_provide_is_told_which_exist(make_window, tmp_path):
    window = make_window(SCRIPT)
    window.load_tab_module(tab_file(tmp_path, "Asker", initialize="Network_UI.Add_plot_curv()"))
    asker = _tab(window, "Asker")
    assert asker.failed.startswith("TabApiError: Network_UI.Add_plot_curv is not provided by mnn-studio.")
    assert "Did you mean Add_plot_curve" in asker.failed and "add_recording_variable" in asker.failed
    with pytest.raises(TabApiError, match="What a tab can use: network, group_tags"):
        _ = window.tab_set.host.open_the_pod_bay_doors


def test_a_bad_tab_module_file_is_refused_with_its_reason(make_window, tmp_path, no_modal_dialogs):
    window = make_window(SCRIPT)
    raising = tmp_path / "raising.py"
    raising.write_text("x = 1\nraise RuntimeError('no tabs today')\n", encoding="utf-8")
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n", encoding="utf-8")
    needs = tmp_path / "needs.py"
    needs.write_text(
        textwrap.dedent(
            """
            from PymoNNto.Exploration.Network_UI.TabBase import TabBase
            class Needs(TabBase):
                def __init__(self, size):
                    super().__init__('needs')
            """
        ),
        encoding="utf-8",
    )
    assert not window.load_tab_module(raising)
    assert not window.load_tab_module(empty)
    assert not window.load_tab_module(needs)
    texts = [text for _title, text in no_modal_dialogs]
    assert texts[0] == "raising.py, line 2: RuntimeError: no tabs today"
    assert texts[1].startswith("empty.py defines no TabBase subclass")
    assert texts[2].startswith("needs.py: Needs() cannot be made without arguments")
    assert window.bridge.network is not None and window.error_panel.error is None


def test_a_tab_may_spell_qt_enums_the_pyqt5_way(make_window, tmp_path):
    window = make_window(SCRIPT)
    init = (
        "self.slider = Network_UI.Add_element(QSlider(Qt.Horizontal))\n"
        "        self.label = Network_UI.Add_element(QLabel('x'))\n"
        "        self.label.setAlignment(Qt.AlignCenter)\n"
        "        self.label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Expanding)\n"
        "        self.line = Network_UI.Add_element(QFrame())\n"
        "        self.line.setFrameShape(QFrame.HLine)"
    )
    window.load_tab_module(tab_file(tmp_path, "Qt5Style", initialize=init))
    tab = _tab(window, "Qt5Style")
    assert tab.failed is None
    from PyQt6.QtCore import Qt
    from PyQt6.QtWidgets import QFrame

    assert tab.tab.slider.orientation() == Qt.Orientation.Horizontal
    assert tab.tab.label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert tab.tab.line.frameShape() == QFrame.Shape.HLine
