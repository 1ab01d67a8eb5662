"""engine.model.weight_memory_order: synapse matrices only used for column gathers move to Fortran order."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup


class Spiking(Behavior):
    def initialize(self, n):
        n.v = n.vector("uniform")
        n.fired = n.v > 0.9

    def iteration(self, n):
        n.fired = n.v > 0.9
        n.v[n.fired] = 0
        n.v += n.vector("uniform", density=0.05) * 0.5


class Gather(Behavior):
    def initialize(self, n):
        for s in n.synapses(0):
            s.W = s.matrix("uniform", density=0.3)

    def iteration(self, n):
        for s in n.synapses(0):
            n.v += np.sum(s.W[:, s.src.fired], axis=1) * 0.01


class Dense(Gather):
    def iteration(self, n):
        for s in n.synapses(0):
            n.v += s.W.dot(s.src.fired) * 0.01


class GatherAndLearn(Gather):
    def iteration(self, n):
        super().iteration(n)
        for s in n.synapses(0):
            s.W *= 0.999


class KeepsReference(Gather):
    def initialize(self, n):
        super().initialize(n)
        self.my_w = n.synapses(0)[0].W


def build(propagation, order="auto", size=300, seed=3):
    np.random.seed(seed)
    net = Network(settings={"matrix_order": order})
    g = NeuronGroup(
        net=net, tag="g", size=size, behavior={1: Spiking(), 2: propagation(), 9: Recorder(["v"])}
    )
    SynapseGroup(net=net, src=g, dst=g, tag="S")
    net.initialize(info=False)
    net.simulate_iterations(60, measure_block_time=False)
    return net


def test_gather_only_matrix_moves_to_fortran_with_identical_results():
    auto, fixed = build(Gather), build(Gather, order="C")
    assert auto.S.W.flags.f_contiguous and not auto.S.W.flags.c_contiguous
    assert fixed.S.W.flags.c_contiguous
    assert auto.layout_decisions == {"S.W": "F (column gathers only)"}
    assert type(auto.S.W) is np.ndarray
    assert np.array_equal(auto["v", 0, "np"], fixed["v", 0, "np"])
    assert np.array_equal(auto.S.W, fixed.S.W)


@pytest.mark.parametrize(
    "propagation,reason", [(Dense, "other uses"), (GatherAndLearn, "other uses"), (KeepsReference, "shared")]
)
def test_matrices_used_otherwise_stay_row_major(propagation, reason):
    auto, fixed = build(propagation), build(propagation, order="C")
    assert auto.S.W.flags.c_contiguous and type(auto.S.W) is np.ndarray
    assert auto.layout_decisions == {"S.W": f"C ({reason})"}
    assert np.array_equal(auto["v", 0, "np"], fixed["v", 0, "np"])
    assert np.array_equal(auto.S.W, fixed.S.W)


def test_kept_reference_still_sees_the_live_matrix():
    net = build(KeepsReference)
    assert net.g.KeepsReference.my_w is net.S.W


def test_small_matrices_are_not_probed():
    net = build(Gather, size=200)
    assert net.layout_decisions == {} and net.S.W.flags.c_contiguous


@pytest.mark.parametrize(
    "shape, tile", [((300, 200), 64), ((1000, 777), 512), ((5, 1300), 512), ((513, 1), 512), ((1, 1), 4)]
)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_tiled_fortran_copy_equals_numpy(shape, tile, dtype):
    from engine.model.weight_memory_order import fortran_copy

    a = np.random.default_rng(1).standard_normal(shape).astype(dtype)
    f = fortran_copy(a, tile)
    assert f.flags.f_contiguous and f.dtype == dtype and not np.shares_memory(f, a)
    assert np.array_equal(f, a) and f.tobytes(order="F") == np.asfortranarray(a).tobytes(order="F")
