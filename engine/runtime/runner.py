"""The Runner: steps a Network in a worker thread, applies commands between iterations, fills live
buffers for viewers, captures errors. Plain ``threading``; no Qt.

Typical use::

    runner = Runner(net)
    trace = runner.watch('my_neurons.voltage', neurons=[0, 1, 2])
    runner.start()                                   # runs until pause()/stop()
    runner.set_value('my_neurons.Basic_Behavior.threshold', 0.6, source='panel')
    times, values = trace.read()                     # from any thread
    with runner.hold():                              # the worker waits between two iterations
        print(net.my_neurons.voltage.mean())
    runner.pause(); runner.step(5); runner.stop()

The GIL: a worker that steps many small numpy calls holds the GIL nearly all the time; a GUI
thread, which needs the GIL again for every Qt-to-Python call, then waits the interpreter's switch
interval (5 ms) each time and freezes. While it steps, the runner therefore lowers the switch
interval to ``switch_interval`` (default 0.25 ms; restored when no runner steps): a thread waiting
for the GIL gets it within 0.25 ms, and nothing changes while no other thread wants it. Measured
(tests/bench/bench_runner.py) beside a GIL-bound 1 ms/step network, a thread that needs the GIL 20
times per turn got 9 turns/s with no hand-over, 12-21 with a zero sleep every 10 or 5 ms of stepping,
and about 100 with the lower switch interval. The zero sleep is still available
(``yield_interval``; off by default: it costs ~80 us per call for little effect).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from engine.runtime.commands import CallCommand, Event, SetEnabledCommand, SetValueCommand
from engine.runtime.limits import check_iterations
from engine.runtime.tag_paths import resolve_behaviors, resolve_path
from engine.runtime.value_edits import prepare_value
from engine.runtime.watches import Watch
from engine.runtime.worker import RunnerStats, RunProgress, StepError, _Core

if TYPE_CHECKING:
    from engine.io.state import LoadReport, SaveReport
    from engine.model.network import Network

__all__ = ["Runner", "StepError", "RunProgress", "RunnerStats", "Event", "Watch"]


class HoldLock:
    """Lock-like view of :meth:`Runner.hold`: ``acquire()`` returns once the worker waits between two
    iterations and keeps it waiting until ``release()``. Re-entrant per thread; a no-op on the worker."""

    def __init__(self, core: _Core) -> None:
        self._core = core

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Hold the worker between iterations. Returns False if it could not within ``timeout``."""
        t = None if (blocking and timeout < 0) else (timeout if blocking else 0.0)
        return self._core.hold_enter(t)

    def release(self) -> None:
        """Let the worker continue (after the matching :meth:`acquire`)."""
        self._core.hold_exit()

    def locked(self) -> bool:
        """Whether any thread holds the worker."""
        return self._core.holds > 0

    def __enter__(self) -> HoldLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class Runner:
    """Owns one worker thread that calls ``net.simulate_iteration()``.

    Parameters
    ----------
    net: an initialized Network.
    target_iterations_per_second: optional speed limit (None = as fast as possible).
    yield_interval: seconds of stepping after which the worker also calls ``time.sleep(0)``
        (0 = after every iteration, None = never, the default).
    switch_interval: upper bound for ``sys.getswitchinterval()`` while stepping (None = leave it);
        this is what hands the GIL to other threads (see the module docstring).
    name: thread name.

    The thread is started lazily (by :meth:`start`, :meth:`step`, :meth:`run_for` or a command), is a
    daemon, and is stopped by :meth:`stop`, when the Runner is garbage-collected, or at interpreter exit.
    """

    def __init__(
        self,
        net: Network,
        *,
        target_iterations_per_second: float | None = None,
        yield_interval: float | None = None,
        switch_interval: float | None = 0.00025,
        name: str | None = None,
    ) -> None:
        if not callable(getattr(net, "simulate_iteration", None)):
            raise TypeError(f"Runner needs a Network, got {type(net).__name__}")
        self._c = _Core(net, yield_interval, switch_interval, name or f"mnn-runner-{id(self):x}")
        self.target_iterations_per_second = target_iterations_per_second
        self.lock = HoldLock(self._c)
        self._finalizer = weakref.finalize(self, self._c.shutdown, 5.0)

    # ----------------------------------------------------------------------------------- properties
    @property
    def net(self) -> Network:
        """The network being stepped."""
        return self._c.net

    @property
    def iteration(self) -> int:
        """The network's iteration counter."""
        return self._c.net.iteration

    @property
    def is_running(self) -> bool:
        """True while the worker steps (or is about to): after start()/resume()/run_for(), until a
        pause, an error, the end of a run_for, or stop()."""
        c = self._c
        return c.run and c.error is None and not c.finished and not c.stop_requested

    @property
    def state(self) -> str:
        """``'running'``, ``'paused'``, ``'error'`` or ``'stopped'``."""
        c = self._c
        if c.finished or c.stop_requested:
            return "stopped"
        if c.error is not None:
            return "error"
        return "running" if c.run else "paused"

    @property
    def error(self) -> StepError | None:
        """The error that paused the runner (exception, iteration, traceback), or None."""
        return self._c.error

    @property
    def events(self) -> list[Event]:
        """A copy of the event log (oldest first; the newest 10,000 are kept)."""
        return self._c.log.snapshot()

    def events_since(self, seq: int) -> list[Event]:
        """Events with ``event.seq > seq``."""
        return self._c.log.since(seq)

    @property
    def watches(self) -> list[Watch]:
        """The active watches."""
        return list(self._c.watches)

    @property
    def target_iterations_per_second(self) -> float | None:
        """Speed limit in iterations per second, or None for unthrottled."""
        return self._c.target_ips

    @target_iterations_per_second.setter
    def target_iterations_per_second(self, value: float | None) -> None:
        if value is not None and not value > 0:
            raise ValueError("target_iterations_per_second must be > 0 or None")
        self._c.target_ips = None if value is None else float(value)
        self._c.next_due = 0.0  # the new limit counts from the next iteration
        self._c.wake()

    @property
    def waiting_for_next_iteration(self) -> bool:
        """True while a speed-limited worker waits for its next iteration to be due: it steps nothing
        meanwhile, so a viewer need not :meth:`hold` it (a hold would only delay that iteration)."""
        return self._c.pacing

    @property
    def yield_interval(self) -> float | None:
        """Seconds of stepping between two deliberate GIL hand-overs (None = never)."""
        return self._c.yield_interval

    @yield_interval.setter
    def yield_interval(self, value: float | None) -> None:
        self._c.yield_interval = value
        self._c.wake()

    def stats(self) -> RunnerStats:
        """Iteration, iterations/s over the last second, real-time factor (if ``net.dt``), state."""
        return self._c.stats(self.state)

    @property
    def iterations_per_second(self) -> float:
        """Iterations per second over the last second."""
        return self._c.stats(self.state).iterations_per_second

    @property
    def real_time_factor(self) -> float | None:
        """Simulated seconds per wall-clock second, or None when the network has no ``dt``."""
        return self._c.stats(self.state).real_time_factor

    @property
    def progress(self) -> float | None:
        """Fraction done of the current/last :meth:`run_for` (None if there was none)."""
        p = self._c.progress
        return None if p is None else p.fraction

    # ----------------------------------------------------------------------------------- control
    def start(self) -> Runner:
        """Run without limit until :meth:`pause` (clears a previous error and any run_for budget)."""
        self._c.set_run(budget=None, progress=None)
        return self

    def resume(self) -> Runner:
        """Continue after a pause or an error; a :meth:`run_for` that was interrupted continues too.

        After an error the interrupted iteration is completed first: the behaviors (and recorders)
        after the one that raised run once for it, then the next iteration starts, so recordings
        stay aligned with the iteration counter. :meth:`start`, :meth:`step` and :meth:`run_for`
        do the same. (A plain ``net.simulate_iterations`` lets the exception through and does not.)
        """
        self._c.set_run(keep_budget=True)
        return self

    def pause(self, wait: bool = True, timeout: float | None = 5.0) -> bool:
        """Stop stepping after the current iteration. With ``wait`` returns once the worker waits
        (True) or the timeout passed (False)."""
        return self._c.pause(wait, timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the runner stops stepping (pause, error, end of a run_for, stop). Returns False
        if it still runs after ``timeout`` seconds."""
        return self._c.wait_idle(timeout)

    def step(self, n: int = 1, timeout: float | None = None) -> int:
        """While paused: run exactly ``n`` iterations and return when done.

        Returns the number of iterations run (fewer than ``n`` only if a behavior raised; see
        :attr:`error`). Raises RuntimeError while running, except from a thread that holds the
        runner (:meth:`hold`) or from the worker itself: there the iterations run in the calling thread.
        ``n`` must be a whole number in 0..MAX_ITERATIONS (:mod:`engine.runtime.limits`), else
        :class:`~engine.exceptions.IterationCountError`.
        """
        n = check_iterations(n, "Runner.step(n)", allow_zero=True)
        if self.is_running and not self._c._inline():
            raise RuntimeError("step() needs a paused runner; call pause() first")
        return self._c.step(n, timeout)

    def run_for(self, n: int, callback: Callable[[float, Runner], Any] | None = None) -> RunProgress:
        """Run ``n`` more iterations, then pause. Returns a :class:`RunProgress` (``fraction``,
        ``wait()``, ``cancel()``); ``callback(fraction, runner)`` is called from the worker about
        every 1 % and at the end. ``n`` must be a whole number in 0..MAX_ITERATIONS
        (:mod:`engine.runtime.limits`), else :class:`~engine.exceptions.IterationCountError`."""
        n = check_iterations(n, "Runner.run_for(n)", allow_zero=True)
        ref = weakref.ref(self)
        # ref() is None only once the Runner itself was collected during the run
        cb = None if callback is None else (lambda f: callback(f, ref()))  # type: ignore[arg-type]
        prog = RunProgress(n, cb, self._c)
        self._c.set_run(budget=n, progress=prog)
        return prog

    def cancel_run(self) -> None:
        """Cancel the current :meth:`run_for` (the runner pauses)."""
        self._c.cancel_run()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop and join the worker thread. Idempotent. Returns False if the thread did not end within
        ``timeout`` (a behavior that never returns)."""
        self._finalizer.detach()
        return self._c.shutdown(timeout)

    def clear_error(self) -> None:
        """Forget :attr:`error` without resuming."""
        self._c.error = None

    # ----------------------------------------------------------------------------------- between iterations
    @contextlib.contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[Runner]:
        """Context manager: the body runs between two iterations while the worker waits.

        Commands submitted by the holding thread are applied at once; :meth:`step` runs in the
        calling thread. Raises TimeoutError if the worker did not reach an iteration boundary in time.
        """
        if not self._c.hold_enter(timeout):
            raise TimeoutError("the runner did not reach an iteration boundary in time")
        try:
            yield self
        finally:
            self._c.hold_exit()

    paused_between_iterations = hold

    # ----------------------------------------------------------------------------------- commands
    def set_value(self, path: str, value: Any, source: str = "api") -> Future[Any]:
        """Set an attribute addressed by a tag path between two iterations.

        Validation happens now, in the calling thread: a bad path or a value of the wrong type or
        shape raises :class:`~engine.exceptions.PathError` /
        :class:`~engine.exceptions.InvalidValueError`
        at once and nothing is queued. Value strings such as ``'uniform(0.4,0.6)'`` are evaluated
        through the group's ``vector()`` (synapse group: ``matrix()``) when applied. Returns a Future
        whose result is the new value (large arrays summarised)."""
        plan = prepare_value(resolve_path(self._c.net, path), value)
        return self._c.submit(SetValueCommand(source=source, plan=plan))

    def set_behavior_enabled(self, tag: str, on: bool, source: str = "api") -> Future[Any]:
        """Switch every behavior with this tag (or the one addressed by ``'group.Behavior'``) on or off
        between two iterations. Raises PathError at once if nothing matches."""
        behaviors = resolve_behaviors(self._c.net, tag)
        return self._c.submit(
            SetEnabledCommand(source=source, tag=tag, behaviors=behaviors, enabled=bool(on))
        )

    def call(
        self, fn: Callable[..., Any], *args: Any, source: str = "api", log: bool = True, **kwargs: Any
    ) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` on the engine thread between two iterations; returns a Future."""
        if not callable(fn):
            raise TypeError("call() needs a callable")
        return self._c.submit(CallCommand(source=source, fn=fn, args=args, kwargs=kwargs, log_event=log))

    def note(self, text: str, source: str = "api") -> Event:
        """Add a note to the event log (stamped with the current iteration)."""
        return self._c.log.add(self._c.net.iteration, "note", str(text), source=source)

    def save_state(
        self, path: str, source: str = "api", timeout: float | None = 60.0, **kw: Any
    ) -> SaveReport:
        """:func:`engine.io.state.save_state` between two iterations (logged as a ``'save_state'``
        event); returns its report."""
        from engine.io import state as storage

        return self._logged_call(
            "save_state", path, source, timeout, lambda: storage.save_state(self._c.net, path, **kw)
        )

    def load_state(
        self, path: str, source: str = "api", timeout: float | None = 60.0, **kw: Any
    ) -> LoadReport:
        """:func:`engine.io.state.load_state` between two iterations (logged as a ``'load_state'``
        event); returns its report. On error the network is untouched and the error is raised here."""
        from engine.io import state as storage

        return self._logged_call(
            "load_state", path, source, timeout, lambda: storage.load_state(self._c.net, path, **kw)
        )

    def _logged_call(
        self, kind: str, path: str, source: str, timeout: float | None, fn: Callable[[], Any]
    ) -> Any:
        log, net = self._c.log, self._c.net

        def run() -> Any:
            try:
                result = fn()
            except Exception as exc:
                log.add(net.iteration, kind, str(path), source=source, error=f"{type(exc).__name__}: {exc}")
                raise
            log.add(net.iteration, kind, str(path), None, getattr(result, "iteration", None), source)
            return result

        return self.call(run, source=source, log=False).result(timeout)

    # ----------------------------------------------------------------------------------- watches
    def watch(
        self,
        path: str,
        neurons: Any = None,
        window: int = 2000,
        every: int = 1,
        kind: str | None = None,
        allow_missing: bool = False,
    ) -> Watch:
        """A live window on a variable, filled after each iteration (:class:`engine.runtime.watches.Watch`).

        ``neurons``: index, list, slice or bool mask selecting neurons (None = all). Bool arrays give a
        spike watch of (t, i) events unless ``kind='trace'``. ``allow_missing``: the variable may
        appear later (e.g. ``spike`` is created in the first iteration)."""
        target = resolve_path(self._c.net, path, must_exist=not allow_missing)
        w = Watch(
            target, neurons=neurons, window=window, every=every, kind=kind, on_remove=self._c.remove_watch
        )
        self._c.add_watch(w)
        return w

    def unwatch(self, w: Watch) -> None:
        """Remove a watch (same as ``w.remove()``)."""
        w.remove()

    # ----------------------------------------------------------------------------------- misc
    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<Runner {self.state} iteration={self.iteration}>"
