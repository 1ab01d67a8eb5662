"""CreateWeights: the drawn matrix, its density, the enabled mask and the row/column balancing."""

import numpy as np

from engine import Network, NeuronGroup, SynapseGroup
from engine.library import CreateWeights


def weights(**kwargs):
    np.random.seed(9)
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=40)
    b = NeuronGroup(net=net, tag="b", size=30)
    sg = SynapseGroup(net=net, src=a, dst=b, tag="W", behavior={1: CreateWeights(**kwargs)})
    net.initialize(info=False)
    return sg


def test_normalized_weights_have_balanced_rows_and_columns():
    sg = weights(nomr_fac=2.0)
    assert sg.W.shape == (30, 40) and sg.W.dtype == np.float32
    np.testing.assert_allclose(np.sum(sg.W, axis=0), 2.0, rtol=1e-5)  # the last division is by columns
    rows = np.sum(sg.W, axis=1)
    np.testing.assert_allclose(rows, rows.mean(), rtol=0.02)  # rows nearly equal (40/30 * 2 each)
    assert rows.mean() == np.float32(2.0 * 40 / 30) or abs(rows.mean() - 2.0 * 40 / 30) < 1e-4


def test_plain_draws_and_density():
    sg = weights(distribution="uniform(0.2,0.6)", density=0.25, normalize=False)
    nonzero = sg.W[sg.W != 0]
    assert 0.2 <= nonzero.min() and nonzero.max() < 0.6
    assert 0.18 < nonzero.size / sg.W.size < 0.32


def test_the_enabled_mask_zeroes_weights():
    np.random.seed(1)
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=6)
    sg = SynapseGroup(net=net, src=a, dst=a, tag="W")
    sg.enabled = ~np.eye(6, dtype=bool)
    sg.add_behaviors({1: CreateWeights(normalize=False)})
    net.initialize(info=False)
    assert np.all(np.diag(sg.W) == 0) and np.all(sg.W[~np.eye(6, dtype=bool)] > 0)


def test_nothing_happens_at_the_steps():
    sg = weights()
    before = sg.W.copy()
    sg.network.simulate_iterations(3, measure_block_time=False)
    assert np.array_equal(sg.W, before)
    assert sg["CreateWeights", 0].empty_iteration_function
