"""API §3.4-3.6: global order of behaviors, initialize passes, simulation arithmetic."""

import numpy as np
import pytest

from engine import Network, NeuronGroup, Recorder, SynapseGroup
from engine.model.network import NotInitializedWarning
from tests.support.behaviors import Counter, Empty, Probe


class LastProbe(Probe):
    initialize_last = True


class OnInitProbe(Probe):
    initialize_on_init = True

    def iteration(self, parent):
        pass


def test_ordering_probe_matches_reference():
    """The reference's verified order for initialize and for each step (API §14.1)."""
    log = []
    net = Network(behavior={5: Probe(name="net5", log=log), 1.5: Probe(name="net1.5", log=log)})
    a = NeuronGroup(
        net=net,
        tag="A",
        size=2,
        behavior={
            2: Probe(name="A2", log=log),
            1: Probe(name="A1", log=log),
            10: LastProbe(name="A10", log=log),
            3: OnInitProbe(name="A3", log=log),
        },
    )
    b = NeuronGroup(
        net=net, tag="B", size=2, behavior=[Probe(name="B0", log=log), Probe(name="B1", log=log), Empty()]
    )
    SynapseGroup(
        net=net, src=a, dst=b, behavior={1: Probe(name="S1", log=log), 2.5: Probe(name="S2.5", log=log)}
    )
    assert log == [("A3", "init")]
    log.clear()
    net.initialize(info=False)
    assert [n for n, _ in log] == ["B0", "A1", "B1", "S1", "net1.5", "A2", "S2.5", "net5", "A10"]
    log.clear()
    net.simulate_iteration()
    assert [n for n, _ in log] == ["B0", "A1", "B1", "S1", "net1.5", "A2", "S2.5", "net5", "A10"]
    assert [k for k, _, _ in net.sorted_behavior_execution_list] == sorted(
        k for k, _, _ in net.sorted_behavior_execution_list
    )


def test_ties_run_in_registration_order_and_later_additions_go_last():
    log = []
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=1, behavior={1: Probe(name="a1", log=log)})
    NeuronGroup(net=net, tag="b", size=1, behavior={1: Probe(name="b1", log=log)})
    net.initialize(info=False)
    a.add_behavior(1.0 + 1e-12 - 1e-12 + 0, Probe(name="a1-late", log=log)) if False else None
    a.add_behavior(0.5, Probe(name="a0.5", log=log))
    _ = net.behavior  # the network's own dict exists
    NeuronGroup(net=net, tag="c", size=1)
    log.clear()
    net.simulate_iteration()
    assert [n for n, _ in log] == ["a0.5", "a1", "b1"]
    b = net["b", 0]
    b.add_behavior(-1, Probe(name="b-1", log=log))
    a.add_behavior(2, Probe(name="a2", log=log))
    net["c", 0].add_behavior(1, Probe(name="c1", log=log))
    log.clear()
    net.simulate_iteration()
    assert [n for n, _ in log] == ["b-1", "a0.5", "a1", "b1", "c1", "a2"]


def test_iteration_counter_and_block_arithmetic(capsys):
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=3, behavior={1: Counter()})
    seen = []

    class Seen(Counter):
        def iteration(self, neurons):
            seen.append(neurons.iteration)

    g.add_behavior(2, Seen())
    net.initialize(info=False)
    assert net.iteration == 0
    result = net.simulate_iterations(250, batch_size=100)
    assert net.iteration == 250 and seen[0] == 1 and seen[-1] == 250
    assert isinstance(result, float)
    out = capsys.readouterr().out
    assert "100x 2/2 (100%)" in out
    calls = []
    net.simulate_iterations(
        30, batch_size=10, measure_block_time=False, batch_progress_update_func=lambda p, n: calls.append(p)
    )
    assert calls == pytest.approx([100 / 3, 200 / 3, 100.0])
    assert net.simulate_iterations(5, measure_block_time=False) is None
    assert net.simulate_iterations(7, batch_size=-1, measure_block_time=False) is None
    assert net.iteration == 292
    assert np.all(g.count == 292)


def test_initialize_again_keeps_iteration_and_resets_recorders():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=2, behavior={1: Counter(), 9: Recorder("count")})
    net.initialize(info=False)
    net.simulate_iterations(10, measure_block_time=False)
    assert len(net["count", 0]) == 10
    net.initialize(info=False)
    assert net.iteration == 10 and len(net["count", 0]) == 0 and np.all(g.count == 0)


def test_simulate_before_initialize_initializes_with_warning():
    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={1: Counter(), 9: Recorder("count")})
    with pytest.warns(NotInitializedWarning):
        net.simulate_iterations(3, measure_block_time=False)
    assert len(net["count", 0]) == 3


def test_disable_recording_restores_previous_flags():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=2, behavior={1: Counter(), 9: Recorder("count")})
    h = NeuronGroup(net=net, tag="h", size=2, behavior={1: Counter(), 9: Recorder("count")})
    net.initialize(info=False)
    h.recording = False
    net.simulate_iterations(4, measure_block_time=False, disable_recording=True)
    assert g.recording and not h.recording and len(g["count", 0]) == 0
    net.simulate_iterations(2, measure_block_time=False)
    assert len(g["count", 0]) == 2 and len(h["count", 0]) == 0


def test_timing_measures_by_key():
    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={1: Counter(), 3: Counter()})
    NeuronGroup(net=net, tag="h", size=2, behavior={1: Counter()})
    net.initialize(info=False)
    measures = net.simulate_iteration(measure_behavior_execution_time=True)
    assert set(measures) == {1, 3} and all(v >= 0 for v in measures.values())


def test_bad_keys_and_counts():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=2, behavior={1: Counter()})
    with pytest.raises(Exception, match="Key already exists"):
        g.add_behavior(1, Counter())
    with pytest.raises(Exception, match="Key already exists"):
        g.add_behavior(1.0, Counter())
    with pytest.raises(TypeError, match="not a number"):
        g.add_behavior("one", Counter())
    with pytest.raises(TypeError, match="forget the parentheses"):
        NeuronGroup(net=net, tag="x", size=2, behavior={1: Counter})
    with pytest.raises(ValueError, match="must not be negative"):
        NeuronGroup(net=net, tag="neg", size=-3)
    with pytest.raises(TypeError, match="whole number"):
        NeuronGroup(net=net, tag="frac", size=2.5)
    net.initialize(info=False)
    with pytest.raises(TypeError, match="whole number"):
        net.simulate_iterations(1.5)
    with pytest.raises(ValueError, match="a duration needs a Clock behavior"):
        net.simulate_iterations("100*ms")
    with pytest.raises(ValueError, match="negative"):
        net.simulate_iterations(-1)


def test_duplicate_group_tags_renamed_after_initialize(capsys):
    net = Network()
    first = NeuronGroup(net=net, tag="exc", size=1)
    second = NeuronGroup(net=net, tag="exc", size=1)
    third = NeuronGroup(net=net, tag="exc", size=1)
    net.initialize(info=False)
    assert [g.tag for g in (first, second, third)] == ["exc", "excb", "excc"]
    assert net.exc is first
    assert "renamed" in capsys.readouterr().out


def test_description_string():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=4, behavior={1: Counter(inc=2)})
    SynapseGroup(net=net, src=g, dst=g, tag="S")
    text = str(net).split("\r\n")
    assert text[0].startswith("Network['Network'](Neurons: 4|1 groups, Synapses: 16|1 groups)")
    assert text[1] == "NeuronGroup['g', 'NeuronGroup', 'ng'](4){1:Counter(inc=2,)}"
    assert text[2].startswith("SynapseGroup['S', 'SynapseGroup', 'syn', 'g_to_g'](D4xS4)")
