"""Parameter panel, must-hold behaviour on the seed network (issue 5).

Each test loads ``examples/seed_synapses_input.py`` in build mode, steps it in an ``engine.Runner`` and
edits it through the panel while it runs (the ``seed_panel`` fixture of :mod:`tests.support.fixtures`).
Measurements come from runner watches (bounded rings filled by the worker after every iteration);
every runner is stopped in teardown.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tests.support.parameters import THRESHOLD, WAIT_MS, type_into, wait_iteration


def stamp_of(row_or_section: Any) -> int:
    """The iteration shown by a row's (or a section's) stamp, ``'✓ it 1234'``."""
    return int(row_or_section.stamp.text().split()[-1])


def spikes_per_step(t: np.ndarray, lo: int, hi: int) -> float:
    """Spikes per iteration for iterations in (lo, hi]."""
    return float(np.count_nonzero((t > lo) & (t <= hi))) / (hi - lo)


# --------------------------------------------------------------------------------------------- must hold
def test_raising_threshold_mid_run_lowers_spike_rate_after_the_stamp(seed_panel, qtbot, capsys):
    k = 3000
    # generous windows: the stamp is seen by the panel's refresh timer, by which time a free-running
    # runner may be thousands of iterations further; the k iterations before the stamp must survive
    spikes = seed_panel.runner.watch("my_neurons.spike", window=20 * k, allow_missing=True)
    volts = seed_panel.runner.watch("my_neurons.voltage", window=20 * k)
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, k + 100)
    row = seed_panel.panel.row(THRESHOLD)
    assert row.spin.value == 0.5
    type_into(qtbot, row, "0.8")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    stamp = stamp_of(row)
    assert stamp >= k
    wait_iteration(qtbot, seed_panel.runner, stamp + k)
    assert seed_panel.runner.pause()
    assert seed_panel.group.Basic_Behavior.threshold == 0.8
    events = [e for e in seed_panel.runner.events if e.path == THRESHOLD]
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


def test_invalid_text_keeps_the_old_value_and_says_why(seed_panel, qtbot):
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, 200)
    row = seed_panel.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.5x")
    assert row.message.isVisible()
    assert "'0.5x' is not a number" in row.message.text()
    assert row.spin.lineEdit().text() == "0.5"  # the old value is shown again
    assert row.stamp.text() == "refused"
    n = seed_panel.runner.iteration
    wait_iteration(qtbot, seed_panel.runner, n + 200)
    assert seed_panel.group.Basic_Behavior.threshold == 0.5
    assert not [e for e in seed_panel.runner.events if e.path == THRESHOLD]
    # a valid edit afterwards clears the message
    type_into(qtbot, row, "0.55")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert not row.message.isVisible()
    assert seed_panel.group.Basic_Behavior.threshold == 0.55


def test_undo_restores_the_old_value_and_the_log_shows_both(seed_panel, qtbot):
    from studio.event_log.dock import EventLogPanel

    log = EventLogPanel(seed_panel.controller)
    qtbot.addWidget(log)
    log.show()
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, 100)
    row = seed_panel.panel.row(THRESHOLD)
    type_into(qtbot, row, "0.7")
    qtbot.waitUntil(lambda: row.stamp.text().startswith("✓"), timeout=WAIT_MS)
    assert seed_panel.group.Basic_Behavior.threshold == 0.7
    assert seed_panel.controller.undo_action.isEnabled()
    assert seed_panel.controller.undo_action.text() == "Undo threshold 0.5 → 0.7"
    seed_panel.controller.undo_action.trigger()
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.5, timeout=WAIT_MS)
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
    seed_panel.controller.redo_action.trigger()
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.7, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(log.events) == 3, timeout=WAIT_MS)
    assert (log.events[2].old, log.events[2].new, log.events[2].source) == (0.5, 0.7, "redo")


def test_toggling_input_behavior_off_stops_recurrent_input_from_the_stamp(seed_panel, qtbot, capsys):
    k = 3000
    # generous windows: the stamp is seen by the panel's refresh timer, by which time a free-running
    # runner may be thousands of iterations further; the k iterations before the stamp must survive
    spikes = seed_panel.runner.watch("my_neurons.spike", window=20 * k, allow_missing=True)
    volts = seed_panel.runner.watch("my_neurons.voltage", window=20 * k)
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, k + 100)
    section = seed_panel.panel.section(2)
    assert section.path == "my_neurons.Input_Behavior" and section.enable.isChecked()
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    stamp = stamp_of(section)
    assert seed_panel.runner.pause()
    if seed_panel.runner.iteration < stamp + k:
        seed_panel.runner.step(stamp + k - seed_panel.runner.iteration)
    assert seed_panel.group.Input_Behavior.behavior_enabled is False
    ev = [e for e in seed_panel.runner.events if e.kind == "enabled"]
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
        prev[prev > seed_panel.group.Basic_Behavior.threshold] = 0.0
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


def test_toggling_basic_behavior_off_freezes_spikes_exactly_from_the_stamp(seed_panel, qtbot):
    # a generous window: the panel sees the stamp at its next refresh, when a free-running runner
    # may be thousands of iterations further; the 300 iterations before the stamp must survive
    spikes = seed_panel.runner.watch("my_neurons.spike", window=50000, allow_missing=True, kind="trace")
    seed_panel.runner.start()
    wait_iteration(qtbot, seed_panel.runner, 500)
    section = seed_panel.panel.section(1)
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("off ✓"), timeout=WAIT_MS)
    stamp = stamp_of(section)
    assert seed_panel.runner.pause()
    if seed_panel.runner.iteration < stamp + 300:
        seed_panel.runner.step(stamp + 300 - seed_panel.runner.iteration)
    t, s = spikes.read()
    index = {int(x): j for j, x in enumerate(t)}
    frozen = s[index[stamp]]
    assert all(np.array_equal(s[index[it]], frozen) for it in range(stamp + 1, stamp + 300))
    changes_before = sum(
        not np.array_equal(s[index[it]], s[index[it - 1]]) for it in range(stamp - 300, stamp + 1)
    )
    assert changes_before > 30  # Basic_Behavior recomputed spikes until the stamp
    # switching it back on through the panel resumes it
    seed_panel.runner.start()
    section.enable.click()
    qtbot.waitUntil(lambda: section.stamp.text().startswith("on ✓"), timeout=WAIT_MS)
    assert seed_panel.group.Basic_Behavior.behavior_enabled is True
