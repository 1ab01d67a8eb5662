"""A slider drag on a running, throttled network (issue #17): edits of one path are coalesced to at
most one per iteration (the last value wins), and the edits do not start iterations of their own."""

from __future__ import annotations

import time

import pytest

from studio.parameters.edits import EditController
from studio.parameters.spec import EditRequest

PATH = "my_neurons.Basic_Behavior.threshold"
GESTURE = 41  # every edit of the drag carries the same gesture id


def _drag(qtbot, controller: EditController, values: list[float]) -> float:
    """Submit ``values`` one per event-loop turn (a fast drag); returns the seconds it took."""
    start = time.perf_counter()
    for value in values:
        controller.submit(EditRequest(PATH, "set", value, f"{value:.4f}", gesture=GESTURE), source="panel")
        qtbot.wait(2)  # the event loop turns: the controller's poll timer collects results
    qtbot.waitUntil(lambda: not controller.pending(PATH), timeout=10000)
    return time.perf_counter() - start


@pytest.mark.parametrize("rate", [30.0, 100.0])
def test_slider_drag_at_30_and_100_it_per_s_applies_at_most_one_edit_per_iteration(qtbot, seed_runner, rate):
    seed_runner.target_iterations_per_second = rate
    controller = EditController(seed_runner)
    failures: list = []
    controller.failed.connect(failures.append)
    seed_runner.start()
    qtbot.waitUntil(lambda: seed_runner.iteration >= 2, timeout=5000)
    before = seed_runner.iteration
    values = [0.5 + 0.001 * k for k in range(150)]
    elapsed = _drag(qtbot, controller, values)
    ran = seed_runner.iteration - before
    seed_runner.pause()
    assert [f.message for f in failures] == []
    edits = [e for e in seed_runner.events if e.kind == "set_value" and e.path == PATH]
    stamps = [e.iteration for e in edits]
    assert stamps == sorted(set(stamps)), f"{len(stamps)} edits at only {len(set(stamps))} iterations"
    assert seed_runner.net.my_neurons.Basic_Behavior.threshold == pytest.approx(values[-1])  # last wins
    assert 1 <= len(edits) <= ran + 1
    assert ran <= rate * elapsed * 1.1 + 2, f"{ran} iterations in {elapsed:.2f} s at {rate:g} it/s"
    assert controller.undo_stack.count() == 1  # one gesture, one undo step
