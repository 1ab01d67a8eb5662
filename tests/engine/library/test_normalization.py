"""Synaptic_Normalization and the normalize_synapse_attr* functions: weight sums become the norm factor."""

import numpy as np
import pytest
import scipy.sparse

from engine import Behavior, Network, NeuronGroup, SynapseGroup
from engine.library import (
    Synaptic_Normalization,
    arrays,
    normalize_synapse_attr,
    normalize_synapse_attr_efferent,
    normalize_synapse_attr_sparse,
)


def two_sources(behavior=None, seed=0):
    """cells (8) receive 'GLU' synapses from itself and from inputs (5); W uniform in [-0.2, 0.8)."""
    np.random.seed(seed)
    net = Network()
    inputs = NeuronGroup(net=net, tag="inputs", size=5)
    cells = NeuronGroup(net=net, tag="cells", size=8, behavior={} if behavior is None else {5: behavior})
    recurrent = SynapseGroup(net=net, src=cells, dst=cells, tag="GLU")
    feed = SynapseGroup(net=net, src=inputs, dst=cells, tag="GLU")
    other = SynapseGroup(net=net, src=inputs, dst=cells, tag="GABA")
    for s in (recurrent, feed, other):
        s.W = s.matrix("uniform") - 0.2
    net.initialize(info=False)
    return net, cells, recurrent, feed, other


def test_rows_sum_to_the_norm_factor_over_all_groups_of_the_tag():
    net, cells, recurrent, feed, other = two_sources(Synaptic_Normalization(syn_type="GLU", norm_factor=2.5))
    gaba_before = other.W.copy()
    feed.W = np.abs(feed.W)
    negative = recurrent.W < 0
    net.simulate_iteration()
    rows = np.sum(recurrent.W, axis=1) + np.sum(feed.W, axis=1)
    assert np.all(recurrent.W[negative] == 0) and feed.W.min() >= 0  # clipped at 0 after normalizing
    np.testing.assert_array_less(rows[negative.any(axis=1)], 2.5)  # rows that lost their negative part
    net.simulate_iteration()  # all weights are non-negative now: the sums are exact
    rows = np.sum(recurrent.W, axis=1) + np.sum(feed.W, axis=1)
    np.testing.assert_allclose(rows, 2.5 * np.ones(8), rtol=1e-5)

    assert np.array_equal(other.W, gaba_before)  # other tags are left alone
    assert np.array_equal(cells.weight_norm_factor, np.full(8, 2.5, dtype=np.float32))


def test_normalize_synapse_attr_uses_absolute_values_and_spares_silent_rows():
    _, cells, recurrent, feed, _ = two_sources()
    recurrent.W[3] = 0.0
    feed.W[3] = 0.0
    before = (recurrent.W.copy(), feed.W.copy())
    normalize_synapse_attr("W", "W", 3.0, cells, "GLU")
    absolute = np.sum(np.abs(recurrent.W), axis=1) + np.sum(np.abs(feed.W), axis=1)
    expected = np.full(8, 3.0)
    expected[3] = 0.0
    np.testing.assert_allclose(absolute, expected, rtol=1e-5)
    sums = np.sum(np.abs(before[0]), axis=1) + np.sum(np.abs(before[1]), axis=1)
    np.testing.assert_allclose(cells.temp_weight_sum[[0, 3]], [sums[0] / 3.0, 0.0], rtol=1e-6)


def test_clip_max_caps_the_weights():
    net, _, recurrent, feed, _ = two_sources(
        Synaptic_Normalization(syn_type="GLU", norm_factor=4.0, clip_max=0.3)
    )
    net.simulate_iterations(3, measure_block_time=False)
    for s in (recurrent, feed):
        assert s.W.max() == pytest.approx(0.3) and s.W.min() == 0.0


def test_weights_are_updated_in_place_after_the_first_step_and_shared_arrays_stay_intact():
    net, _, recurrent, feed, _ = two_sources(Synaptic_Normalization(syn_type="GLU"))
    script_array = recurrent.W
    kept = script_array.copy()
    net.simulate_iteration()
    assert recurrent.W is not script_array and np.array_equal(script_array, kept)
    made = recurrent.W
    net.simulate_iterations(3, measure_block_time=False)
    assert recurrent.W is made


def test_one_array_shared_by_two_groups_is_divided_as_two_copies():
    _, cells, recurrent, feed, _ = two_sources()
    square = SynapseGroup(net=cells.network, src=cells, dst=cells, tag="NMDA")
    square2 = SynapseGroup(net=cells.network, src=cells, dst=cells, tag="NMDA")
    square.W = arrays.mark_owned(np.abs(recurrent.W.copy()))
    square2.W = square.W  # the same (library-made) array under two groups
    original = square.W.copy()
    normalize_synapse_attr("W", "W", 1.0, cells, "NMDA")
    np.testing.assert_allclose(np.sum(square.W, axis=1), 0.5, rtol=1e-5)
    np.testing.assert_allclose(square2.W, square.W)
    np.testing.assert_allclose(square.W * 2 * np.sum(original, axis=1)[:, None], original, rtol=1e-5)


def test_efferent_normalization_makes_the_column_sums_the_target():
    _, cells, recurrent, _, _ = two_sources()
    outgoing = SynapseGroup(net=cells.network, src=cells, dst=cells.network["inputs", 0], tag="GLU")
    outgoing.W = outgoing.matrix("uniform")
    normalize_synapse_attr_efferent("W", "W", 2.0, cells, "GLU")
    columns = np.sum(np.abs(recurrent.W), axis=0) + np.sum(np.abs(outgoing.W), axis=0)
    np.testing.assert_allclose(columns, 2.0, rtol=1e-5)


def test_missing_weights_name_the_synapse_group():
    _, cells, recurrent, _, _ = two_sources()
    del recurrent.W
    with pytest.raises(AttributeError, match="'GLU'.*'W'"):
        normalize_synapse_attr("W", "W", 1.0, cells, "GLU")


@pytest.mark.parametrize("layout", ["C", "F"])
def test_blockwise_abs_row_sums_equal_numpy(layout, monkeypatch):
    monkeypatch.setattr(arrays, "ROW_BLOCK_ELEMENTS", 64)
    rng = np.random.default_rng(4)
    for dtype in (np.float32, np.float64):
        matrix = np.asarray(rng.normal(size=(37, 1001)), dtype=dtype, order=layout)
        assert np.array_equal(arrays.abs_row_sums(matrix), np.sum(np.abs(matrix), axis=1))
        assert np.array_equal(arrays.abs_column_sums(matrix), np.sum(np.abs(matrix), axis=0))
    whole = np.arange(12).reshape(3, 4)  # integers keep numpy's own sum dtype
    assert arrays.abs_row_sums(whole).dtype == np.sum(whole, axis=1).dtype


def sparse_network(layout):
    np.random.seed(2)
    net = Network()
    group = NeuronGroup(net=net, tag="group", size=6)
    source = NeuronGroup(net=net, tag="source", size=4)
    sparse_sg = SynapseGroup(net=net, src=group, dst=group, tag="NMDA,sparse")
    dense_sg = SynapseGroup(net=net, src=source, dst=group, tag="NMDA")
    net.initialize(info=False)
    values = sparse_sg.matrix("uniform", density=0.5)
    values[:, 1] += 0.25
    sparse_sg.W = scipy.sparse.csc_matrix(values).asformat(layout)
    dense_sg.W = dense_sg.matrix("uniform")
    return group, sparse_sg, dense_sg


@pytest.mark.parametrize("layout", ["csc", "csr", "coo"])
def test_sparse_rows_sum_to_the_target(layout):
    group, sparse_sg, dense_sg = sparse_network(layout)
    data = sparse_sg.W.data
    normalize_synapse_attr_sparse("W", "W", 2.0, group, "NMDA")
    assert sparse_sg.W.data is data  # divided in place
    rows = np.asarray(sparse_sg.W.sum(1)).ravel() + np.sum(dense_sg.W, axis=1)
    np.testing.assert_allclose(rows, 2.0, rtol=1e-5)


def test_a_sparse_format_without_row_indices_is_refused():
    group, sparse_sg, _ = sparse_network("csc")
    sparse_sg.W = sparse_sg.W.tolil()
    with pytest.raises(TypeError, match="csc, csr or coo"):
        normalize_synapse_attr_sparse("W", "W", 1.0, group, "NMDA")


class Scale(Behavior):
    def iteration(self, synapses):
        synapses.W = synapses.W * 1.5


def test_the_normalization_follows_growing_weights():
    net, _, recurrent, feed, _ = two_sources(Synaptic_Normalization(syn_type="GLU", norm_factor=1.0))
    recurrent.add_behaviors({1: Scale()})
    net.simulate_iterations(5, measure_block_time=False)
    rows = np.sum(recurrent.W, axis=1) + np.sum(feed.W, axis=1)
    np.testing.assert_allclose(rows, 1.0, rtol=1e-5)
