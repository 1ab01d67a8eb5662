"""Views that watch a whole group's variable share one runner watch (the worker copies each sample
once); each view reads its own window as if it had a watch of its own."""

from __future__ import annotations

import numpy as np
import pytest

from studio.core.runner_bridge import SimBridge

SPIKE = "my_neurons.spike"


@pytest.fixture
def bridge(qtbot, seed_net):
    bridge = SimBridge()
    bridge.set_network(seed_net)
    yield bridge
    bridge.shutdown()


def test_views_of_one_variable_share_a_watch_and_read_their_own_windows(bridge):
    runner = bridge.runner
    raster = bridge.watch(SPIKE, window=200, kind="spikes")
    fast = bridge.watch(SPIKE, window=30, kind="spikes")
    assert bridge.runner_watches == 1 and fast.watch is raster.watch
    wider = bridge.watch(SPIKE, window=400, kind="spikes")  # more than the shared one holds
    analysis = bridge.watch(SPIKE, window=300, kind="spikes")
    assert bridge.runner_watches == 2 and analysis.watch is wider.watch
    selected = bridge.watch(SPIKE, window=30, kind="spikes", neurons=[1, 2])  # a selection: its own
    assert bridge.runner_watches == 3
    reference = runner.watch(SPIKE, window=30, kind="spikes", allow_missing=True)
    bridge.step(250)
    times, raster_block = fast.read_raster()
    ref_times, ref_block = reference.read_raster()
    assert np.array_equal(times, ref_times) and np.array_equal(raster_block, ref_block)
    assert np.array_equal(times, np.arange(221, 251)) and raster.read_raster()[0].size == 200
    assert np.array_equal(selected.read_raster()[1], ref_block[:, [1, 2]])
    bridge.release(fast)
    assert bridge.runner_watches == 4 and not fast.watch.removed  # the raster still reads it
    bridge.release(raster)
    assert raster.watch.removed and bridge.runner_watches == 3
    again = bridge.watch(SPIKE, window=100, kind="spikes")
    assert again.watch is wider.watch and again.count == 0  # a new view starts empty
