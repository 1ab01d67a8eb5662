"""The window on an example: live data, Step, Run N, cancel, errors, closing."""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import Qt

from tests.support.runners import runner_threads


def test_run_200_iterations_traces_and_raster_hold_data(make_window, qtbot):
    w = make_window()
    w.controls.set_speed(500.0)  # the 2000-iteration windows still hold iteration 1 when we look
    w.bridge.run()
    qtbot.waitUntil(lambda: w.bridge.iteration >= 200, timeout=20000)
    w.bridge.pause()
    w.bridge.refresh_now()  # one more frame after the pause: the views show the final iteration
    n = w.bridge.iteration
    assert 200 <= n <= 2000
    net = w.bridge.network
    traces = w.view("traces")
    t, v = traces.shown_data()
    assert t[0] == 1 and t[-1] == n and len(t) == n  # every iteration since the start
    voltage = net["voltage", 0, "np"]  # the script's own Recorder: the same iterations
    np.testing.assert_allclose(v, voltage[:n][:, traces._neurons], rtol=1e-6)
    raster = w.view("raster")
    counts = raster.shown_counts()[-n:]
    spike_t = net["spike.t", 0]
    expected = np.bincount(spike_t[spike_t <= n], minlength=n + 1)[1:]
    assert counts.sum() > 0
    np.testing.assert_array_equal(counts, expected)


def test_step_advances_exactly_one(make_window, qtbot):
    w = make_window()
    start = w.bridge.iteration
    w.controls.step_action.trigger()
    assert w.bridge.iteration == start + 1
    qtbot.keyClick(w, Qt.Key.Key_S)
    assert w.bridge.iteration == start + 2


def test_space_toggles_run_and_pause(make_window, qtbot):
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.bridge.iteration > 20, timeout=10000)
    assert w.controls.run_action.text() == "Pause"
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert not w.bridge.is_running
    stopped_at = w.bridge.iteration
    frames = w.bridge.frames
    qtbot.waitUntil(lambda: w.bridge.frames >= frames + 3, timeout=5000)
    assert w.bridge.iteration == stopped_at
    assert w.controls.run_action.text() == "Run"


def test_run_n_reaches_n(make_window, qtbot):
    w = make_window()
    w.controls.n_spin.setValue(300)
    with qtbot.waitSignal(w.bridge.run_finished, timeout=30000) as finished:
        # held between two iterations: on a busy machine the worker could otherwise finish the 300
        # before this thread looks at the toolbar (the bar then rightly never shows)
        with w.bridge.runner.hold():
            w.controls.run_n_action.trigger()
            assert w.controls.progress_shown
    assert finished.args == [True]
    assert w.bridge.iteration == 300
    assert not w.bridge.is_running
    assert not w.controls.progress_shown


def test_run_n_can_be_cancelled(make_window, qtbot):
    w = make_window()
    w.bridge.run_for(10_000_000)
    qtbot.waitUntil(lambda: w.bridge.iteration > 50, timeout=10000)
    with qtbot.waitSignal(w.bridge.run_finished, timeout=5000) as finished:
        w.controls.cancel_action.trigger()
    assert finished.args == [False]
    stopped_at = w.bridge.iteration
    assert 50 < stopped_at < 10_000_000
    frames = w.bridge.frames
    qtbot.waitUntil(lambda: w.bridge.frames >= frames + 3, timeout=5000)
    assert w.bridge.iteration == stopped_at and not w.bridge.is_running


BROKEN = '''
"""Broken at 50"""
from PymoNNto import *


class Leak(Behavior):
    def initialize(self, n):
        n.voltage = n.vector()
        self.fixed = False

    def iteration(self, n):
        n.voltage *= 0.9
        n.voltage += n.vector('uniform')
        if n.iteration == 50 and not self.fixed:
            raise ValueError('boom at fifty')


net = Network()
NeuronGroup(net=net, tag='cells', size=20, behavior={1: Leak()})
net.initialize(info=False)
'''


def test_behavior_error_pauses_and_shows_line(make_window, write_script, qtbot):
    path = write_script("broken.py", BROKEN)
    raise_line = BROKEN.splitlines().index("            raise ValueError('boom at fifty')") + 1
    w = make_window(path)
    w.bridge.run()
    qtbot.waitUntil(lambda: w.error_panel.isVisible(), timeout=10000)
    err = w.bridge.error
    assert err.iteration == 50 and not w.bridge.is_running
    headline = w.error_panel.headline.text()
    assert "ValueError" in headline and f"line {raise_line}" in headline and "broken.py" in headline
    assert "raise ValueError('boom at fifty')" in w.error_panel.code.text()
    assert w.controls.run_action.text() == "Resume"
    t, _v = w.view("traces").shown_data()
    assert len(t) >= 49  # the data of the iterations before the error survives
    # fix it between two iterations (as the console would), then Resume continues
    with w.bridge.runner.hold():
        w.bridge.network.cells.Leak.fixed = True
    w.error_panel.resume_button.click()
    qtbot.waitUntil(lambda: w.bridge.iteration > 80, timeout=10000)
    qtbot.waitUntil(lambda: not w.error_panel.isVisible(), timeout=5000)
    w.bridge.pause()


def test_close_stops_runner_mid_fast_forward(make_window, qtbot, qtlog):
    w = make_window()
    w.bridge.run_for(50_000_000)
    qtbot.waitUntil(lambda: w.bridge.iteration > 20, timeout=10000)
    assert runner_threads()
    w.close()
    assert not runner_threads()
    assert not [m for m in qtlog.records if "QThread" in m.message]


def test_close_while_running_freely(make_window, qtbot):
    w = make_window()
    w.bridge.run()
    qtbot.waitUntil(lambda: w.bridge.iteration > 20, timeout=10000)
    w.close()
    assert not runner_threads()
