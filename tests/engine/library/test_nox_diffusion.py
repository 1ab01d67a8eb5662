"""NOX_Diffusion: nox follows the mean activity of each 5x5-block's neighbourhood (reach 5)."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, get_squared_dim
from engine.library import NOX_Diffusion


class Pattern(Behavior):
    def initialize(self, neurons):
        self.pattern = self.parameter("pattern", None)
        neurons.output_new = neurons.vector(bool)

    def iteration(self, neurons):
        neurons.output_new = self.pattern.copy()


def expected_nox(pattern, eta, side=30, tiles=5):
    """eta * mean(pattern) over each tile's bounding box grown by 5, written for a regular grid."""
    grid = pattern.reshape(side, side)  # rows = y, columns = x, unit spacing
    tile = side // tiles
    result = np.zeros((side, side))
    for ty in range(tiles):
        for tx in range(tiles):
            rows = slice(max(ty * tile - 5, 0), min((ty + 1) * tile - 1 + 5, side - 1) + 1)
            cols = slice(max(tx * tile - 5, 0), min((tx + 1) * tile - 1 + 5, side - 1) + 1)
            result[ty * tile : (ty + 1) * tile, tx * tile : (tx + 1) * tile] = eta * grid[rows, cols].mean()
    return result.ravel()


def build(pattern, **kwargs):
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="sheet",
        size=get_squared_dim(900),
        behavior={1: Pattern(pattern=pattern), 2: NOX_Diffusion(**kwargs)},
    )
    net.initialize(info=False)
    return net, group


def test_nox_is_the_neighbourhood_mean_times_eta():
    pattern = np.zeros(900, dtype=bool)
    pattern.reshape(30, 30)[:3, :3] = True  # a hot corner (x, y smallest)
    net, group = build(pattern)
    behavior = group.NOX_Diffusion
    assert len(behavior.subgroups) == 25 and all(sg.size == 36 for sg in behavior.subgroups)
    net.simulate_iteration()
    expected = expected_nox(pattern, 0.002)
    np.testing.assert_allclose(group.nox, expected, rtol=1e-6)
    corner = group.nox.reshape(30, 30)
    assert corner[0, 0] == pytest.approx(0.002 * 9 / (11 * 11))  # tile 0..5 grown to 0..10
    assert corner[29, 29] == 0.0 and corner[0, 29] == 0.0  # the hot spot is out of reach
    assert group.nox.dtype == np.float64


def test_nox_starts_from_zero_at_every_step_and_follows_eta():
    np.random.seed(3)
    pattern = np.random.rand(900) < 0.2
    net, group = build(pattern, eta_nox=0.05)
    net.simulate_iterations(4, measure_block_time=False)
    np.testing.assert_allclose(group.nox, expected_nox(pattern, 0.05), rtol=1e-6)


def test_a_threshold_shifts_nox_by_eta_times_the_threshold():
    pattern = np.zeros(900, dtype=bool)
    pattern.reshape(30, 30)[:3, :3] = True
    net, group = build(pattern, th_nox=0.05)
    net.simulate_iteration()
    plain = expected_nox(pattern, 0.002) / 0.002
    # above th_nox: -dec*(m-th) * -eta; below: inc*(th-m) * -eta; both are eta*(m-th)
    np.testing.assert_allclose(group.nox, 0.002 * (plain - 0.05), rtol=1e-5)
    assert group.nox.min() == pytest.approx(-0.002 * 0.05)


def test_the_group_needs_coordinates_and_output_new():
    net = Network()
    NeuronGroup(net=net, tag="flat", size=10, behavior={2: NOX_Diffusion()})
    with pytest.raises(AttributeError, match="x/y/z"):
        net.initialize(info=False)
    net = Network()
    NeuronGroup(net=net, tag="sheet", size=get_squared_dim(100), behavior={2: NOX_Diffusion()})
    net.initialize(info=False)
    with pytest.raises(AttributeError, match="output_new"):
        net.simulate_iteration()
