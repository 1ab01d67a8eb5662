"""Clock, Variable, Syn_Variable and Equation: sympy-parsed equations integrated with explicit Euler."""

import math
import subprocess
import sys

import numpy as np
import pytest

from engine import Network, NeuronGroup, SynapseGroup
from engine.library import Clock, Equation, Syn_Variable, Variable, eq_split, myUnits, remove_units
from tests.support.paths import REPO_ROOT


def decay_network(step="0.1*ms", tau="100*ms", size=4):
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="g",
        size=size,
        behavior={
            1: Clock(step=step),
            2: Variable(eq="v=1*mV"),
            3: Variable(eq=f"tau={tau}"),
            4: Equation(eq="dv/dt=(0*mV-v)/tau"),
        },
    )
    net.initialize(info=False)
    return net, group


def test_decay_follows_the_analytic_solution():
    net, group = decay_network()
    clock = group.Clock
    steps = clock.time_to_iterations("100*ms")
    assert steps == 1000 and group.clock_step_size == 0.0001
    net.simulate_iterations(steps, measure_block_time=False)
    # v is v_new of the step before: steps-1 Euler steps of (1 - dt/tau) from 1
    assert group.v[0] == pytest.approx((1 - 0.001) ** (steps - 1), rel=1e-5)
    assert group.v[0] == pytest.approx(math.exp(-0.1 * (steps - 1) / 100), rel=1e-3)
    assert group.v_new[0] == pytest.approx(math.exp(-1.0), rel=1e-3)
    assert group.t == pytest.approx(0.1, abs=1e-12)
    assert group.v.dtype == np.float32


def test_the_equation_text_becomes_an_expression_in_seconds():
    _, group = decay_network(step="0.5*ms")
    assert group.Equation.evaluation == "n.v+((0-n.v)/n.tau)*0.0005"
    assert group.Equation.variable == "v"
    assert np.allclose(group.tau, 0.1) and np.all(group.v == 1.0)
    assert "EquationModule" in group.Equation.tags and "Variable tau" in group["Variable", 1].tags


def test_clock_steps_and_durations():
    net = Network()
    group = NeuronGroup(net=net, tag="g", size=1, behavior={1: Clock(step="2*ms")})
    net.initialize(info=False)
    net.simulate_iterations(5, measure_block_time=False)
    assert group.t == pytest.approx(0.010) and group.clock_step_size == 0.002
    assert group.Clock.time_to_iterations("1*second") == 500
    assert group.Clock.time_to_iterations("7*ms") == 3  # rounded down
    network_clock = Network(behavior={1: Clock(step=0.001)})
    network_clock.initialize(info=False)
    assert network_clock.clock_step_size == 0.001 and network_clock.t == 0.0


def test_an_equation_may_use_the_network_clock_and_numpy():
    net = Network(behavior={1: Clock(step="1*ms")})
    group = NeuronGroup(
        net=net, tag="g", size=3, behavior={2: Variable(eq="x=0"), 3: Equation(eq="dx/dt=np.ones(3)*2")}
    )
    net.initialize(info=False)
    net.simulate_iterations(11, measure_block_time=False)
    np.testing.assert_allclose(group.x, 10 * 2 * 0.001)


def test_variables_from_expressions_and_synapse_variables():
    np.random.seed(4)
    net = Network()
    group = NeuronGroup(
        net=net,
        tag="g",
        size=20,
        behavior={
            1: Clock(step="1*ms"),
            2: Variable(eq='v=n.vector("uniform")*0.1*mV'),
        },
    )
    syn = SynapseGroup(
        net=net,
        src=group,
        dst=group,
        tag="s",
        behavior={
            2: Syn_Variable(eq='w=s.matrix("uniform")*0.01'),
        },
    )
    net.initialize(info=False)
    assert 0 <= group.v.min() and group.v.max() < 0.1
    assert not np.array_equal(group.v, group.v_new)  # evaluated twice, as PymoNNto does
    assert syn.w.shape == (20, 20) and 0 <= syn.w.min() and syn.w.max() < 0.01
    net.simulate_iteration()
    assert group.v is group.v_new and syn.w is syn.w_new


def test_eq_split_and_remove_units():
    parts = eq_split("dv/dt = (0*mV - v)/tau")
    assert parts == ["dv", "/", "dt", "=", "", "(", "0", "*", "mV", "-", "v", ")", "", "/", "tau"]
    assert remove_units(eq_split("tau=100*ms"), 2) == ["tau", "=", "0.1"]
    assert remove_units(eq_split("v=1*mV+2*volt"), 2) == ["v", "=", "1", "+", "2"]
    assert myUnits == ["mV"]


def test_bad_equations_name_the_culprit():
    with pytest.raises(ValueError, match="dX/dt"):
        decay_network_with("v=(0-v)/tau")
    with pytest.raises(ValueError, match="'rate' is not an attribute"):
        decay_network_with("dv/dt=-v*rate")
    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={2: Variable(eq="v=1"), 3: Equation(eq="dv/dt=-v")})
    with pytest.raises(ValueError, match="no clock"):
        net.initialize(info=False)
    with pytest.raises(ValueError, match="duration"):
        Network(behavior={1: Clock(step="3*apples")}).initialize(info=False)
    net = Network()
    NeuronGroup(net=net, tag="g", size=2, behavior={2: Variable(eq="1=v")})
    with pytest.raises(ValueError, match="name=value"):
        net.initialize(info=False)


def decay_network_with(eq):
    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=2,
        behavior={
            1: Clock(step="1*ms"),
            2: Variable(eq="v=1"),
            3: Variable(eq="tau=10*ms"),
            4: Equation(eq=eq),
        },
    )
    net.initialize(info=False)
    return net


def test_importing_the_library_loads_neither_sympy_nor_scipy():
    code = (
        "import sys, engine.library, engine\n"
        "print(sorted(m for m in ('sympy', 'scipy', 'scipy.sparse') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
