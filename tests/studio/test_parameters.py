"""Parameter panel, must-hold behaviour on the seed network (issue 5).

Each test loads ``examples/seed_synapses_input.py`` in build mode, steps it in an ``engine.Runner`` and
edits it through the panel while it runs. Measurements come from runner watches (bounded rings filled by
the worker after every iteration); every test stops its runner in teardown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from PyQt6.QtCore import Qt

from engine.io.scripts import load_script
from engine.runtime.runner import Runner
from studio.parameters.dock import ParameterPanel

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed_synapses_input.py"
THRESHOLD = "my_neurons.Basic_Behavior.threshold"
WAIT_MS = 30000


def load_seed() -> Any:
    """The seed network of the tutorial's second example, initialized, at iteration 0."""
    return load_script(str(SEED)).network


@pytest.fixture
def seed(qtbot) -> Iterator[SimpleNamespace]:
    """The seed network, a paused Runner and a shown ParameterPanel on ``my_neurons``."""
    net = load_seed()
    runner = Runner(net)
    panel = ParameterPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(480, 760)
    panel.show()
    panel.set_target(net.my_neurons)
    yield SimpleNamespace(
        net=net, runner=runner, panel=panel, controller=panel.controller, group=net.my_neurons
    )
    panel.timer.stop()
    assert runner.stop(timeout=10.0), "the runner thread did not stop"


def type_into(qtbot, row: Any, text: str) -> None:
    """Select the spin box text, type ``text`` and press Enter, as a user would."""
    spin = row.spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def stamp_of(row_or_section: Any) -> int:
    """The iteration shown by a row's (or a section's) stamp, ``'✓ it 1234'``."""
    return int(row_or_section.stamp.text().split()[-1])


def wait_iteration(qtbot, runner: Runner, n: int) -> None:
    qtbot.waitUntil(lambda: runner.iteration >= n, timeout=WAIT_MS)


def spikes_per_step(t: np.ndarray, lo: int, hi: int) -> float:
    """Spikes per iteration for iterations in (lo, hi]."""
    return float(np.count_nonzero((t > lo) & (t <= hi))) / (hi - lo)


# --------------------------------------------------------------------------------------------- must hold
def test_raising_threshold_mid_run_lowers_spike_rate_after_the_stamp(seed, qtbot, capsys):
    k = 3000
    # generous windows: the stamp is seen by the panel's refresh timer, by which time a free-running
    # runner may be thousands of iterations further; the k iterations before the stamp must survive
    spikes = seed.runner.watch("my_neurons.spike", window=20 * k, allow_missing=True)
    volts = seed.runner.watch("my_neurons.voltage", window=20 * k)
    seed.runner.start()
    wait_iteration(qtbot, seed.runner, k + 100)
    row = seed.panel.row(THRESHOLD)
    assert row.spin.value == 0.5
    type_into(qtbot, row, "0.8")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    stamp = stamp_of(row)
    assert stamp >= k
    wait_iteration(qtbot, seed.runner, stamp + k)
    assert seed.runner.pause()
    assert seed.group.Basic_Behavior.threshold == 0.8
    events = [e for e in seed.runner.events if e.path == THRESHOLD]
    assert [(e.iteration, e.old, e.new, e.source) for e in events] == [(stamp, 0.5, 0.8, "panel")]

    t, i = spikes.read()
    before, after = spikes_per_step(t, stamp - k, stamp), spikes_per_step(t, stamp, stamp + k)
    with capsys.disabled():
        print(
            f"\n[seed] spikes per iteration: threshold 0.5 → {before:.3f} "
            f"(its {stamp - k + 1}..{stamp}), 0.8 → {after:.3f} (its {stamp + 1}..{stamp + k})"
        )
    assert before > 0.2
    assert after < 0.6 * before

    # Exactly from the stamp on: a neuron spikes at t iff its voltage after t-1 exceeds the threshold of t.
    vt, v = volts.read()
    index = {int(x): j for j, x in enumerate(vt)}
    fired = {(int(a), int(b)) for a, b in zip(t, i)}
    for it in list(range(stamp - 200, stamp + 200)):
        thr = 0.5 if it <= stamp else 0.8
        expected = {(it, int(n)) for n in np.flatnonzero(v[index[it - 1]] > thr)}
        assert {x for x in fired if x[0] == it} == expected, f"iteration {it}"


def test_invalid_text_keeps_the_old_value_and_says_why(seed, qtbot):
    seed.runner.start()
    wait_iteration(qtbot, seed.runner, 200)
    row = seed.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.5x")
    assert row.message.isVisible()
    assert "'0.5x' is not a number" in row.message.text()
    assert row.spin.lineEdit().text() == "0.5"  # the old value is shown again
    assert row.stamp.text() == "refused"
    n = seed.runner.iteration
    wait_iteration(qtbot, seed.runner, n + 200)
    assert seed.group.Basic_Behavior.threshold == 0.5
    assert not [e for e in seed.runner.events if e.path == THRESHOLD]
    # a valid edit afterwards clears the message
    type_into(qtbot, row, "0.55")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert not row.message.isVisible()
    assert seed.group.Basic_Behavior.threshold == 0.55


def test_undo_restores_the_old_value_and_the_log_shows_both(seed, qtbot):
    from studio.event_log.dock import EventLogPanel

    log = EventLogPanel(seed.controller)
    qtbot.addWidget(log)
    log.show()
    seed.runner.start()
    wait_iteration(qtbot, seed.runner, 100)
    row = seed.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.7")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert seed.group.Basic_Behavior.threshold == 0.7
    assert seed.controller.undo_action.isEnabled()
    assert seed.controller.undo_action.text() == "Undo threshold 0.5 → 0.7"
    seed.controller.undo_action.trigger()
    qtbot.waitUntil(lambda: seed.group.Basic_Behavior.threshold == 0.5, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(log.events) == 2, timeout=WAIT_MS)
    (edit, undo) = log.events
    assert (edit.path, edit.old, edit.new, edit.source) == (THRESHOLD, 0.5, 0.7, "panel")
    assert (undo.path, undo.old, undo.new, undo.source) == (THRESHOLD, 0.7, 0.5, "undo")
    assert undo.iteration >= edit.iteration
    qtbot.waitUntil(lambda: row.stamp.text() == f"✓ it {undo.iteration}", timeout=WAIT_MS)
    assert row.spin.value == 0.5
    # the shown rows read "0.5 → 0.7 / panel" and "0.7 → 0.5 / undo"
    model = log.model
    shown = [[model.data(model.index(r, c)) for c in range(4)] for r in range(2)]
    assert shown[0][1:] == [THRESHOLD, "0.5 → 0.7", "panel"]
    assert shown[1][1:] == [THRESHOLD, "0.7 → 0.5", "undo"]
    # redo goes through the same path
    seed.controller.redo_action.trigger()
    qtbot.waitUntil(lambda: seed.group.Basic_Behavior.threshold == 0.7, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(log.events) == 3, timeout=WAIT_MS)
    assert (log.events[2].old, log.events[2].new, log.events[2].source) == (0.5, 0.7, "redo")


def test_toggling_input_behavior_off_stops_recurrent_input_from_the_stamp(seed, qtbot, capsys):
    k = 3000
    # generous windows: the stamp is seen by the panel's refresh timer, by which time a free-running
    # runner may be thousands of iterations further; the k iterations before the stamp must survive
    spikes = seed.runner.watch("my_neurons.spike", window=20 * k, allow_missing=True)
    volts = seed.runner.watch("my_neurons.voltage", window=20 * k)
    seed.runner.start()
    wait_iteration(qtbot, seed.runner, k + 100)
    section = seed.panel.section(2)
    assert section.path == "my_neurons.Input_Behavior" and section.enable.isChecked()
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    stamp = stamp_of(section)
    assert seed.runner.pause()
    if seed.runner.iteration < stamp + k:
        seed.runner.step(stamp + k - seed.runner.iteration)
    assert seed.group.Input_Behavior.behavior_enabled is False
    ev = [e for e in seed.runner.events if e.kind == "enabled"]
    assert [(e.iteration, e.path, e.old, e.new, e.source) for e in ev] == [
        (stamp, "my_neurons.Input_Behavior", True, False, "panel")
    ]

    t, _ = spikes.read()
    before, after = spikes_per_step(t, stamp - k, stamp), spikes_per_step(t, stamp, stamp + k)
    # The recurrent input is the part of a voltage step that neither the reset/decay nor the sparse
    # noise explains: v_t - 0.9 * reset(v_{t-1}) > 0 on neurons hit by noise (about 1 per step) and,
    # while Input_Behavior runs, on every target of a neuron that spiked.
    vt, v = volts.read()
    index = {int(x): j for j, x in enumerate(vt)}

    def kicked(it: int) -> int:
        prev = v[index[it - 1]].copy()
        prev[prev > seed.group.Basic_Behavior.threshold] = 0.0
        prev *= np.float32(0.9)
        return int(np.count_nonzero(v[index[it]] - prev > 1e-6))

    kicked_before = np.mean([kicked(it) for it in range(stamp - k + 1, stamp + 1)])
    kicked_after = np.mean([kicked(it) for it in range(stamp + 1, stamp + k + 1)])
    with capsys.disabled():
        print(
            f"\n[seed] Input_Behavior on → off at iteration {stamp}: spikes/iteration {before:.3f} → "
            f"{after:.3f}; neurons pushed up per iteration {kicked_before:.2f} → {kicked_after:.2f}"
        )
    assert kicked_after <= 1.5  # the noise alone: density 0.01 × 100 neurons
    assert kicked_before > 2 * kicked_after


def test_toggling_basic_behavior_off_freezes_spikes_exactly_from_the_stamp(seed, qtbot):
    # a generous window: the panel sees the stamp at its next refresh, when a free-running runner
    # may be thousands of iterations further; the 300 iterations before the stamp must survive
    spikes = seed.runner.watch("my_neurons.spike", window=50000, allow_missing=True, kind="trace")
    seed.runner.start()
    wait_iteration(qtbot, seed.runner, 500)
    section = seed.panel.section(1)
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    stamp = stamp_of(section)
    assert seed.runner.pause()
    if seed.runner.iteration < stamp + 300:
        seed.runner.step(stamp + 300 - seed.runner.iteration)
    t, s = spikes.read()
    index = {int(x): j for j, x in enumerate(t)}
    frozen = s[index[stamp]]
    assert all(np.array_equal(s[index[it]], frozen) for it in range(stamp + 1, stamp + 300))
    changes_before = sum(
        not np.array_equal(s[index[it]], s[index[it - 1]]) for it in range(stamp - 300, stamp + 1)
    )
    assert changes_before > 30  # Basic_Behavior recomputed spikes until the stamp
    # switching it back on through the panel resumes it
    seed.runner.start()
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("on ✓"), timeout=WAIT_MS)
    assert seed.group.Basic_Behavior.behavior_enabled is True
