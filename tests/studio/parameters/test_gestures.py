"""One gesture, one undo step: a drag is press-to-release, steps are a run without a pause, and how long
the engine takes to apply the edits never splits a gesture (the CI failure of stop 19: a slow machine
turned one slider drag into two undo steps)."""

from __future__ import annotations

from studio.parameters.gestures import STEP_PAUSE_SECONDS, GestureTracker
from studio.parameters.spec import EditRequest

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
WAIT_MS = 10000


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_drag_keeps_one_id_however_long_it_lasts():
    clock = FakeClock()
    tracker = GestureTracker(clock)
    tracker.press()
    first = tracker.current()
    clock.now += 60 * STEP_PAUSE_SECONDS
    assert tracker.current() == first
    tracker.release()
    assert not tracker.dragging
    tracker.press()
    assert tracker.current() != first


def test_steps_share_an_id_until_a_pause():
    clock = FakeClock()
    tracker = GestureTracker(clock)
    ids = []
    for _ in range(5):
        ids.append(tracker.current())
        clock.now += STEP_PAUSE_SECONDS / 2
    assert len(set(ids)) == 1
    clock.now += STEP_PAUSE_SECONDS * 1.5
    assert tracker.current() != ids[0]


def test_two_trackers_never_share_an_id():
    a, b = GestureTracker(FakeClock()), GestureTracker(FakeClock())
    assert a.current() != b.current()


def _apply_all(qtbot, controller, group, values, gestures):
    for value, gesture in zip(values, gestures):
        controller.submit(EditRequest(THRESHOLD, "set", value, str(value), gesture=gesture), source="panel")
        qtbot.waitUntil(lambda: not controller.pending(THRESHOLD), timeout=WAIT_MS)
    assert group.Basic_Behavior.threshold == values[-1]


def test_undo_steps_follow_gesture_ids_not_time(seed_panel, qtbot):
    controller, group = seed_panel.controller, seed_panel.group
    seed_panel.runner.start()
    _apply_all(qtbot, controller, group, [0.55, 0.6, 0.65], [7001, 7001, 7001])
    _apply_all(qtbot, controller, group, [0.7, 0.75], [7002, 7002])
    _apply_all(qtbot, controller, group, [0.8], [0])  # typed: its own step
    assert controller.undo_stack.count() == 3
    for expected in (0.75, 0.65, 0.5):  # the typed edit, the second drag, the first drag
        controller.undo()
        qtbot.waitUntil(lambda value=expected: group.Basic_Behavior.threshold == value, timeout=WAIT_MS)


def test_a_slider_drag_on_a_row_is_one_step_and_two_drags_are_two(seed_panel, qtbot):
    seed_panel.group.Basic_Behavior.parameter_ranges = {"threshold": (0.0, 1.0)}
    seed_panel.panel.set_target(seed_panel.group)
    seed_panel.runner.start()
    controller = seed_panel.controller
    row = seed_panel.panel.row(THRESHOLD)
    for positions in ((550, 600), (650, 700)):
        row.slider.setSliderDown(True)
        for pos in positions:
            row.slider.setValue(pos)
            qtbot.waitUntil(lambda: not controller.pending(THRESHOLD), timeout=WAIT_MS)
        row.slider.setSliderDown(False)
    qtbot.waitUntil(lambda: seed_panel.group.Basic_Behavior.threshold == 0.7, timeout=WAIT_MS)
    assert controller.undo_stack.count() == 2
    assert [controller.undo_stack.command(k).text() for k in range(2)] == [
        "threshold 0.5 → 0.6",
        "threshold 0.6 → 0.7",
    ]
