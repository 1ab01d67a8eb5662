"""Bad input: missing / non-Python scripts, scripts that raise or build nothing, vanishing variables."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def running(make_window, qtbot):
    """A window on the seed example, stepped to iteration 30."""
    w = make_window()
    w.bridge.step(30)
    return w


def _unchanged(w, net, iteration):
    assert w.bridge.network is net and w.bridge.iteration == iteration
    w.bridge.step(1)  # the old network still runs
    assert w.bridge.iteration == iteration + 1


def test_missing_script(running, no_modal_dialogs, tmp_path):
    net, it = running.bridge.network, running.bridge.iteration
    assert not running.load_script(tmp_path / "nope.py")
    assert "not found" in no_modal_dialogs[-1][1]
    _unchanged(running, net, it)


def test_not_a_python_script(running, no_modal_dialogs, write_script, tmp_path):
    net, it = running.bridge.network, running.bridge.iteration
    assert not running.load_script(write_script("notes.txt", "hello"))
    assert "Not a Python script" in no_modal_dialogs[-1][1]
    binary = tmp_path / "blob.py"
    binary.write_bytes(b"\x00\xff\xfe binary")
    assert not running.load_script(binary)
    assert "not" in no_modal_dialogs[-1][1].lower()
    _unchanged(running, net, it)


def test_script_that_raises_names_its_line(running, no_modal_dialogs, write_script):
    net, it = running.bridge.network, running.bridge.iteration
    path = write_script("raises.py", "from PymoNNto import *\nnet = Network()\nx = 1 / 0\n")
    assert not running.load_script(path)
    title, text = no_modal_dialogs[-1]
    assert "line 3" in text and "ZeroDivisionError" in text
    _unchanged(running, net, it)


def test_script_without_network(running, no_modal_dialogs, write_script):
    net, it = running.bridge.network, running.bridge.iteration
    assert not running.load_script(write_script("empty.py", "x = 1\n"))
    assert "Network" in no_modal_dialogs[-1][1]
    _unchanged(running, net, it)


def test_variable_that_disappears_or_changes_shape(running, qtbot):
    w = running
    traces, grid = w.view("traces"), w.view("grid")
    group = w.bridge.network.my_neurons
    saved = group.voltage
    with w.bridge.runner.hold():
        del group.voltage
    w.bridge.refresh_now()
    assert "no longer exists" in traces.message.text() and traces.message.isVisible()
    assert "no longer exists" in grid.message.text()
    with w.bridge.runner.hold():
        group.voltage = np.zeros((3, 4), dtype=np.float32)
    w.bridge.refresh_now()
    assert "changed shape" in traces.message.text()
    with w.bridge.runner.hold():
        group.voltage = saved
    w.bridge.refresh_now()  # the views notice and watch it again
    w.bridge.step(3)
    assert not traces.message.isVisible() and not grid.message.isVisible()
    t, _v = traces.shown_data()
    assert t[-1] == w.bridge.iteration


def test_reset_rebuilds_the_initial_state(running):
    w = running
    old_net = w.bridge.network
    w.controls.reset_action.trigger()
    assert w.bridge.network is not old_net and w.bridge.iteration == 0
    assert w.view("traces").group is w.bridge.network.my_neurons
