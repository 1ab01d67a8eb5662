"""The GUI keeps its frame rate while the worker steps a small, overhead-bound network."""

from __future__ import annotations

import time

from tests.support.library_scripts import OVERHEAD_SCRIPT


def test_view_timer_keeps_25_fps_while_stepping(make_window, write_script, qtbot):
    w = make_window(write_script("overhead.py", OVERHEAD_SCRIPT))
    w.bridge.run()
    qtbot.waitUntil(lambda: w.bridge.iteration > 50, timeout=10000)
    frames, redraws, it = w.bridge.frames, w.bridge.redraws, w.bridge.iteration
    start = time.perf_counter()
    qtbot.waitUntil(lambda: w.bridge.frames >= frames + 60, timeout=10000)
    elapsed = time.perf_counter() - start
    fps = 60 / elapsed
    assert fps >= 25, f"view timer at {fps:.1f} frames/s"
    qtbot.waitUntil(lambda: w.bridge.redraws > redraws, timeout=10000)  # the views keep redrawing too
    assert w.bridge.iteration > it + 100  # and the engine keeps stepping
    w.bridge.pause()


def test_budget_limits_redraws_only_at_max_speed(make_window, qtbot):
    w = make_window()
    w.bridge.budget = 1e-4  # an absurdly small budget: few redraws at max speed
    w.bridge.run()
    qtbot.waitUntil(lambda: w.bridge.redraws >= 1 and w.bridge.iteration > 50, timeout=10000)
    frames, redraws = w.bridge.frames, w.bridge.redraws
    qtbot.waitUntil(lambda: w.bridge.frames >= frames + 15, timeout=10000)
    assert w.bridge.redraws - redraws <= 1  # the timer ticks, the views wait
    w.controls.set_speed(100.0)  # throttled: every tick redraws again
    frames, redraws = w.bridge.frames, w.bridge.redraws
    qtbot.waitUntil(lambda: w.bridge.frames >= frames + 12, timeout=10000)
    assert w.bridge.redraws - redraws >= 11
    w.bridge.pause()
