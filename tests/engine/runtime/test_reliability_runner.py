"""Issue 17, engine side of the runner: iteration counts are checked, and Resume after a raising
behavior completes the interrupted iteration so recordings stay aligned with the counter."""

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder
from engine.exceptions import IterationCountError
from engine.model.network import MAX_SIMULATE_ITERATIONS
from engine.runtime.limits import MAX_ITERATIONS

WAIT = 20.0


class Tick(Behavior):
    def initialize(self, neurons):
        neurons.v = neurons.vector()

    def iteration(self, neurons):
        neurons.v += 1.0


class FailsAt(Behavior):
    """Raises at the iterations listed in ``fail_at``."""

    def initialize(self, neurons):
        self.fail_at = set()

    def iteration(self, neurons):
        if neurons.iteration in self.fail_at:
            raise RuntimeError(f"boom at {neurons.iteration}")


class After(Behavior):
    """Counts the iterations it ran in (it comes after the failing behavior)."""

    def initialize(self, neurons):
        self.seen = []

    def iteration(self, neurons):
        self.seen.append(neurons.iteration)


def build():
    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=4,
        behavior={1: Tick(), 2: FailsAt(), 3: After(), 9: Recorder(["v", "np.mean(v)"], tag="rec")},
    )
    net.initialize(info=False)
    return net


# ------------------------------------------------------------------------------- 3. iteration counts
@pytest.mark.parametrize("count", [1e12, 99_999_999_999, -5, 2.5, float("nan"), True, "10"])
def test_run_for_bad_count_1e12_and_others_refused(make_runner, count):
    runner = make_runner(build())
    with pytest.raises(IterationCountError, match=r"Runner\.run_for"):
        runner.run_for(count)
    assert runner.iteration == 0 and runner.state == "paused"


@pytest.mark.parametrize("count", [1e12, -1, 2.7, "3"])
def test_step_bad_count_refused(make_runner, count):
    runner = make_runner(build())
    with pytest.raises(IterationCountError, match=r"Runner\.step"):
        runner.step(count)
    assert runner.iteration == 0


def test_step_and_run_for_accept_whole_floats_and_zero(make_runner):
    runner = make_runner(build())
    assert runner.step(3.0) == 3 and runner.step(0) == 0
    runner.run_for(np.int64(4)).wait(WAIT)
    assert runner.iteration == 7


def test_simulate_iterations_1e12_refused_before_running():
    net = build()
    with pytest.raises(IterationCountError, match="at most 1,000,000,000"):
        net.simulate_iterations(1e12, measure_block_time=False)
    assert net.iteration == 0
    net.simulate_iterations(5.0, measure_block_time=False)  # PymoNNto semantics for valid counts
    assert net.iteration == 5


def test_model_limit_equals_runtime_limit():
    assert MAX_SIMULATE_ITERATIONS == MAX_ITERATIONS


# ------------------------------------------------------------------------- 5. resume after an error
def test_behavior_raising_twice_then_resume_keeps_recorded_rows_equal_to_iterations(make_runner):
    net = build()
    net.g.FailsAt.fail_at = {5, 9}
    runner = make_runner(net)
    runner.run_for(20)
    assert runner.wait(WAIT)
    assert runner.state == "error" and runner.iteration == 5 and net.interrupted_iteration == 5
    runner.resume()
    assert runner.wait(WAIT) and runner.state == "error" and runner.iteration == 9
    runner.resume()
    assert runner.wait(WAIT) and runner.state == "paused"
    assert runner.iteration == 20
    assert len(net["v", 0]) == 20 and len(net["np.mean(v)", 0]) == 20
    assert net.g.After.seen == list(range(1, 21))  # the later behavior ran once per iteration
    # row k holds the value of iteration k+1 (v counts up by one per iteration)
    np.testing.assert_array_equal(net["np.mean(v)", 0, "np"], np.arange(1, 21, dtype=float))


def test_step_after_error_completes_the_interrupted_iteration_first(make_runner):
    net = build()
    net.g.FailsAt.fail_at = {3}
    runner = make_runner(net)
    assert runner.step(5) == 3 and runner.state == "error"
    assert len(net["v", 0]) == 2
    assert runner.step(2) == 2
    assert runner.iteration == 5 and len(net["v", 0]) == 5 and net.g.After.seen == [1, 2, 3, 4, 5]


def test_headless_simulate_iterations_lets_the_exception_through_and_does_not_complete():
    net = build()
    net.g.FailsAt.fail_at = {2}
    with pytest.raises(RuntimeError, match="boom at 2"):
        net.simulate_iterations(5, measure_block_time=False)
    assert net.iteration == 2 and net.interrupted_iteration == 2 and len(net["v", 0]) == 1
    net.simulate_iteration()  # a new iteration forgets the interrupted one
    assert net.interrupted_iteration is None and net.complete_interrupted_iteration() == 0
    assert len(net["v", 0]) == 2


def test_complete_interrupted_iteration_by_hand_and_a_second_failure_keeps_the_rest_pending():
    class AlsoFails(Behavior):
        def iteration(self, neurons):
            if neurons.iteration == 1 and not getattr(self, "done", False):
                self.done = True
                raise KeyError("second")

    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=2,
        behavior={1: Tick(), 2: FailsAt(), 3: AlsoFails(), 4: After(), 9: Recorder("v", tag="rec")},
    )
    net.initialize(info=False)
    net.g.FailsAt.fail_at = {1}
    with pytest.raises(RuntimeError):
        net.simulate_iteration()
    with pytest.raises(KeyError):
        net.complete_interrupted_iteration()
    assert net.interrupted_iteration == 1
    assert net.complete_interrupted_iteration() == 2  # After and the recorder
    assert net.g.After.seen == [1] and len(net["v", 0]) == 1


def test_measured_iteration_that_raises_can_be_completed():
    net = build()
    net.g.FailsAt.fail_at = {1}
    with pytest.raises(RuntimeError):
        net.simulate_iteration(measure_behavior_execution_time=True)
    assert net.complete_interrupted_iteration() == 2
    assert net.g.After.seen == [1]
