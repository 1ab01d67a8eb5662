"""The views in the window: neuron selection from the grid, the weights of the selected neuron, a second
view on another group, a raster waiting for a variable the first iteration creates."""

from __future__ import annotations

import numpy as np


def test_grid_click_selects_a_neuron_and_views_follow(make_window, qtbot):
    w = make_window()
    w.bridge.step(5)
    grid, traces = w.view("grid"), w.view("traces")
    grid.panel.pixel_clicked.emit(3, 7)  # 10 x 10 grid: row 3, column 7
    assert w.selection.neuron == 37
    assert 37 in traces._neurons
    w.bridge.step(2)
    t, v = traces.shown_data()  # the history of neuron 37 is there too
    assert list(t) == list(range(1, 8)) and v.shape[1] == len(traces._neurons)
    np.testing.assert_allclose(
        v[:, traces._neurons.index(37)], w.bridge.network["voltage", 0, "np"][:7, 37], rtol=1e-6
    )
    assert traces._curves[traces._neurons.index(37)].name() == "#37 (selected)"


def test_weights_show_the_selected_neurons_afferents(make_window, qtbot):
    w = make_window()
    weights = w.view("weights")
    w.selection.set_neuron(12)
    qtbot.waitUntil(lambda: weights.panel.image.image is not None, timeout=5000)
    W = w.bridge.network.GLUTAMATE.W
    np.testing.assert_allclose(weights.panel.image.image, W[12].reshape(10, 10))
    weights.mode_box.setCurrentIndex(1)  # whole matrix
    qtbot.waitUntil(
        lambda: weights.panel.image.image is not None and weights.panel.image.image.shape == (100, 100),
        timeout=5000,
    )


def test_second_group_side_by_side(make_window, write_script, qtbot):
    path = write_script(
        "two.py",
        '''
"""Two groups"""
from PymoNNto import *

class Noise(Behavior):
    def initialize(self, n):
        n.voltage = n.vector()
    def iteration(self, n):
        n.voltage = n.vector('uniform')
        n.spike = n.voltage > 0.9

net = Network()
NeuronGroup(net=net, tag='a', size=30, behavior={1: Noise()})
NeuronGroup(net=net, tag='b', size=get_squared_dim(64), behavior={1: Noise()})
net.initialize(info=False)
''',
    )
    w = make_window(path)
    dock = w.docks.open_extra("raster", w._make_view)
    second = dock.widget()
    b = w.bridge.network.b
    second.group_box.setCurrentIndex(1)  # picking a group unpins "follow"
    assert second.group is b and not second.follow_box.isChecked()
    w.bridge.step(20)
    assert w.view("raster").group is w.bridge.network.a
    assert second.shown_counts().sum() > 0 and w.view("raster").shown_counts().sum() > 0
    assert w.view("grid").group is w.bridge.network.a
    w.selection.set_group(b)  # the tree selects b: following views switch
    assert w.view("grid").group is b and w.view("grid")._geom == (8, 8, 1)


def test_raster_waits_for_a_variable_the_first_iteration_creates(make_window):
    w = make_window()  # the seed creates 'spike' in iteration 1
    raster = w.view("raster")
    assert not hasattr(w.bridge.network.my_neurons, "spike") and raster.variable == "spike"
    w.bridge.refresh_now()  # a frame before it exists: no error shown
    assert not raster.message.isVisible() or "waiting" in raster.message.text()
    w.bridge.step(10)
    spike_t = w.bridge.network["spike.t", 0]
    np.testing.assert_array_equal(raster.shown_counts()[-10:], np.bincount(spike_t, minlength=11)[1:])
    assert not raster.message.isVisible()
