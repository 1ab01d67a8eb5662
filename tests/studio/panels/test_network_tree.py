"""The Network tree follows the structure: a behavior or a group added between iterations (a console
cell, a tab module) appears without reloading, and the selection survives the rebuild."""

from __future__ import annotations

from engine import NeuronGroup, Recorder
from studio.panels.network_tree import structure_signature


def _rows(tree):
    root = tree.topLevelItem(0)
    return {
        root.child(k).text(0): [root.child(k).child(j).text(0) for j in range(root.child(k).childCount())]
        for k in range(root.childCount())
    }


def test_a_behavior_and_a_group_added_between_iterations_appear(make_window, qtbot):
    w = make_window()
    tree = w.tree
    net = w.bridge.network
    group = net.NeuronGroups[0]
    w.selection.set_group(group)
    before = _rows(tree)[group.tags[0]]
    assert not tree.follow_structure()  # nothing changed: no rebuild
    with w.bridge.runner.hold():
        group.add_behavior(77, Recorder(["voltage"], tag="late_recorder"))
    qtbot.waitUntil(lambda: tree.rebuilds == 1, timeout=5000)
    assert _rows(tree)[group.tags[0]] == sorted([*before, "77  Recorder"], key=lambda t: float(t.split()[0]))
    assert tree.currentItem().text(0) == group.tags[0]  # the selection is kept
    signature = structure_signature(net)
    with w.bridge.runner.hold():
        NeuronGroup(net=net, tag="extra", size=4, behavior={})
    qtbot.waitUntil(lambda: tree.rebuilds == 2, timeout=5000)
    assert "extra" in _rows(tree) and structure_signature(net) != signature


def test_the_fingerprint_reads_no_tag_as_an_attribute():
    """``net.size`` on a Network is a tag lookup: a group tagged 'size' must not enter the fingerprint."""
    from engine import Network

    net = Network()
    NeuronGroup(net=net, tag="size", size=3, behavior={})
    net.initialize(info=False)
    first = structure_signature(net)
    assert first == structure_signature(net) and len(first[1]) == 1
