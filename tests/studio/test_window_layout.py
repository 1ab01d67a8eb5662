"""The main window: its layout is remembered and reset, show_network, the shortcuts help.

The views inside the window: tests/studio/views/test_views_in_window.py; the default script:
tests/studio/core/test_resources.py.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication

from studio.core import resources
from studio.core.script_loading import load_network_script


def test_layout_is_remembered_and_reset(make_window, qtbot):
    w = make_window()
    w.docks.docks["raster"].hide()
    w.docks.open_extra("traces", w._make_view)
    w.controls.set_speed(100.0)
    w.close()
    w2 = make_window()
    assert w2.docks.docks["raster"].isHidden()
    assert "traces_2" in w2.docks.docks and w2.docks.docks["traces_2"].isVisible()
    assert w2.controls.speed() == 100.0
    w2.docks.reset_action.trigger()
    assert w2.docks.docks["raster"].isVisible() and w2.docks.docks["traces_2"].isHidden()


def test_show_network_inside_a_running_event_loop(qtbot):
    from studio.app import show_network

    loaded = load_network_script(resources.default_script())
    app = QCoreApplication.instance()
    app.setProperty("mnn_event_loop", True)
    try:
        window = show_network(loaded.network, title="handed over", run=False)
    finally:
        app.setProperty("mnn_event_loop", False)
    try:
        assert window.bridge.network is loaded.network and "handed over" in window.windowTitle()
        assert not window.controls.reset_action.isEnabled()  # no script to rebuild from
        window.bridge.step(3)
        assert window.bridge.iteration == 3
    finally:
        window.close()


def test_shortcuts_help_is_not_modal(make_window):
    w = make_window()
    box = w.show_shortcuts()
    assert "Space" in box.text() and "Ctrl+R" in box.text() and not box.isModal()
    box.close()
