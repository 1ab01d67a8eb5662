"""Views draw while the network runs and never show a blank area instead of their last frame:
the Weights view follows a learning W live; a view shown again draws what it missed at once."""

from __future__ import annotations

import numpy as np

from tests.support.paths import EXAMPLES_DIR


def test_weights_view_draws_while_the_network_runs(make_window, qtbot):
    w = make_window(EXAMPLES_DIR / "sorn_plastic.py")  # STDP changes W every iteration
    weights = w.view("weights")
    weights.mode_box.setCurrentIndex(1)  # the whole matrix (EE: 200 x 200)
    qtbot.waitUntil(
        lambda: weights.panel.image.image is not None and weights.panel.image.image.shape == (200, 200),
        timeout=5000,
    )
    first = np.array(weights.panel.image.image, copy=True)
    w.bridge.run()
    try:
        qtbot.waitUntil(
            lambda: (
                w.bridge.is_running
                and weights._fetched_iteration > 0
                and not np.array_equal(weights.panel.image.image, first)
            ),
            timeout=10000,
        )
        assert w.bridge.is_running  # drawn during the run, not after a pause
    finally:
        w.bridge.pause()
    shown_at = weights._fetched_iteration
    assert 0 < shown_at <= w.bridge.iteration


def test_weights_view_keeps_its_last_frame_when_the_selection_changes(make_window, qtbot):
    w = make_window(EXAMPLES_DIR / "sorn_plastic.py")
    weights = w.view("weights")
    qtbot.waitUntil(lambda: weights.panel.image.image is not None, timeout=5000)
    before = weights.synapse_group()
    w.selection.set_group(w.bridge.network.inh)  # another synapse group: the old frame stays meanwhile
    assert weights.synapse_group() is not before
    assert weights.panel.image.image is not None
    qtbot.waitUntil(lambda: weights._future is None and weights._last_fetch > 0, timeout=5000)
    assert weights.panel.image.image is not None


def test_a_view_shown_again_draws_what_it_missed(make_window, qtbot):
    w = make_window()
    raster = w.view("raster")
    w.bridge.step(5)
    dock = w.docks.docks["raster"]
    dock.hide()
    w.bridge.step(20)  # hidden: the raster skips these frames
    assert not raster.isVisible() and raster._drawn_iteration == 5
    dock.show()  # paused: no new iteration, yet the view catches up as it is shown
    assert raster._drawn_iteration == 25
    spike_t = w.bridge.network["spike.t", 0]
    np.testing.assert_array_equal(raster.shown_counts()[-25:], np.bincount(spike_t, minlength=26)[1:])
