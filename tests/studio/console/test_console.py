"""The embedded IPython console on a live runner: edits between iterations, errors, step, teardown.

Every test waits for the prompt before executing (qtconsole drops earlier requests); the runner is
stopped and the kernel shut down in teardown (the ``seed_runner`` and ``make_console`` fixtures of
:mod:`tests.support.fixtures`).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from tests.support.console import CELL_TIMEOUT_MS, kernel_threads, run_cell

pytestmark = pytest.mark.console


def spikes_after(watch: Any, iteration: int) -> int:
    """Spike events of a spike watch with ``t > iteration``."""
    t, _i = watch.read()
    return int((t > iteration).sum())


def spikes_between(watch: Any, lo: int, hi: int) -> int:
    """Spike events of a spike watch with ``lo < t <= hi``."""
    t, _i = watch.read()
    return int(((t > lo) & (t <= hi)).sum())


def test_namespace_and_banner(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    ns = panel.shell.user_ns
    net = seed_runner.net
    assert ns["net"] is net and ns["np"] is np and ns["studio"] is panel.studio
    assert ns["my_neurons"] is net.NeuronGroups[0] and ns["GLUTAMATE"] is net.SynapseGroups[0]
    assert "NeuronGroup" not in ns  # the engine's class-name tags are never bound
    text = panel.text()
    for name in ("net", "my_neurons", "GLUTAMATE", "np", "studio", "step(n)", "Interrupt", "Ctrl+C"):
        assert name in text, name
    out = run_cell(qtbot, panel, "print('hello from a cell', 6 * 7)")
    assert "hello from a cell 42" in out


def test_threshold_edit_stops_spiking_from_the_next_iteration(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    watch = seed_runner.watch("my_neurons.spike", window=100000, allow_missing=True)
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= 300, timeout=CELL_TIMEOUT_MS)
    run_cell(qtbot, panel, "applied_at = net.iteration\nnet.my_neurons.Basic_Behavior.threshold = 5.0")
    applied = panel.shell.user_ns["applied_at"]
    assert seed_runner.state == "running"
    qtbot.waitUntil(lambda: seed_runner.iteration >= applied + 300, timeout=CELL_TIMEOUT_MS)
    before = spikes_between(watch, applied - 300, applied)
    after = spikes_after(watch, applied)
    print(
        f"threshold 0.5 -> 5.0 at iteration {applied}: {before} spikes in the 300 iterations before, "
        f"{after} in the {seed_runner.iteration - applied} after"
    )
    # the seed fires about 0.5 spikes per iteration; with threshold 5 nothing can reach it
    assert before >= 30, before
    assert after == 0, after
    assert seed_runner.net.my_neurons.Basic_Behavior.threshold == 5.0


def test_cell_that_raises_leaves_runner_running_and_state_intact(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= 50, timeout=CELL_TIMEOUT_MS)
    out = run_cell(qtbot, panel, "x = net.my_neurons.voltage.mean()\n1 / 0")
    assert "ZeroDivisionError" in out
    assert seed_runner.state == "running" and seed_runner.error is None
    after_error = seed_runner.iteration
    qtbot.waitUntil(lambda: seed_runner.iteration >= after_error + 50, timeout=CELL_TIMEOUT_MS)
    # paused: a failing cell (and a syntax error) change neither the arrays nor the iteration
    seed_runner.pause()
    net = seed_runner.net
    voltage, iteration = net.my_neurons.voltage.copy(), net.iteration
    weights = net.GLUTAMATE.W.copy()
    out = run_cell(qtbot, panel, "v = net.my_neurons.voltage\nraise RuntimeError('boom in a cell')")
    assert "RuntimeError" in out and "boom in a cell" in out
    out = run_cell(qtbot, panel, "net.iteration +* 2")
    assert "SyntaxError" in out
    assert net.iteration == iteration
    np.testing.assert_array_equal(net.my_neurons.voltage, voltage)
    np.testing.assert_array_equal(net.GLUTAMATE.W, weights)
    assert net.my_neurons.Basic_Behavior.threshold == 0.5
    assert seed_runner.error is None and not [e for e in seed_runner.events if e.kind == "error"]
    seed_runner.resume()
    qtbot.waitUntil(lambda: seed_runner.iteration >= iteration + 20, timeout=CELL_TIMEOUT_MS)


def test_studio_step_advances_exactly_n(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= 20, timeout=CELL_TIMEOUT_MS)
    assert seed_runner.pause()
    start = seed_runner.iteration
    out = run_cell(qtbot, panel, "studio.step(10)")
    assert "Out[" in out and "10" in out
    assert seed_runner.iteration == start + 10
    assert seed_runner.state == "paused"
    # while running: the cell pauses, steps exactly 10 inside its own hold (no deadlock), stays paused
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= start + 40, timeout=CELL_TIMEOUT_MS)
    run_cell(
        qtbot,
        panel,
        "a = net.iteration\nstudio.step(10)\nwith studio.runner.hold():\n"
        "    studio.step(5)\nb = net.iteration",
    )
    ns = panel.shell.user_ns
    assert ns["b"] - ns["a"] == 15
    assert seed_runner.state == "paused" and seed_runner.iteration == ns["b"]
    notes = [e.path for e in seed_runner.events if e.source == "console" and e.kind == "note"]
    assert any("studio.step(10)" in str(n) for n in notes), notes
    # run_for from a cell starts after the cell; waiting for it there is refused, not a deadlock
    paused_at = seed_runner.iteration
    out = run_cell(qtbot, panel, "p = studio.run_for(25)\np.wait()")
    assert "cannot work inside a console cell" in out
    qtbot.waitUntil(
        lambda: seed_runner.iteration == paused_at + 25 and seed_runner.state == "paused",
        timeout=CELL_TIMEOUT_MS,
    )


def test_studio_helpers_are_logged_with_source_console(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    run_cell(
        qtbot,
        panel,
        "studio.set('my_neurons.Basic_Behavior.threshold', 0.7)\nstudio.enable('Input_Behavior', False)",
    )
    events = [e for e in seed_runner.events if e.source == "console"]
    kinds = {e.kind for e in events}
    assert {"set_value", "enabled", "note"} <= kinds, kinds
    value = [e for e in events if e.kind == "set_value"][0]
    assert "threshold" in value.path and value.new == pytest.approx(0.7)
    assert seed_runner.net.my_neurons.Basic_Behavior.threshold == pytest.approx(0.7)
    assert not seed_runner.net.my_neurons.Input_Behavior.behavior_enabled


def test_simulate_iterations_runs_here_with_progress(make_console, seed_runner, qtbot):
    panel = make_console(seed_runner)
    statuses: list[str] = []
    panel.guard.status_changed.connect(statuses.append)
    start = seed_runner.iteration
    run_cell(qtbot, panel, "net.simulate_iterations(400)")
    assert seed_runner.iteration == start + 400 and seed_runner.state == "paused"
    assert any("simulate_iterations: " in s and "/400" in s for s in statuses), statuses[:5]
    # running: the worker waits, the cell advances exactly 300, and the runner goes on afterwards
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= start + 450, timeout=CELL_TIMEOUT_MS)
    run_cell(qtbot, panel, "a = net.iteration\nnet.simulate_iterations(300)\nb = net.iteration")
    assert panel.shell.user_ns["b"] - panel.shell.user_ns["a"] == 300
    assert seed_runner.state == "running"
    # a network built in the console simulates normally; the live one does not move
    seed_runner.pause()
    live = seed_runner.iteration
    run_cell(
        qtbot,
        panel,
        "from PymoNNto import Network, NeuronGroup\nn2 = Network()\n"
        "NeuronGroup(net=n2, tag='x', size=3)\nn2.initialize(info=False)\n"
        "n2.simulate_iterations(5)",
    )
    assert panel.shell.user_ns["n2"].iteration == 5 and seed_runner.iteration == live


def test_closing_leaves_no_kernel_thread_and_next_console_is_fresh(make_console, seed_runner, qtbot):
    from ipykernel.inprocess.ipkernel import InProcessInteractiveShell

    panel = make_console(seed_runner, persist_history=True)
    assert {"IOPub", "IPythonHistorySavingThread"} <= set(kernel_threads())
    run_cell(qtbot, panel, "leftover = 123")
    panel.shutdown()
    assert kernel_threads() == []
    assert not InProcessInteractiveShell.initialized()
    assert panel.shell is None and panel.widget is None
    panel.shutdown()  # idempotent
    second = make_console(seed_runner)
    assert "leftover" not in second.shell.user_ns and "In [1]" in second.text()
    second.shutdown()
    assert kernel_threads() == []


def test_group_names_and_safe_points():
    import sys
    import types

    import engine
    from PymoNNto import Network, NeuronGroup, SynapseGroup
    from studio.console.interrupt import is_safe_point, is_user_frame
    from studio.console.names import group_names

    net = Network()
    exc = NeuronGroup(net=net, tag="exc", size=2)
    NeuronGroup(net=net, tag="input", size=2)  # a builtin: binding it would shadow input()
    NeuronGroup(net=net, tag="net", size=2)  # a core console name
    NeuronGroup(net=net, tag="my group", size=2)  # not an identifier
    ee = SynapseGroup(net=net, src=exc, dst=exc, tag="EE")
    names, skipped = group_names(net)
    assert names == {"exc": exc, "EE": ee}
    assert skipped == ["input", "net", "my group"]
    # the ticker pumps only in user code, never under threading (a wait_for predicate holds its lock)
    here = sys._getframe()
    assert is_user_frame(here) and is_safe_point(here)
    cv = threading.Condition()
    seen: list[bool] = []
    with cv:
        cv.wait_for(lambda: seen.append(is_safe_point(sys._getframe())) or True, timeout=0.1)
    assert seen == [False]
    fake = types.SimpleNamespace(f_code=types.SimpleNamespace(co_filename=engine.__file__), f_back=None)
    assert not is_user_frame(fake) and not is_user_frame(None)
