"""The runner's worker: the stepping loop, its shared state, progress and statistics.

Internal to :mod:`engine.runtime.runner` (the public API). The worker thread references only this core,
never the :class:`~engine.runtime.runner.Runner` facade, so a Runner that is dropped gets collected and its
finalizer stops the thread.

Errors: a behavior that raises pauses the runner in the error state (:class:`StepError`); the
iteration counts as run. Whatever way the runner steps on (resume, start, step, run_for), it first
completes that iteration (``Network.complete_interrupted_iteration``: the behaviors after the
failing one run once), so recorders keep one sample per iteration.

Synchronisation: one condition variable ``cv`` guards the control state (run flag, budget, holds,
parked). While stepping, the worker reads only the plain flag ``dirty`` once per iteration; every
control change sets it, so the worker returns to the guarded section after at most one iteration.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from engine.runtime.commands import Command, CommandQueue, EventLog
from engine.runtime.progress import RunnerStats, RunProgress
from engine.runtime.step_error import StepError
from engine.runtime.watches import Watch

if TYPE_CHECKING:
    from concurrent.futures import Future

    from engine.model.network import Network

__all__ = ["StepError", "RunProgress", "RunnerStats"]

_switch_lock = threading.Lock()
_switch_users = 0
_switch_saved: float | None = None


def _lower_switch_interval(value: float | None) -> bool:
    """While any runner steps, the interpreter's switch interval is at most ``value``: a thread that
    waits for the GIL gets it after ``value`` seconds instead of 5 ms. It costs nothing while no
    other thread wants the GIL. Reference-counted across runners; the previous value is restored."""
    global _switch_users, _switch_saved
    if not value:
        return False
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            if value < _switch_saved:
                sys.setswitchinterval(value)
        _switch_users += 1
    return True


def _restore_switch_interval() -> None:
    global _switch_users
    with _switch_lock:
        _switch_users -= 1
        if _switch_users == 0 and _switch_saved is not None:
            sys.setswitchinterval(_switch_saved)


class _Core:
    """State shared by the Runner facade and its worker thread."""

    def __init__(
        self, net: Network, yield_interval: float | None, switch_interval: float | None, name: str
    ) -> None:
        self.net = net
        self.name = name
        self.cv = threading.Condition(threading.Lock())
        self.apply_lock = threading.RLock()
        self.queue = CommandQueue()
        self.log = EventLog()
        self.watches: tuple[Watch, ...] = ()
        self.dirty = False
        self.run = False
        self.budget: int | None = None
        self.budget_epoch = 0
        self.budget_resumable = True
        self.progress: RunProgress | None = None
        self.holds = 0
        self.holders: dict[int, int] = {}  # thread ident -> holds it has entered
        self.parked = True
        self.stop_requested = False
        self.finished = False
        self.thread: threading.Thread | None = None
        self.worker_ident: int | None = None
        self.error: StepError | None = None
        self.yield_interval = yield_interval
        self.switch_interval = switch_interval
        self.target_ips: float | None = None
        #: throttled runs: perf_counter time at which the next iteration may start. Kept across
        #: batches, so holds, commands and watches between two iterations do not lift the limit.
        self.next_due = 0.0
        self.pacing = False  #: the worker waits for ``next_due`` (it steps nothing meanwhile)
        self.samples: collections.deque[tuple[float, int]] = collections.deque(maxlen=128)
        self.stats_lock = threading.Lock()

    # ------------------------------------------------------------------------------------- control
    def wake(self) -> None:
        with self.cv:
            self.dirty = True
            self.cv.notify_all()

    def _on_worker(self) -> bool:
        return threading.get_ident() == self.worker_ident

    def _inline(self) -> bool:
        """The calling thread may touch the network directly (worker, or a holder)."""
        return self._on_worker() or self.holders.get(threading.get_ident(), 0) > 0

    def ensure_thread(self) -> None:
        with self.cv:
            if self.stop_requested or self.finished:
                raise RuntimeError("this runner was stopped; create a new Runner")
            if self.thread is None:
                self.thread = threading.Thread(target=self.loop, name=self.name, daemon=True)
                self.thread.start()

    def set_run(
        self, budget: int | None = None, progress: RunProgress | None = None, keep_budget: bool = False
    ) -> None:
        self.ensure_thread()
        with self.cv:
            self.error = None
            if keep_budget:
                if self.budget is not None and (self.budget <= 0 or not self.budget_resumable):
                    self.budget = None
                    self.budget_epoch += 1
            else:
                if self.progress is not None and self.progress is not progress:
                    self.progress._finish(cancelled=True)
                self.budget, self.progress, self.budget_resumable = budget, progress, True
                self.budget_epoch += 1
            self.run = True
            self.dirty = True
            self.next_due = 0.0  # a (re)start runs its first iteration at once
            self.cv.notify_all()

    def pause(self, wait: bool, timeout: float | None) -> bool:
        with self.cv:
            self.run = False
            self.dirty = True
            self.cv.notify_all()
            if not wait or self._inline() or self.thread is None:
                return True
            return self.cv.wait_for(lambda: self.parked or self.finished, timeout)

    def wait_idle(self, timeout: float | None) -> bool:
        if self._inline():
            return not self.run
        with self.cv:
            return self.cv.wait_for(lambda: (not self.run and self.parked) or self.finished, timeout)

    def cancel_run(self, prog: RunProgress | None = None) -> None:
        with self.cv:
            current = self.progress
            if prog is not None and prog is not current:
                prog._finish(cancelled=True)
                return
            self.budget, self.run, self.dirty = 0, False, True
            self.budget_epoch += 1
            self.cv.notify_all()
        if current is not None:
            current._finish(cancelled=True)

    def step(self, n: int, timeout: float | None) -> int:
        before = self.net.iteration
        if n == 0:
            return 0
        if self._inline():
            self.error = None
            self.batch(n, None, check_dirty=False)
            return self.net.iteration - before
        self.ensure_thread()
        with self.cv:
            self.error = None
            if self.progress is not None:
                self.progress._finish(cancelled=True)
                self.progress = None
            self.budget, self.budget_resumable, self.run, self.dirty = n, False, True, True
            self.next_due = 0.0
            self.budget_epoch += 1
            self.cv.notify_all()
            if not self.cv.wait_for(lambda: not self.run or self.finished, timeout):
                raise TimeoutError(f"step({n}) did not finish within {timeout} s")
        return self.net.iteration - before

    def shutdown(self, timeout: float = 5.0) -> bool:
        with self.cv:
            self.stop_requested = True
            self.dirty = True
            self.cv.notify_all()
            thread = self.thread
        alive = False
        if thread is not None and thread.ident != threading.get_ident():
            thread.join(timeout)
            alive = thread.is_alive()
        if thread is None:
            self.finished = True
        if not alive:
            for cmd in self.queue.drain():
                cmd.cancel("the runner was stopped before this command was applied")
            if self.progress is not None:
                self.progress._finish(cancelled=True)
        return not alive

    # ------------------------------------------------------------------------------------- hold
    def hold_enter(self, timeout: float | None) -> bool:
        if self._on_worker():
            return True
        me = threading.get_ident()
        with self.cv:
            self.holds += 1
            self.holders[me] = self.holders.get(me, 0) + 1
            self.dirty = True
            self.cv.notify_all()
            if self.cv.wait_for(lambda: self.parked or self.finished, timeout):
                return True
            self._release(me)
            return False

    def hold_exit(self) -> None:
        if self._on_worker():
            return
        with self.cv:
            me = threading.get_ident()
            if not self.holders.get(me):
                raise RuntimeError("release() of a runner hold this thread does not own")
            self._release(me)

    def _release(self, me: int) -> None:
        self.holds -= 1
        self.holders[me] -= 1
        if not self.holders[me]:
            del self.holders[me]
        self.dirty = True
        self.cv.notify_all()

    # ------------------------------------------------------------------------------------- commands
    def submit(self, cmd: Command) -> Future[Any]:
        if self._inline():
            with self.apply_lock:
                self.apply_pending()
                cmd.execute(self.net, self.log)
            return cmd.future
        self.ensure_thread()
        with self.cv:
            if self.stop_requested or self.finished:
                raise RuntimeError("this runner was stopped; commands are no longer accepted")
            future = self.queue.put(cmd)
            self.dirty = True
            self.cv.notify_all()
        return future

    def apply_pending(self) -> None:
        for cmd in self.queue.drain():
            cmd.execute(self.net, self.log)

    def add_watch(self, w: Watch) -> None:
        with self.cv:
            self.watches = self.watches + (w,)
            self.dirty = True

    def remove_watch(self, w: Watch) -> None:
        with self.cv:
            self.watches = tuple(x for x in self.watches if x is not w)
            self.dirty = True

    # ------------------------------------------------------------------------------------- stats
    def _sample_now(self, clear: bool = False) -> None:
        with self.stats_lock:
            if clear:
                self.samples.clear()
            self.samples.append((time.perf_counter(), self.net.iteration))

    def stats(self, state: str) -> RunnerStats:
        now = time.perf_counter()
        it = self.net.iteration
        with self.stats_lock:
            samples = list(self.samples)
        ips = 0.0
        if samples:
            base = samples[0]
            for s in reversed(samples):
                if s[0] <= now - 1.0:
                    base = s
                    break
            span = now - base[0]
            ips = max(0.0, (it - base[1]) / span) if span > 0 else 0.0
        dt = getattr(self.net, "dt", None)
        rtf = ips * dt if dt else None
        prog = self.progress
        return RunnerStats(it, ips, rtf, state, self.target_ips, None if prog is None else prog.fraction)

    # ------------------------------------------------------------------------------------- loop
    def loop(self) -> None:
        self.worker_ident = threading.get_ident()
        try:
            self._loop()
        except BaseException as exc:  # noqa: BLE001 - the thread must never die silently
            self.error = StepError.capture(exc, getattr(self.net, "iteration", -1), self.net, fatal=True)
            sys.stderr.write(
                f"mnn-studio runner {self.name} stopped by an internal error:\n{self.error.traceback}"
            )
        finally:
            with self.cv:
                self.run = False
                self.parked = True
                self.finished = True
                self.cv.notify_all()
            for cmd in self.queue.drain():
                cmd.cancel("the runner stopped before this command was applied")

    def _loop(self) -> None:
        cv = self.cv
        idle = True
        while True:
            with cv:
                while True:
                    if self.stop_requested:
                        return
                    self.dirty = False
                    if not self.holds:
                        if self.queue:
                            break
                        if self.run and self.error is None and (self.budget is None or self.budget > 0):
                            break
                    self.parked = True
                    if not idle and not self.holds:  # a hold is no pause: the rate window goes on
                        self._sample_now()
                        idle = True
                    cv.notify_all()
                    cv.wait()
                self.parked = False
                budget, epoch, prog = self.budget, self.budget_epoch, self.progress
            with self.apply_lock:
                self.apply_pending()
            if not (self.run and self.error is None) or (budget is not None and budget <= 0):
                continue
            if idle:
                self._sample_now(clear=True)
                idle = False
            if prog is not None and prog.start is None and prog is self.progress:
                prog._begin(self.net.iteration)
            done = self.batch(budget, prog if prog is self.progress else None, check_dirty=True)
            finished = None
            with cv:
                if self.budget is not None and self.budget_epoch == epoch:
                    self.budget -= done
                    if self.budget <= 0:
                        self.run = False
                        finished = self.progress
            if finished is not None:
                finished._finish(cancelled=False)  # outside the lock: it may call back into the runner

    def batch(self, budget: int | None, prog: RunProgress | None, check_dirty: bool) -> int:
        """Run up to ``budget`` iterations (None = until ``dirty``). Returns how many ran, counting a
        failed one. Samples watches, keeps statistics, hands the GIL over, throttles."""
        lowered = _lower_switch_interval(self.switch_interval)
        try:
            return self._batch(budget, prog, check_dirty)
        finally:
            if lowered:
                _restore_switch_interval()

    def _batch(self, budget: int | None, prog: RunProgress | None, check_dirty: bool) -> int:
        net = self.net
        simulate = net.simulate_iteration
        samplers = [w.sample for w in self.watches]
        perf = time.perf_counter
        limit = -1 if budget is None else budget
        yield_iv = self.yield_interval
        ips = self.target_ips
        period = 1.0 / ips if ips else 0.0
        next_tick = prog.next_tick if prog is not None else None
        now = last_yield = last_sample = perf()
        done = 0
        if net.interrupted_iteration is not None and not self._complete_interrupted(samplers):
            return 0
        while done != limit and not (check_dirty and self.dirty):
            if period:
                if not self._wait_due(check_dirty):
                    break
                start = last_yield = perf()
            try:
                simulate()
            except (Exception, SystemExit) as exc:
                done += 1
                self._record_error(exc)
                break
            done += 1
            it = net.iteration
            for sample in samplers:
                sample(it)
            now = perf()
            if now - last_sample >= 0.02:
                with self.stats_lock:
                    self.samples.append((now, it))
                last_sample = now
            if next_tick is not None and it >= next_tick:  # next_tick is None whenever prog is
                prog._tick()  # type: ignore[union-attr]
                next_tick = prog.next_tick  # type: ignore[union-attr]
            if period:  # due a period later (the rate holds over delays); over 0.25 s behind: afresh
                due = self.next_due
                self.next_due = (start if due < start - 0.25 else due) + period
            if yield_iv is not None and now - last_yield >= yield_iv:
                time.sleep(0)
                last_yield = perf()
        return done

    def _complete_interrupted(self, samplers: list[Any]) -> bool:
        """Before stepping on after an error: run the behaviors that came after the failing one in the
        interrupted iteration (once), then sample the watches for it. False if one of them raised."""
        try:
            self.net.complete_interrupted_iteration()
        except (Exception, SystemExit) as exc:
            self._record_error(exc)
            return False
        for sample in samplers:
            sample(self.net.iteration)
        return True

    def _wait_due(self, check_dirty: bool) -> bool:
        """Throttled runs: wait until the next iteration is due (:attr:`next_due`). False when a
        control change came first (``check_dirty``): the batch ends, and the next one waits the rest."""
        delay = self.next_due - time.perf_counter()
        if delay <= 0:
            return True
        if not check_dirty:
            time.sleep(delay)
            return True
        with self.cv:
            self.pacing = True
            try:
                self.cv.wait_for(lambda: self.dirty, delay)
            finally:
                self.pacing = False
            return not self.dirty

    def _record_error(self, exc: BaseException) -> None:
        err = StepError.capture(exc, self.net.iteration, self.net)
        with self.cv:
            self.error = err
            self.run = False
            self.dirty = True
            self.cv.notify_all()
        self.log.add(
            err.iteration,
            "error",
            err.behavior_path or err.location,
            source="runner",
            error=f"{type(exc).__name__}: {exc}",
        )
