"""Instant_Homeostasis and Time_Integration_Homeostasis: the measurement is pushed into its range."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup
from engine.library import Instant_Homeostasis, Time_Integration_Homeostasis


class Drive(Behavior):
    """voltage = uniform noise (mean 0.5) + bias; homeostasis adjusts bias."""

    def initialize(self, neurons):
        neurons.bias = neurons.vector()
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        neurons.voltage = neurons.vector("uniform") + neurons.bias


class Level(Behavior):
    """A constant measurement ``level`` and an adjusted ``bias`` starting at 0."""

    def initialize(self, neurons):
        neurons.level = neurons.vector() + self.parameter("value", 0.5)
        neurons.bias = neurons.vector()


def build(homeostasis, size=50, driver=None):
    net = Network()
    group = NeuronGroup(net=net, tag="g", size=size, behavior={1: driver or Drive(), 2: homeostasis})
    net.initialize(info=False)
    return net, group


def test_the_mean_voltage_moves_to_the_target():
    np.random.seed(0)
    means = []

    class Mean(Behavior):
        def iteration(self, neurons):
            means.append(float(np.mean(neurons.voltage)))

    net = Network()
    group = NeuronGroup(
        net=net,
        tag="g",
        size=200,
        behavior={
            1: Drive(),
            2: Instant_Homeostasis(
                measurement_param="n.voltage", adjustment_param="bias", threshold=0.3, adj_strength=0.05
            ),
            3: Mean(),
        },
    )
    net.initialize(info=False)
    net.simulate_iterations(400, measure_block_time=False)
    assert 0.48 < means[0] < 0.52  # uniform noise, bias 0
    assert abs(np.mean(means[-100:]) - 0.3) < 0.01
    assert -0.25 < float(np.mean(group.bias)) < -0.15  # about 0.3 - 0.5
    assert group.bias.dtype == np.float64  # PymoNNto's arithmetic: float32 + float64 adjustment


def test_threshold_and_gap_percent_set_the_range():
    _, group = build(
        Instant_Homeostasis(
            measurement_param="n.voltage", adjustment_param="bias", threshold=0.4, gap_percent=25
        )
    )
    behavior = group["Instant_Homeostasis", 0]
    assert behavior.min_th == pytest.approx(0.3) and behavior.max_th == pytest.approx(0.5)
    assert behavior.th == 0.4


@pytest.mark.parametrize(("level", "expected_bias"), [(0.9, -10 * 0.5 * 0.01), (0.1, 10 * 6.0 * 0.01)])
def test_distance_insensitive_steps_are_inc_and_dec_times_adj_strength(level, expected_bias):
    behavior = Instant_Homeostasis(
        measurement_param="n.level",
        adjustment_param="bias",
        threshold=0.3,
        distance_sensitive=False,
        inc=6.0,
        dec=0.5,
        adj_strength=0.01,
    )
    net, group = build(behavior, size=4, driver=Level(value=level))
    net.simulate_iterations(10, measure_block_time=False)
    np.testing.assert_allclose(group.bias, expected_bias)


def test_distance_sensitive_step_is_proportional_to_the_distance():
    behavior = Instant_Homeostasis(
        measurement_param="n.level", adjustment_param="bias", min_th=0.2, max_th=0.4
    )
    net, group = build(behavior, size=3, driver=Level(value=0.7))
    net.simulate_iterations(1, measure_block_time=False)
    np.testing.assert_allclose(group.bias, -(np.float32(0.7) - 0.4))
    group.level[:] = [0.1, 0.3, 0.5]
    group.bias[:] = 0.0
    net.simulate_iterations(1, measure_block_time=False)
    np.testing.assert_allclose(group.bias, [0.2 - np.float32(0.1), 0.0, -(np.float32(0.5) - 0.4)])


def test_negative_adj_strength_turns_the_direction():
    behavior = Instant_Homeostasis(
        measurement_param="n.level", adjustment_param="bias", threshold=0.3, adj_strength=-2.0
    )
    net, group = build(behavior, size=2, driver=Level(value=0.5))
    net.simulate_iterations(3, measure_block_time=False)
    np.testing.assert_allclose(group.bias, 3 * 2.0 * (np.float32(0.5) - 0.3))


def test_target_clip_and_measurement_clip():
    clipped = Instant_Homeostasis(
        measurement_param="n.level",
        adjustment_param="bias",
        threshold=0.3,
        target_clip_min=-0.5,
        measurement_max=0.6,
    )
    net, group = build(clipped, size=3, driver=Level(value=2.0))
    net.simulate_iterations(1, measure_block_time=False)
    np.testing.assert_allclose(group.bias, -(np.float32(0.6) - 0.3))  # the reading is clipped to 0.6 ...
    assert np.all(group.level == 2.0)  # ... the measured attribute itself is not
    net.simulate_iterations(5, measure_block_time=False)
    assert np.all(group.bias == -0.5)


def test_measurement_expressions_may_call_functions():
    # PymoNNto 3.0.6 takes 'np.mean(n.voltage)' (its docs' example) for a value string and fails.
    np.random.seed(1)
    behavior = Instant_Homeostasis(
        measurement_param="np.mean(n.voltage)", adjustment_param="n.bias", threshold=0.3, adj_strength=0.1
    )
    net, group = build(behavior, size=30)
    net.simulate_iterations(200, measure_block_time=False)
    assert np.all(group.bias == group.bias[0])  # one scalar measurement for the whole group
    assert -0.25 < group.bias[0] < -0.15


def test_the_adjusted_array_is_updated_in_place_once_the_behavior_made_it():
    shared = np.zeros(5, dtype=np.float32)
    behavior = Instant_Homeostasis(measurement_param="n.level", adjustment_param="bias", threshold=0.3)
    net, group = build(behavior, size=5, driver=Level(value=0.8))
    group.bias = shared
    net.simulate_iterations(1, measure_block_time=False)
    assert np.all(shared == 0.0) and group.bias is not shared  # a script's array is replaced, not changed
    made = group.bias
    net.simulate_iterations(3, measure_block_time=False)
    assert group.bias is made
    np.testing.assert_allclose(made, -4 * (np.float32(0.8) - 0.3))


def test_time_integration_averages_the_measurement():
    behavior = Time_Integration_Homeostasis(
        measurement_param="n.level",
        adjustment_param="bias",
        threshold=10.0,
        integration_length=4,
        init_avg=0.0,
    )
    net, group = build(behavior, size=3, driver=Level(value=1.0))
    net.simulate_iterations(6, measure_block_time=False)
    expected = 1.0 - (4 / 5) ** 6  # a(t+1) = (4 a(t) + 1) / 5 from a(0) = 0
    np.testing.assert_allclose(group["Time_Integration_Homeostasis", 0].average, expected, rtol=1e-6)
    averages = [1.0 - (4 / 5) ** k for k in range(1, 7)]
    np.testing.assert_allclose(group.bias, sum(10.0 - a for a in averages), rtol=1e-6)


def test_time_integration_starts_between_the_thresholds():
    behavior = Time_Integration_Homeostasis(
        measurement_param="n.level", adjustment_param="bias", min_th=0.2, max_th=0.6
    )
    _, group = build(behavior, size=2, driver=Level())
    assert group["Time_Integration_Homeostasis", 0].average == pytest.approx(0.4)
    with pytest.raises(ValueError, match="init_avg"):
        build(
            Time_Integration_Homeostasis(measurement_param="n.level", adjustment_param="bias"), driver=Level()
        )


def test_a_misspelled_parameter_is_reported(capsys):
    build(Instant_Homeostasis(measurement_param="n.voltage", adjustment_param="bias", treshold=0.3))
    out = capsys.readouterr().out
    assert '"treshold" not used in initialize of Instant_Homeostasis' in out
    assert "'threshold'" in out  # the valid names are listed


def test_bad_configurations_name_the_culprit():
    net, _ = build(Instant_Homeostasis(adjustment_param="bias", threshold=0.3))
    with pytest.raises(ValueError, match="measurement_param is missing"):
        net.simulate_iteration()
    net, _ = build(Instant_Homeostasis(measurement_param="n.voltage", adjustment_param="bias"))
    with pytest.raises(ValueError, match="threshold"):
        net.simulate_iteration()
    net, _ = build(Instant_Homeostasis(measurement_param="n.voltage", adjustment_param="gain", threshold=0.3))
    with pytest.raises(AttributeError, match="'gain'"):
        net.simulate_iteration()
    net, _ = build(
        Instant_Homeostasis(measurement_param="n.voltage +", adjustment_param="bias", threshold=0.3)
    )
    with pytest.raises(ValueError, match="not a Python expression"):
        net.simulate_iteration()
