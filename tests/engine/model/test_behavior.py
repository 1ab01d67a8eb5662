"""API §7: Behavior construction, parameter(), set_parameters_as_variables, genome (§7.4)."""

import numpy as np
import pytest

from engine import (
    Behavior,
    Behaviour,
    Network,
    NeuronGroup,
    SynapseGroup,
    behavior_test_environment,
    get_gene,
    get_genome,
    reset_genome,
    set_genome,
)
from engine.model.genome import substitute_genes
from tests.support.behaviors import Counter


@pytest.fixture(autouse=True)
def clean_genome():
    reset_genome()
    yield
    reset_genome()


class Threshold(Behavior):
    def initialize(self, neurons):
        self.level = self.parameter("level", 0.5, neurons)
        self.mode = self.parameter("mode", "hard")
        self.gain = self.parameter("gain", 1, required=True)
        self.flag = self.parameter("flag", True)


def test_kwargs_and_positional_storage():
    b = Counter(["v"], tag="r", inc=2)
    assert b.init_kwargs == {"tag": "r", "inc": 2, "arg_0": ["v"]}
    assert b.tags == ["r", "Counter"] and b.behavior_enabled
    assert not Counter(behavior_enabled=False).behavior_enabled
    assert str(Counter(inc=2)) == "Counter(inc=2,)"


def test_parameter_diversity_and_casting(capsys):
    net = Network()
    g = NeuronGroup(
        net=net, tag="t", size=10, behavior={1: Threshold(level="uniform(0.4,0.6)", gain="3", flag="False")}
    )
    net.initialize(info=False)
    b = g.Threshold
    assert b.level.shape == (10,) and b.level.dtype == np.float32
    assert 0.4 <= b.level.min() and b.level.max() < 0.6
    assert b.gain == 3 and isinstance(b.gain, int)
    assert b.mode == "hard" and b.flag is False
    t = Threshold(level="0.7", gain="50%")
    t.initialize(g)
    assert t.level == pytest.approx(0.7) and t.gain == pytest.approx(0.5)
    assert Threshold(level=2).parameter("level", 1.0) == 2  # non-strings are never cast
    assert Threshold(x="1+2").parameter("x") == "1+2"
    missing = Threshold()
    missing.initialize(g)
    assert "gain has to be specified" in capsys.readouterr().out
    with pytest.raises(ValueError, match="cannot read 'abc' as float"):
        Threshold(level="abc").parameter("level", 0.5)
    with pytest.raises(ValueError, match="as a bool"):
        Threshold(flag="maybe").parameter("flag", True)


def test_matrix_diversity_on_synapse_groups():
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=3)
    b = NeuronGroup(net=net, tag="b", size=2)
    sg = SynapseGroup(net=net, src=a, dst=b)
    w = Threshold(level="uniform(0,1)").parameter("level", 0.0, sg)
    assert w.shape == (2, 3)


def test_same_and_set_parameters_as_variables():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=4)

    class Params(Behavior):
        def initialize(self, neurons):
            self.set_parameters_as_variables(neurons)
            self.set_parameters_as_variables(self)

    p = Params(a=1.5, b="normal(0,1)", tag="ptag")
    g.add_behavior(1, p)
    assert g.a == 1.5 and g.b.shape == (4,) and p.b == "normal(0,1)" and p.tag == "ptag"
    g.ref = np.arange(4)
    q = Threshold(level="same(g, ref)")
    assert np.array_equal(q.parameter("level", None, g), np.arange(4))


def test_unused_kwarg_warning(capsys):
    behavior_test_environment(Counter(inc=1, typo=3))
    out = capsys.readouterr().out
    assert 'Warning: "typo" not used' in out and '"inc"' not in out.split("Valid")[0]


def test_legacy_names_raise():
    with pytest.raises(Exception, match="Behavior"):
        Behaviour()

    class Old(Behavior):
        def set_variables(self, n):
            pass

    with pytest.raises(Exception, match="rename the method to 'initialize'"):
        Old()


def test_empty_iteration_detection():
    class E1(Behavior):
        def iteration(self, n):
            """doc"""
            pass

    class E2(Behavior):
        def iteration(self, n):
            return

    class Full(Behavior):
        def iteration(self, n):
            n.x = 1

    assert E1().empty_iteration_function and E2().empty_iteration_function
    assert Behavior().empty_iteration_function and not Full().empty_iteration_function


def test_genome_substitution_and_formatting():
    set_genome({"I": 1})
    net, g, _ = behavior_test_environment(Counter(inc="[2#I]"), size=3, iteration=5)
    assert g.Counter.init_kwargs["inc"] == "1" and np.all(g.count == 5)
    reset_genome()
    net, g, _ = behavior_test_environment(Counter(inc="[2#I]"), size=3, iteration=5)
    assert np.all(g.count == 10) and get_genome() == {"I": 2}
    set_genome({"H": 0.5})
    assert substitute_genes("1+[2#H]") == "1+0.5"
    assert substitute_genes("n.v[0]") == "n.v[0]"  # not a gene: left alone
    assert substitute_genes("[H]") == "0.5"
    assert get_gene("new", 3) == 3.0 and get_genome()["new"] == 3
    assert get_gene("name", "x") == "x"


def test_activate_deactivate(capsys):
    net, g, _ = behavior_test_environment({1: Counter(tag="c")}, size=2, iteration=3)
    net.deactivate_behaviors("c")
    net.simulate_iterations(4, measure_block_time=False)
    assert np.all(g.count == 3)
    g.activate_behaviors("Counter")
    net.simulate_iterations(2, measure_block_time=False)
    assert np.all(g.count == 5)
    assert "deactivating c" in capsys.readouterr().out
    g.deactivate_mechanisms("c")
    assert "deprecated" in capsys.readouterr().out and not g.c.behavior_enabled
