"""Whole-group synapse matrices from (partitioned) synapse groups, compared with PymoNNto 3.0.6.

Reference values (``tests/data/pymonnto_3_0_6_helpers.json``) were computed once with PymoNNto 3.0.6:
``src`` = ``get_squared_dim(6)``, ``dst`` = ``get_squared_dim(4)``, one SynapseGroup tagged
``'EE,GLU'`` with ``W = arange(24).reshape(4, 6) / 10``.
"""

import json

import numpy as np
import pytest

from engine import Box_Receptive_Fields, Network, NeuronGroup, SynapseGroup, get_squared_dim
from engine.compat.helper_functions.synapses_and_weights import (
    SingleNeuron_attached_SubSGs,
    get_combined_syn_mats,
    get_partitioned_synapse_matrix,
    get_single_neuron_combined_partition_matrix,
    get_unique_non_partitioned_Groups,
    set_partitioned_synapse_matrix,
)
from engine.model.partition import Partition
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))
KEY = "EE,GLU,SynapseGroup,syn,src_to_dst"


def _pair():
    net = Network()
    a = NeuronGroup(net=net, tag="src", size=get_squared_dim(6))
    b = NeuronGroup(net=net, tag="dst", size=get_squared_dim(4))
    sg = SynapseGroup(net=net, src=a, dst=b, tag="EE,GLU")
    sg.W = np.arange(24.0).reshape(4, 6) / 10
    return a, b, sg


def test_unpartitioned_matrices_match_the_reference():
    a, b, sg = _pair()
    combined = get_combined_syn_mats([sg], None, "W")
    assert list(combined) == REF["combined_keys"] == [KEY]
    np.testing.assert_allclose(combined[KEY], REF["combined_W"])
    np.testing.assert_allclose(get_combined_syn_mats([sg], 2, "W")[KEY], REF["combined_W_neuron2"])
    assert get_combined_syn_mats([sg], None, "enabled")[KEY].tolist() == REF["combined_enabled"]
    np.testing.assert_allclose(get_partitioned_synapse_matrix(b, "EE", "W"), REF["partitioned_matrix"])
    assert [g.tags[0] for g in get_unique_non_partitioned_Groups([a, b, a])] == REF["unique_groups"]
    np.testing.assert_allclose(get_combined_syn_mats([sg], None, "W*2")[KEY], np.array(REF["combined_W"]) * 2)


def test_single_neuron_matrix_and_attached_groups():
    a, b, sg = _pair()
    assert SingleNeuron_attached_SubSGs(b, "EE", 1) == [sg]
    image = get_single_neuron_combined_partition_matrix(b, "EE", "W", 1)
    np.testing.assert_allclose(image, [[0.6, 0.7], [0.8, 0.9], [1.0, 1.1]])  # row 1 as the 3x2 source
    assert get_single_neuron_combined_partition_matrix(b, "EE", "W", 1, return_first=False)[0].shape == (3, 2)


def _partitioned():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=get_squared_dim(100))
    behaviors = {1: Box_Receptive_Fields(range=1), 2: Partition(split_size=[2, 2, 1])}
    SynapseGroup(net=net, src=g, dst=g, tag="EE", behavior=behaviors)
    return net, g


def test_set_then_get_round_trips_through_the_blocks(capsys):
    net, g = _partitioned()
    enabled = get_partitioned_synapse_matrix(g, "EE", "enabled")
    assert enabled.shape == (100, 100) and enabled.sum() == 784  # 3x3 boxes, clipped at the edges
    full = np.arange(10000.0).reshape(100, 100) * enabled
    set_partitioned_synapse_matrix(g, "EE", "W", full)
    assert [b.W.shape for b in net.SynapseGroups] == [(25, 36)] * 4  # 5x5 targets, 6x6 sources
    np.testing.assert_array_equal(get_partitioned_synapse_matrix(g, "EE", "W"), full)
    attached = SingleNeuron_attached_SubSGs(g, "EE", 55)
    assert len(attached) == 1 and 55 in attached[0].dst.id
    image = get_single_neuron_combined_partition_matrix(g, "EE", "W", 55)
    assert image.shape == (10, 10)
    np.testing.assert_array_equal(image.ravel(), full[55])


def test_bad_input_names_the_culprit():
    a, b, sg = _pair()
    with pytest.raises(AttributeError, match="cannot give 'missing'"):
        get_combined_syn_mats([sg], None, "missing")
    with pytest.raises(LookupError, match="no afferent synapses tagged 'XY'"):
        get_partitioned_synapse_matrix(b, "XY", "W")
    with pytest.raises(ValueError, match=r"need \(4, 6\)"):
        set_partitioned_synapse_matrix(b, "EE", "W", np.zeros((3, 3)))
    with pytest.raises(LookupError, match="reach neuron 9"):
        get_single_neuron_combined_partition_matrix(b, "EE", "W", 9)
    assert get_partitioned_synapse_matrix(b, "XY", "W", return_first=False) == {}
