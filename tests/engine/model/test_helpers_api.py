"""API §4.3, §6.2, §3.2, §3.3: buffers, aliases, all_behaviors, add_behaviors_to_object."""

import numpy as np

from engine import Network, NeuronGroup, Recorder, SynapseGroup
from tests.support.behaviors import Counter


def test_vector_buffer_and_buffer_roll():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=3)
    buf = g.vector_buffer(4)
    assert buf.shape == (4, 3) and buf.dtype == np.float32 and not buf.any()
    buf[:] = np.arange(4)[:, None]
    out = g.buffer_roll(buf, new=np.full(3, 9))
    assert out is buf and buf[:, 0].tolist() == [9, 0, 1, 2]
    g.buffer_roll(buf, new=np.full(3, 7), counter=True)
    assert buf[:, 0].tolist() == [0, 1, 2, 7]


def test_value_aliases():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=3)
    sg = SynapseGroup(net=net, src=g, dst=g)
    for method in (g.vec, g.array, g.get_neuron_vec):
        assert method(2).tolist() == [2, 2, 2]
    for method in (sg.mat, sg.get_synapse_mat):
        assert method(1).shape == (3, 3)


def test_all_behaviors_all_objects_and_add_to_object():
    net = Network(behavior=[Recorder("iteration")])
    g = NeuronGroup(net=net, tag="g", size=2, behavior={2: Counter(tag="a"), 1: Counter(tag="b")})
    h = NeuronGroup(net=net, tag="h", size=2)
    sg = SynapseGroup(net=net, src=g, dst=h)
    assert net.all_objects() == [net, g, h, sg]
    assert [b.tags[0] for b in net.all_behaviors()] == ["Recorder", "a", "b"]
    net.initialize(info=False)
    net.add_behaviors_to_object({5: Counter(inc=3)}, h)
    net.simulate_iterations(2, measure_block_time=False)
    assert h.count.tolist() == [6, 6]
    net.add_behaviors_to_objects({6: Counter(tag="more")}, [g, h])
    assert g.more is g.behavior[6] and h.more is h.behavior[6]
