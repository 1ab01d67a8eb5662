"""Partition: a synapse group cut into blocks between subgroups that tile its matrix and compute
the same as the whole; PymoNNto's structure helpers (vec_to_mat, rotation_matrix).

PymoNNto 3.0.6's own Partition cannot run (it reads ``synapses.dst`` before the SynapseGroup has
set it), so the blocks are checked against the unpartitioned group here. ``rotation_matrix`` and
``vec_to_mat`` values were computed once with PymoNNto 3.0.6 (``tests/data/pymonnto_3_0_6_helpers.json``).
"""

import json

import numpy as np
import pytest

from engine import (
    Behavior,
    Box_Receptive_Fields,
    Network,
    NeuronGroup,
    SxD,
    SynapseGroup,
    afferent,
    get_squared_dim,
)
from engine.compat.helper_functions.synapses_and_weights import get_partitioned_synapse_matrix
from engine.model.partition import Partition, rotation_matrix, vec_to_mat, vec_to_mat_transposed
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


class DistanceWeights(Behavior):
    """W = enabled * (1 + |dx| + 2|dy|): a deterministic weight per synapse."""

    def initialize(self, synapses):
        dx = np.abs(synapses.dst.x[:, None] - synapses.src.x[None, :])
        dy = np.abs(synapses.dst.y[:, None] - synapses.src.y[None, :])
        synapses.W = synapses.enabled * synapses.ignore_transpose_mode(1.0 + dx + 2.0 * dy)


class Drive(Behavior):
    """input = sum over afferent EE blocks of W . spike (written through subgroup views)."""

    def initialize(self, neurons):
        neurons.input = neurons.vector()
        neurons.spike = (neurons.id % 3 == 0).astype(float)

    def iteration(self, neurons):
        neurons.input.fill(0)
        for s in neurons.synapses(afferent, "EE"):
            s.dst.input += s.W.dot(s.src.spike)


def _network(partition=None, width=14, settings=None):
    net = Network(settings=settings)
    group = NeuronGroup(net=net, tag="A", size=get_squared_dim(width * width), behavior={5: Drive()})
    behaviors = {1: Box_Receptive_Fields(range=2), 3: DistanceWeights()}
    if partition is not None:
        behaviors[2] = partition
    SynapseGroup(net=net, src=group, dst=group, tag="EE", behavior=behaviors)
    net.initialize(info=False)
    return net, group


def test_blocks_tile_the_synapse_matrix(capsys):
    whole_net, whole = _network()
    net, group = _network(Partition(split_size=[2, 2, 1]))
    assert "partitioned into 4 SynapseGroups 2 x 2 x 1" in capsys.readouterr().out
    blocks = net.SynapseGroups
    assert len(blocks) == 4 and all("partitioned" in b.tags and "EE" in b.tags for b in blocks)
    assert [(b.dst.size, b.src.size) for b in blocks] == [(49, 81)] * 4  # 7x7 targets, 9x9 sources
    assert np.sum([b.dst.mask for b in blocks], axis=0).tolist() == [1] * 196  # every neuron once
    full_enabled = whole_net.SynapseGroups[0].enabled
    assert np.array_equal(get_partitioned_synapse_matrix(group, "EE", "enabled"), full_enabled)
    assert np.array_equal(get_partitioned_synapse_matrix(group, "EE", "W"), whole_net.SynapseGroups[0].W)
    for b in blocks:
        assert b.W.shape == b.matrix_dim() == (49, 81)
        assert np.array_equal(b.enabled, full_enabled[np.ix_(b.dst.mask, b.src.mask)])


def test_blocks_replace_the_original_everywhere():
    net, group = _network(Partition(split_size=2))  # an int n means [n, n, n]
    blocks = net.SynapseGroups
    assert len(blocks) == 4
    assert group.afferent_synapses["EE"] == blocks and group.efferent_synapses["All"] == blocks
    assert group.afferent_synapses["partitioned"] == blocks
    scheduled = [parent for _, parent, _ in net.sorted_behavior_execution_list]
    assert sum(p is b for p in scheduled for b in blocks) == 4 * 3  # three behavior copies per block
    assert all(p is group or any(p is b for b in blocks) for p in scheduled)
    assert len({id(b.behavior[3]) for b in blocks}) == 4  # copies, not one shared behavior
    assert blocks[0].DistanceWeights is blocks[0].behavior[3]


def test_partitioned_network_computes_the_same_input():
    whole_net, whole = _network()
    net, group = _network(Partition(split_size=[3, 2, 1]))
    assert len(net.SynapseGroups) == 6
    whole_net.simulate_iteration()
    net.simulate_iteration()
    assert whole.input.sum() > 0
    np.testing.assert_allclose(group.input, whole.input, rtol=1e-6)


def test_sxd_layout_blocks_are_sxd():
    whole_net, _ = _network(settings={"syn_dim": SxD})
    net, group = _network(Partition(split_size=[2, 2, 1]), settings={"syn_dim": SxD})
    assert all(b.enabled.shape == b.W.shape == (81, 49) for b in net.SynapseGroups)
    assert np.array_equal(get_partitioned_synapse_matrix(group, "EE", "W"), whole_net.SynapseGroups[0].W.T)


def test_auto_split_size_and_receptive_field_size(capsys):
    net, _ = _network(Partition())  # 14x14: about 2 blocks of 7 per side, too few to partition
    assert len(net.SynapseGroups) == 1 and net.SynapseGroups[0].behavior[2].blocks == []
    assert net.SynapseGroups[0].get_max_receptive_field_size() == (2.0, 2.0, 1.0)
    big, _ = _network(Partition(), width=28)  # 4 x 4 boxes of 7x7
    assert len(big.SynapseGroups) == 16 and {b.dst.size for b in big.SynapseGroups} == {49}
    open_net = Network()
    g = NeuronGroup(net=open_net, tag="g", size=get_squared_dim(12))
    sg = SynapseGroup(net=open_net, src=g, dst=g, tag="all")
    assert sg.get_max_receptive_field_size() == (2.0, 3.0, 1.0)  # enabled=True: every pair counts


def test_bad_partitions_say_why():
    net = Network()
    plain = NeuronGroup(net=net, tag="plain", size=10)
    with pytest.raises(AttributeError, match="NeuronDimension"):
        SynapseGroup(net=net, src=plain, dst=plain, tag="p", behavior={1: Partition()})
    with pytest.raises(ValueError, match="split_size"):
        _network(Partition(split_size="many"))
    with pytest.raises(ValueError, match="has 196 neurons"):
        _, group = _network()
        group.network.SynapseGroups[0].get_sub_synapse_group(np.ones(3, dtype=bool), None)


def test_structure_helpers_match_the_reference():
    np.testing.assert_allclose(rotation_matrix([1, 2, 3], 0.7), REF["rotation_matrix"], atol=1e-12)
    assert vec_to_mat(np.array([1.0, 2.0, 3.0]), 2).tolist() == REF["vec_to_mat"]
    assert vec_to_mat_transposed(np.array([1.0, 2.0, 3.0]), 2).tolist() == REF["vec_to_mat_transposed"]
    turn = rotation_matrix([0, 0, 1], np.pi / 2)
    np.testing.assert_allclose(turn @ [1, 0, 0], [0, 1, 0], atol=1e-12)  # counterclockwise about z
    with pytest.raises(ValueError, match="non-zero 3-vector"):
        rotation_matrix([0, 0, 0], 1.0)
