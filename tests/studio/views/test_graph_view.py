"""The network graph view: a node per group, an arrow per synapse group, clicks select, and the
graph follows groups the console adds or removes."""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QPoint, QPointF, Qt

from engine import NeuronGroup, SynapseGroup
from studio.views.graph_layout import circle_layout, spring_layout
from tests.support.paths import EXAMPLES_DIR as EXAMPLES


def open_graph(w):
    return w.docks.open_extra("graph").widget()


def test_as_many_nodes_and_edges_as_the_network(make_window, qtbot):
    w = make_window(EXAMPLES / "sorn_plastic.py")
    graph = open_graph(w)
    net = w.bridge.network
    assert graph.node_count() == len(net.NeuronGroups) == 2
    assert graph.edge_count() == len(net.SynapseGroups) == 3
    assert [t.split("\n")[0] for t in graph.node_texts()] == ["exc", "inh"]
    assert "200 neurons" in graph.node_texts()[0]
    w.bridge.step(50)
    qtbot.waitUntil(lambda: graph._weights_iteration == 50 and graph._future is None, timeout=5000)
    ee = next(k for k, sg in enumerate(graph.graph.synapses) if sg is net.EE)
    W = net.EE.W
    density, mean = graph.summaries[ee]
    assert density == np.count_nonzero(W) / W.size
    assert mean == np.float64(W.sum(dtype=np.float64)) / np.count_nonzero(W)
    assert graph.edge_texts()[ee].startswith("EE\nd=")
    qtbot.waitUntil(lambda: all(r is not None for r in graph.rates), timeout=5000)
    spikes = net["exc"][0].spike  # the rate label is a number of the right size
    assert 0 <= graph.rates[0] <= 1 and spikes.dtype == bool
    assert "/it" in graph.node_texts()[0]


def test_clicking_a_node_selects_the_group_everywhere(make_window, qtbot):
    w = make_window(EXAMPLES / "sorn_plastic.py")
    graph = open_graph(w)
    inh = w.bridge.network.inh
    assert w.selection.group is not inh
    k = graph.graph.groups.index(inh)
    vb = graph.plot.getPlotItem().vb
    scene = vb.mapViewToScene(QPointF(*graph.graph.pos[k]))
    pos = graph.plot.mapFromScene(scene)
    qtbot.mouseClick(graph.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert w.selection.group is inh
    assert w.docks.content("parameters").panel.target is inh
    assert w.view("raster").group is inh  # following views switch too
    assert graph.nodes.data["pen"][k] is not graph.nodes.data["pen"][1 - k]  # the selected node is marked


def test_a_group_added_or_removed_by_the_console_changes_the_graph(make_window, qtbot):
    w = make_window()
    graph = open_graph(w)
    net = w.bridge.network
    assert graph.node_count() == 1 and graph.edge_count() == 1
    rebuilds = graph.rebuilds

    def add():
        extra = NeuronGroup(net=net, tag="extra", size=7)
        SynapseGroup(net=net, src=net.my_neurons, dst=extra, tag="TO_EXTRA")

    w.bridge.call(add).result(timeout=5)
    w.bridge.refresh_now()
    assert graph.node_count() == 2 and graph.edge_count() == 2 and graph.rebuilds == rebuilds + 1
    assert graph.node_texts()[1].startswith("extra\n7 neurons")
    w.bridge.refresh_now()
    assert graph.rebuilds == rebuilds + 1  # an unchanged network is not rebuilt

    def remove():
        net.SynapseGroups.remove(net["TO_EXTRA"][0])
        net.NeuronGroups.remove(net["extra"][0])

    w.bridge.call(remove).result(timeout=5)
    w.bridge.refresh_now()
    assert graph.node_count() == 1 and graph.edge_count() == 1


def test_layouts_are_deterministic_and_spread():
    assert circle_layout(0).shape == (0, 2) and circle_layout(1).tolist() == [[0.0, 0.0]]
    edges = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 4), (4, 4)]
    a, b = spring_layout(5, edges), spring_layout(5, edges)
    np.testing.assert_array_equal(a, b)
    assert np.isfinite(a).all() and np.abs(a).max() <= 1.0 + 1e-9
    gaps = np.linalg.norm(a[:, None] - a[None, :], axis=2)[np.triu_indices(5, 1)]
    assert gaps.min() > 0.2  # no two nodes on top of each other


CLOCK = '''
"""A regular group: neuron k fires when (t + k) % 8 == 0"""
import numpy as np
from PymoNNto import *


class Clock(Behavior):
    def initialize(self, n):
        self.t = 0
        n.spike = n.vector(bool)

    def iteration(self, n):
        self.t += 1
        n.spike = (self.t + np.arange(n.size)) % 8 == 0


net = Network()
NeuronGroup(net=net, tag='clock', size=12, behavior={1: Clock()})
net.initialize(info=False)
'''


def test_node_label_gives_the_firing_rate(make_window, write_script, qtbot):
    w = make_window(write_script("clock.py", CLOCK))
    graph = open_graph(w)
    assert graph.edge_count() == 0 and graph.node_count() == 1
    w.bridge.step(160)
    qtbot.waitUntil(lambda: graph.rates[0] is not None, timeout=5000)
    assert graph.rates[0] == 1 / 8
    assert "0.125 /it" in graph.node_texts()[0]


def test_every_node_label_stays_in_view_in_a_narrow_dock(make_window, qtbot):
    """Labels are sized in pixels: in a narrow dock the view zooms out so that none is cut off."""
    w = make_window(EXAMPLES / "izhikevich_ei.py")  # two groups, each with a self-loop
    graph = open_graph(w)
    dock = w.docks.docks[next(n for n in w.docks.extra if n.startswith("graph"))]
    w.bridge.step(20)
    qtbot.waitUntil(lambda: all(r is not None for r in graph.rates), timeout=5000)  # the long labels
    for width in (300, 700):
        dock.setFloating(True)
        dock.resize(width, 300)
        qtbot.waitUntil(lambda width=width: abs(dock.width() - width) < 40, timeout=5000)
        graph.refresh()
        vb = graph.plot.getPlotItem().vb
        visible = vb.mapRectToScene(vb.boundingRect())
        for label in graph._node_labels + graph._edge_labels:  # self-loop labels included
            box = label.mapRectToScene(label.boundingRect())
            assert visible.contains(box), (width, label.toPlainText(), box, visible)
