"""engine.Runner: worker thread lifecycle, commands between iterations, hold, errors, progress, stats.

No Qt. Waiting is done with Events/conditions and timeouts; no assertion depends on how fast the
machine is (the one speed-limit test only checks a lower bound on the elapsed time)."""

import gc
import threading
import time
import weakref

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder, Runner
from engine.runtime.tag_paths import InvalidValueError, PathError
from tests.support.behaviors import Basic_Behavior, Counter

WAIT = 20.0  # generous timeout for anything that should take milliseconds


class SeenValues(Behavior):
    """Reads the threshold at the start and (after releasing the GIL) at the end of an iteration."""

    def initialize(self, neurons):
        self.log = []
        self.torn = []

    def iteration(self, neurons):
        first = neurons.Basic_Behavior.threshold
        time.sleep(0)  # let any other thread run mid-iteration
        last = neurons.Basic_Behavior.threshold
        if first != last:
            self.torn.append(neurons.iteration)
        self.log.append((neurons.iteration, first))


class Signal(Behavior):
    """Sets ``event`` once the network reaches ``at`` iterations."""

    def initialize(self, parent):
        self.event = threading.Event()
        self.at = 10**12

    def iteration(self, parent):
        if parent.iteration >= self.at:
            self.event.set()


class Faulty(Behavior):
    def initialize(self, neurons):
        self.fail_at = 50
        self.calls = 0

    def iteration(self, neurons):
        self.calls += 1
        if neurons.iteration == self.fail_at:
            raise ValueError("voltage exploded")  # FAULTY-LINE


def build(size=20, extra=None, dt=None):
    np.random.seed(3)
    net = Network(settings={"dt": dt} if dt else None)
    behaviors = {1: Basic_Behavior(), 2: Counter(), 3: SeenValues(), 8: Signal(), 9: Recorder(["voltage"])}
    behaviors.update(extra or {})
    NeuronGroup(net=net, tag="g", size=size, behavior=behaviors)
    net.initialize(info=False)
    return net


def wait_for_iteration(runner, n):
    sig = runner.net.g.Signal
    sig.at = n
    sig.event.clear()  # set again by every iteration >= n while the runner runs
    assert sig.event.wait(WAIT), f"iteration {n} not reached"


# ------------------------------------------------------------------------------------------ lifecycle
def test_step_while_paused_advances_exactly(make_runner):
    r = make_runner(build())
    assert r.state == "paused" and not r.is_running
    assert r.step(5) == 5 and r.iteration == 5
    assert r.step(3) == 3 and r.iteration == 8
    assert r.step(0) == 0 and r.iteration == 8
    assert np.all(r.net.g.count == 8)
    with pytest.raises(ValueError):
        r.step(-1)


def test_step_while_running_raises(make_runner):
    r = make_runner(build())
    r.start()
    with pytest.raises(RuntimeError, match="pause"):
        r.step(5)
    assert r.pause(timeout=WAIT)


def test_start_pause_resume(make_runner):
    r = make_runner(build())
    r.start()
    wait_for_iteration(r, 30)
    assert r.is_running and r.state == "running"
    assert r.pause(timeout=WAIT) and r.state == "paused" and not r.is_running
    frozen = r.iteration
    r.call(lambda: None).result(WAIT)  # the worker handled a command and went idle again
    assert r.iteration == frozen
    r.resume()
    wait_for_iteration(r, frozen + 20)
    assert r.pause(timeout=WAIT)
    assert np.all(r.net.g.count == r.iteration)


def test_stop_is_idempotent_and_leaves_no_thread(make_runner):
    r = make_runner(build())
    r.start()
    wait_for_iteration(r, 5)
    thread = r._c.thread
    assert r.stop() and r.stop()
    assert not thread.is_alive() and thread not in threading.enumerate()
    assert r.state == "stopped"
    for action in (
        r.start,
        lambda: r.step(1),
        lambda: r.call(print),
        lambda: r.set_value("g.Basic_Behavior.threshold", 1),
    ):
        with pytest.raises(RuntimeError, match="stopped"):
            action()


def test_stop_without_start_and_context_manager():
    with Runner(build()) as r:
        assert r._c.thread is None
    assert r.state == "stopped" and r._c.thread is None


def test_garbage_collected_runner_stops_its_thread():
    r = Runner(build())
    r.start()
    wait_for_iteration(r, 5)
    thread, ref = r._c.thread, weakref.ref(r)
    del r
    gc.collect()
    assert ref() is None
    thread.join(WAIT)
    assert not thread.is_alive()


def test_runner_needs_a_network():
    with pytest.raises(TypeError):
        Runner(object())


# ------------------------------------------------------------------------------------------ commands
def test_edit_while_running_is_visible_from_a_known_iteration_and_never_mid_iteration(make_runner):
    r = make_runner(build())
    r.start()
    futures = []
    for k in range(30):
        wait_for_iteration(r, r.iteration + 3)
        futures.append(r.set_value("g.Basic_Behavior.threshold", 0.3 + k * 0.01, source="test"))
    assert r.pause(timeout=WAIT)
    for f in futures:
        f.result(WAIT)
    r.step(1)  # the last edit's next iteration
    seen = r.net.g.SeenValues
    assert seen.torn == []  # one consistent value per iteration
    events = [e for e in r.events if e.kind == "set_value"]
    assert len(events) == 30 and [e.source for e in events] == ["test"] * 30
    values = dict(seen.log)
    for e in events:
        assert values[e.iteration + 1] == pytest.approx(e.new)  # visible from the next iteration on
        if e.iteration in values:
            assert values[e.iteration] == pytest.approx(e.old)  # not in the one before
    assert [e.iteration for e in events] == sorted(e.iteration for e in events)


def test_commands_apply_in_order_and_are_logged(make_runner):
    r = make_runner(build())
    r.step(2)
    order = []
    f1 = r.set_value("g.voltage", 0.25)
    f2 = r.call(lambda: order.append(float(r.net.g.voltage[0])) or "done", source="console")
    f3 = r.set_behavior_enabled("Counter", False, source="panel")
    f4 = r.set_value("g.Basic_Behavior.threshold", "0.8")
    assert f2.result(WAIT) == "done" and order == [0.25]
    assert f3.result(WAIT) == 1 and f4.result(WAIT) == 0.8 and f1.result(WAIT) is not None
    kinds = [(e.kind, e.path, e.source, e.iteration) for e in r.events]
    assert [k[0] for k in kinds] == ["set_value", "call", "enabled", "set_value"]
    assert [k[1] for k in kinds] == ["g.voltage", kinds[1][1], "Counter", "g.Basic_Behavior.threshold"]
    assert [k[2] for k in kinds] == ["api", "console", "panel", "api"] and {k[3] for k in kinds} == {2}
    ev = r.events[3]
    assert ev.old == 0.5 and ev.new == 0.8 and ev.error is None and ev.seq == 4
    assert r.events_since(2) == r.events[2:]
    r.step(3)
    assert np.all(r.net.g.count == 2)  # Counter disabled
    r.set_behavior_enabled("g.Counter", True).result(WAIT)
    r.step(1)
    assert np.all(r.net.g.count == 3)


def test_bad_path_or_value_raises_at_once_while_running(make_runner):
    r = make_runner(build())
    r.start()
    wait_for_iteration(r, 5)
    with pytest.raises(PathError, match="did you mean 'threshold'"):
        r.set_value("g.Basic_Behavior.threshhold", 0.1)
    with pytest.raises(InvalidValueError, match="shape"):
        r.set_value("g.voltage", [1, 2, 3])
    with pytest.raises(PathError, match="did you mean 'Counter'"):
        r.set_behavior_enabled("Countr", False)
    assert r.pause(timeout=WAIT)
    assert r.net.g.Basic_Behavior.threshold == 0.5
    assert not [e for e in r.events if e.kind != "error"] and r.error is None


def test_call_future_carries_exceptions_and_apply_time_errors(make_runner):
    r = make_runner(build())
    with pytest.raises(ZeroDivisionError):
        r.call(lambda: 1 / 0).result(WAIT)
    assert r.events[-1].kind == "call" and "ZeroDivisionError" in r.events[-1].error
    with pytest.raises(TypeError):
        r.call(42)
    futures = []
    with r.hold():  # an edit validated against shape (20,) ...
        t = threading.Thread(target=lambda: futures.append(r.set_value("g.voltage", 1.0)))
        t.start()
        t.join(WAIT)
        r.net.g.voltage = np.zeros(3, dtype=np.float32)  # ... meets shape (3,) when applied
    with pytest.raises(InvalidValueError, match="changed shape"):
        futures[0].result(WAIT)
    assert r.events[-1].kind == "set_value" and "changed shape" in r.events[-1].error
    assert np.all(r.net.g.voltage == 0) and r.error is None


def test_consecutive_edits_of_one_path_coalesce(make_runner):
    r = make_runner(build())
    futures = []
    with r.hold():  # the worker waits: edits from another thread pile up
        t = threading.Thread(
            target=lambda: futures.extend(
                r.set_value("g.Basic_Behavior.threshold", 0.1 * k) for k in range(1, 11)
            )
        )
        t.start()
        t.join(WAIT)
    assert [round(f.result(WAIT), 6) for f in futures] == [1.0] * 10
    events = [e for e in r.events if e.kind == "set_value"]
    assert len(events) == 1 and events[0].coalesced == 9 and events[0].new == pytest.approx(1.0)
    assert r.net.g.Basic_Behavior.threshold == pytest.approx(1.0)


def test_hold_keeps_the_worker_between_iterations(make_runner):
    r = make_runner(build(extra={-1: _Flag(), 100: _Flag(end=True)}))
    r.start()
    wait_for_iteration(r, 10)
    for _ in range(5):
        with r.hold() as held:
            assert held is r
            it = r.iteration
            assert not r.net.g.behavior[-1].inside  # no iteration in progress
            total = sum(float(r.net.g.voltage.sum()) for _ in range(2000))
            assert r.iteration == it and np.isfinite(total)
    assert r.lock.acquire(timeout=WAIT)
    try:
        assert r.lock.locked() and not r.net.g.behavior[-1].inside
        it = r.iteration
        assert r.set_value("g.voltage", 0.0).done()  # applied at once from the holding thread
        assert r.step(3) == 3 and r.iteration == it + 3  # steps run in this thread
    finally:
        r.lock.release()
    with pytest.raises(RuntimeError):
        r.lock.release()
    assert r.pause(timeout=WAIT)


class _Flag(Behavior):
    def __init__(self, end=False, **kw):
        super().__init__(**kw)
        self.end = end

    def initialize(self, neurons):
        neurons.behavior[-1].inside = False

    def iteration(self, neurons):
        neurons.behavior[-1].inside = not self.end


# ------------------------------------------------------------------------------------------ errors
def test_error_pauses_at_its_iteration_and_resume_continues(make_runner):
    r = make_runner(build(extra={5: Faulty()}))
    r.start()
    assert r.wait(WAIT)
    err = r.error
    assert err is not None and err.iteration == 50 and r.iteration == 50
    assert r.state == "error" and not r.is_running
    assert isinstance(err.exception, ValueError) and "voltage exploded" in str(err)
    assert __file__ in err.traceback and "FAULTY-LINE" in err.traceback
    assert err.filename == __file__ and err.function == "iteration"
    assert err.behavior is r.net.g.Faulty and err.behavior_path == "g.Faulty"
    assert r.events[-1].kind == "error" and r.events[-1].iteration == 50
    assert np.all(r.net.g.count == 50)  # state kept
    r.net.g.Faulty.fail_at = -1  # "fix" it
    prog = r.run_for(10)
    assert prog.wait(WAIT) and r.iteration == 60 and r.error is None


def test_step_stops_at_an_error(make_runner):
    r = make_runner(build(extra={5: Faulty()}))
    assert r.step(100) == 50 and r.error.iteration == 50
    r.net.g.Faulty.fail_at = -1
    r.resume()
    wait_for_iteration(r, 70)
    assert r.pause(timeout=WAIT) and r.error is None


def test_a_fatal_error_is_reported_not_silent(make_runner, capsys):
    class Fatal(Behavior):
        def iteration(self, neurons):
            if neurons.iteration == 3:
                raise KeyboardInterrupt("stop the world")

    r = make_runner(build(extra={5: Fatal()}))
    r.step(10)
    assert r.error is not None and r.error.fatal and r.error.iteration == 3
    assert r.state == "stopped"
    r._c.thread.join(WAIT)
    assert not r._c.thread.is_alive()
    assert "stop the world" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ run_for, stats
def test_run_for_reports_progress_and_pauses(make_runner):
    r = make_runner(build())
    r.step(7)
    calls = []
    prog = r.run_for(200, callback=lambda f, runner: calls.append((f, runner, threading.current_thread())))
    assert prog.wait(WAIT)
    assert r.iteration == 207 and prog.fraction == 1.0 and prog.finished and not prog.cancelled
    assert r.state == "paused" and r.progress == 1.0 and prog.iterations_done == 200
    fractions = [c[0] for c in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) >= 50
    assert all(c[1] is r and c[2] is not threading.main_thread() for c in calls)


def test_run_for_can_be_cancelled(make_runner):
    r = make_runner(build())
    prog = r.run_for(10**9)
    wait_for_iteration(r, 20)
    prog.cancel()
    assert prog.wait(WAIT) and prog.cancelled and 0 < prog.fraction < 1
    assert r.wait(WAIT) and r.state == "paused"
    prog2 = r.run_for(10**9)
    wait_for_iteration(r, r.iteration + 5)
    r.cancel_run()
    assert prog2.wait(WAIT) and prog2.cancelled


def test_stats_and_real_time_factor(make_runner):
    r = make_runner(build(dt=0.001))
    assert r.stats().iterations_per_second == 0.0
    r.start()
    wait_for_iteration(r, 300)
    s = r.stats()
    assert s.state == "running" and s.iteration >= 300 and s.iterations_per_second > 0
    assert s.real_time_factor == pytest.approx(s.iterations_per_second * 0.001, rel=0.5)
    assert r.pause(timeout=WAIT)
    r2 = make_runner(build())
    r2.step(10)
    assert r2.real_time_factor is None


def test_target_speed_limits_the_rate(make_runner):
    r = make_runner(build())
    r.target_iterations_per_second = 200
    t0 = time.perf_counter()
    assert r.run_for(30).wait(WAIT)
    assert time.perf_counter() - t0 >= 0.1  # 30 iterations at 200/s take ~0.15 s
    with pytest.raises(ValueError):
        r.target_iterations_per_second = 0
    r.target_iterations_per_second = None
    assert r.target_iterations_per_second is None


def test_note_and_repr(make_runner):
    r = make_runner(build())
    ev = r.note("changed the input", source="console")
    assert ev.kind == "note" and r.events[-1] is ev and "paused" in repr(r)
