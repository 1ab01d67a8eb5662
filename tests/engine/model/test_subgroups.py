"""NeuronSubGroup, grid partition masks and receptive-field masks, compared with PymoNNto 3.0.6.

Reference values (``tests/data/pymonnto_3_0_6_helpers.json``) were computed once with PymoNNto 3.0.6
on ``NeuronGroup(size=get_squared_dim(30))`` (a 5x6 grid) with ``v = arange(30)`` and a
``(2, 30)`` buffer ``buf = arange(60)``.
"""

import json

import numpy as np
import pytest

from engine import Network, NeuronGroup, get_squared_dim
from engine.model.subgroups import NeuronSubGroup
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


def _grid():
    net = Network()
    group = NeuronGroup(net=net, tag="A", size=get_squared_dim(30))
    group.v = np.arange(30.0)
    group.buf = np.arange(60.0).reshape(2, 30)
    return group


def test_the_grid_is_the_reference_grid():
    group = _grid()
    assert [group.x.tolist(), group.y.tolist()] == REF["grid_xy"]


def test_partition_masks_and_blocks_match_the_reference():
    group = _grid()
    masks = group.partition_masks([2, 3, 1])
    assert [np.flatnonzero(m).tolist() for m in masks] == REF["partition_masks_2_3_1"]
    assert np.sum(masks, axis=0).tolist() == [1] * 30  # the boxes tile the group
    blocks = group.split_grid_into_sub_group_blocks([3, 3, 1])
    assert [b.size for b in blocks] == REF["split_sizes_3_3_1"]
    assert all(isinstance(b, NeuronSubGroup) for b in blocks)
    assert group.partition_size(1) == [group] and len(group.partition_size(2)) == 8


def test_receptive_field_mask_matches_the_reference():
    group = _grid()
    sub = group.subGroup(group.partition_masks([2, 3, 1])[1])
    mask = group.get_subgroup_receptive_field_mask(sub, [1, 1, 1])
    assert np.flatnonzero(mask).tolist() == REF["rf_mask_1"]
    assert np.flatnonzero(group.get_subgroup_receptive_field_mask(sub, [0, 0, 0])).tolist() == sub.id.tolist()


def test_subgroup_reads_are_masked_and_writes_go_through():
    group = _grid()
    sub = group.subGroup(group.partition_masks([2, 3, 1])[1])
    assert sub.size == REF["sub_size"] == 6
    assert sub.v.tolist() == REF["sub_v"]
    assert sub.buf.tolist() == REF["sub_buf"]  # a (rows, size) buffer is masked on its second axis
    sub.v = sub.v * 0 - 1
    assert group.v.tolist() == REF["v_after_write"]
    sub.v += 10  # read, add, write back
    assert group.v[[10, 11, 12, 13]].tolist() == [9, 9, 9, 13]
    sub.buf = 0
    assert group.buf[:, 10].tolist() == [0, 0] and group.buf[:, 13].tolist() == [13, 43]
    assert sub.id.tolist() == [10, 11, 12, 15, 16, 17] and sub.id_mask.tolist() == sub.id.tolist()
    assert sub.tags == group.tags and sub.network is group.network  # everything else is the base's
    group.label = "base"
    sub.label = "renamed"  # not an array: set on the base group
    assert group.label == "renamed"


def test_subgroup_helpers():
    group = _grid()
    sub = group.subGroup([0, 2, 4, 6])  # indices are accepted as well as bool masks
    assert (
        sub.mask.sum() == 4
        and sub.group_without_subGroup() is group
        and group.group_without_subGroup() is group
    )
    assert sub.vector("ones").tolist() == [1, 1, 1, 1] and sub.vector().dtype == group.def_dtype
    inner = sub.subGroup(np.array([False, True, True, False]))
    assert inner.id.tolist() == [2, 4] and inner.BaseNeuronGroup is group
    assert NeuronSubGroup(sub, [0]).id.tolist() == [0]
    assert group.subGroup().size == 30
    assert sub.mask_var(group.v).tolist() == [0, 2, 4, 6] and group.mask_var(group.v) is group.v
    assert group.get_masked_dict("afferent_synapses", "All") == []


def test_bad_masks_name_the_problem():
    group = _grid()
    with pytest.raises(ValueError, match="has 30 neurons"):
        group.subGroup(np.ones(7, dtype=bool))
    with pytest.raises(IndexError, match="out of range"):
        group.subGroup([30])
    with pytest.raises(TypeError, match="bool values or neuron indices"):
        group.subGroup([0.5])
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        group.subGroup([1]).nothing = 1
    with pytest.raises(TypeError, match="must be a NeuronGroup"):
        NeuronSubGroup(object(), None)
    with pytest.raises(ValueError, match="three counts"):
        group.partition_masks([2, 2])
    with pytest.raises(ValueError, match="selects no neurons"):
        group.get_subgroup_receptive_field_mask(group.subGroup([]))
    plain = NeuronGroup(net=Network(), tag="plain", size=4)
    with pytest.raises(AttributeError, match="NeuronDimension"):
        plain.partition_masks([2, 1, 1])


def test_connected_group_parameters():
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=2)
    b = NeuronGroup(net=net, tag="b", size=3)
    from engine import SynapseGroup

    SynapseGroup(net=net, src=a, dst=b, tag="GLU")
    a.tau, b.tau = 1.0, 2.0
    b.rate = lambda group: group.size * 10
    assert b.connected_NG_param_list("tau", afferent_NGs=True) == [1.0]
    assert a.connected_NG_param_list("tau", efferent_NGs=True, same_NG=True) == [1.0, 2.0]
    assert a.connected_NG_param_list("rate", syn_tag="GLU", efferent_NGs=True) == [30]
