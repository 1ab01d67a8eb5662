"""SimBridge: adapts an ``engine.Runner`` to Qt.

The runner steps the network in its own thread and fills bounded live buffers (watches). The
bridge never receives a signal per iteration: a QTimer in the GUI thread ticks at display rate
(<= 60 Hz), reads the runner's counters, notices errors and the end of a fast-forward, and emits
``frame`` once per tick; every view then pulls the newest window from its watch handles.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from engine.runtime.limits import check_iterations
from engine.runtime.watches import WatchView
from studio.core.frame_pacer import FramePacer


class SimBridge(QObject):
    """Owns the runner of the current network and the display timer.

    Display budget (see :mod:`studio.core.frame_pacer`): at max speed the views redraw only as often
    as ``budget`` of the GUI thread allows; the timer keeps ticking at ``fps``.

    Signals
    -------
    tick: every timer tick (cheap listeners: the status bar).
    frame: once per redraw (every tick, or fewer within the display budget); views pull then.
    state_changed: running / paused / fast-forward / error state changed.
    error_raised(object): the runner paused on an exception (an ``engine.runtime.runner.StepError``).
    run_progress(int, int): iterations done and total of the current fast-forward.
    run_finished(bool): a fast-forward ended; True when it reached its target.
    network_changed(object): a new network (and runner) is in place; views re-create watches.
    """

    tick = pyqtSignal()
    frame = pyqtSignal()
    state_changed = pyqtSignal()
    error_raised = pyqtSignal(object)
    run_progress = pyqtSignal(int, int)
    run_finished = pyqtSignal(bool)
    network_changed = pyqtSignal(object)

    def __init__(
        self,
        fps: float = 30.0,
        parent: QObject | None = None,
        runner_factory: Callable[[Any], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner: Any = None
        self._network: Any = None
        self._runner_factory = runner_factory
        self._handles: list[Any] = []
        self._shared: dict[tuple, list[Any]] = {}  # (path, kind, every, allow_missing) -> watches
        self._viewers: dict[int, int] = {}  # id(shared watch) -> views on it
        self._last_error: Any = None
        self._progress: Any = None  # RunProgress of the current fast-forward
        self._state = ""
        self.frames = 0  #: view timer ticks so far (tests measure fps with it)
        self.redraws = 0  #: ticks on which the views redrew
        self.pacer = FramePacer()
        self.last_iteration = -1  #: iteration seen at the previous tick
        self.iteration_changed = True  #: whether the iteration moved since the previous tick
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.set_fps(fps)

    # ----------------------------------------------------------------- network / runner
    @property
    def runner(self) -> Any:
        """The current ``engine.Runner`` (None before a network is set)."""
        return self._runner

    @property
    def network(self) -> Any:
        """The network the runner steps."""
        return self._network

    def set_network(self, net: Any) -> None:
        """Stop the previous runner, create a paused runner on ``net`` and tell the views."""
        self._stop_runner()
        self._network = net
        if net is not None:
            factory = self._runner_factory
            if factory is None:
                from engine.runtime.runner import Runner

                factory = Runner
            self._runner = factory(net)
        self._last_error = None
        self._progress = None
        self.last_iteration = -1
        self.network_changed.emit(net)
        self._emit_state(force=True)
        if not self._timer.isActive():
            self._timer.start()

    def _stop_runner(self) -> None:
        for handle in list(self._handles):
            handle.remove()
        self._handles.clear()
        self._shared.clear()
        self._viewers.clear()
        if self._runner is not None:
            self._runner.stop()
        self._runner = None
        self._progress = None

    def shutdown(self) -> None:
        """Stop the timer and the runner (joins its thread). Safe to call twice."""
        self._timer.stop()
        self._stop_runner()

    def set_fps(self, fps: float) -> None:
        """Display rate of the view timer, clamped to 1..60 Hz."""
        self._timer.setInterval(int(round(1000.0 / min(60.0, max(1.0, float(fps))))))

    @property
    def budget(self) -> float:
        """Share of the GUI thread the views may use while the engine runs at max speed."""
        return self.pacer.budget

    @budget.setter
    def budget(self, value: float) -> None:
        self.pacer.budget = float(value)

    @property
    def fps(self) -> float:
        """Configured display rate (ticks per second)."""
        return 1000.0 / max(1, self._timer.interval())

    # ----------------------------------------------------------------- watches / calls
    def watch(self, path: str, **kwargs: Any) -> Any:
        """``runner.watch(path, allow_missing=True, **kwargs)``; removed when the network changes.

        Views that watch a whole group's variable (no neuron selection) share one runner watch: each
        gets a :class:`~engine.runtime.watches.WatchView` with its own window on the shared ring, so
        the worker copies each sample once however many views show it (the raster, the ISI and
        spectrum views and the graph all watch ``spike``)."""
        if self._runner is None:
            return None
        kwargs.setdefault("allow_missing", True)
        if kwargs.get("neurons") is not None:
            handle = self._runner.watch(path, **kwargs)
            self._handles.append(handle)
            return handle
        window = int(kwargs.get("window", 2000))
        key = (path, kwargs.get("kind"), int(kwargs.get("every", 1)), bool(kwargs["allow_missing"]))
        shared = [w for w in self._shared.get(key, ()) if w.window >= window and not w.removed]
        base = min(shared, key=lambda w: w.window) if shared else None
        if base is None:
            base = self._runner.watch(path, **kwargs)
            self._shared.setdefault(key, []).append(base)
            self._viewers[id(base)] = 0
        self._viewers[id(base)] += 1
        view = WatchView(base, window, on_remove=self._view_removed)
        self._handles.append(view)
        return view

    def _view_removed(self, view: WatchView) -> None:
        """The last view of a shared watch is gone: the runner stops filling it."""
        base = view.watch
        left = self._viewers.get(id(base))
        if left is None:  # a view of an earlier runner's watch (already stopped)
            return
        self._viewers[id(base)] = left - 1
        if left <= 1:
            del self._viewers[id(base)]
            for bases in self._shared.values():
                if base in bases:
                    bases.remove(base)
            base.remove()

    @property
    def runner_watches(self) -> int:
        """How many watches the runner fills for the views (shared ones counted once)."""
        return len(self._runner.watches) if self._runner is not None else 0

    def release(self, handle: Any) -> None:
        """Give a watch back (no-op for None or a handle of an older runner)."""
        if handle is None:
            return
        try:
            self._handles.remove(handle)
        except ValueError:
            return
        handle.remove()

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the engine thread between two iterations; returns a Future (or None)."""
        if self._runner is None:
            return None
        return self._runner.call(fn, source="studio", log=False)

    # ----------------------------------------------------------------- state
    @property
    def iteration(self) -> int:
        """The network's iteration counter."""
        if self._runner is None:
            return 0 if self._network is None else int(self._network.iteration)
        return int(self._runner.iteration)

    @property
    def is_running(self) -> bool:
        """True while the worker steps (free run or fast-forward)."""
        return bool(self._runner is not None and self._runner.is_running)

    @property
    def state(self) -> str:
        """'running', 'fast-forward', 'paused', 'error', 'stopped' or 'empty'."""
        if self._runner is None:
            return "empty"
        state = self._runner.state
        if state == "running" and self._progress is not None and not self._progress.finished:
            return "fast-forward"
        return state

    @property
    def fast_forward(self) -> tuple[int, int] | None:
        """(done, total) of the current fast-forward, or None."""
        p = self._progress
        if p is None or p.finished:
            return None
        return (p.iterations_done, p.total)

    @property
    def error(self) -> Any:
        """The runner's current error (``StepError``), or None."""
        return None if self._runner is None else self._runner.error

    def stats(self) -> Any:
        """The runner's ``RunnerStats`` (iteration, iterations_per_second, real_time_factor, ...)."""
        return None if self._runner is None else self._runner.stats()

    # ----------------------------------------------------------------- commands
    def run(self) -> None:
        """Run (or continue after a pause or an error; an interrupted fast-forward continues)."""
        if self._runner is None or self._runner.is_running:
            return
        self._runner.resume()
        self._emit_state()

    def pause(self) -> None:
        """Pause after the current iteration; a fast-forward is cancelled."""
        if self._runner is None:
            return
        if self._progress is not None and not self._progress.finished:
            self.cancel_run()
            return
        self._runner.pause()
        self._emit_state()

    def toggle_run(self) -> None:
        """Run when paused, pause when running."""
        self.pause() if self.is_running else self.run()

    def step(self, n: int = 1) -> int:
        """Advance exactly ``n`` iterations (pausing first) and refresh the views at once.
        ``n``: a whole number in 1..MAX_ITERATIONS, else :class:`~engine.exceptions.IterationCountError`."""
        n = check_iterations(n, "Step")
        if self._runner is None:
            return 0
        if self._runner.is_running:
            self.pause()
        done = self._runner.step(n)
        self.refresh_now()
        return done

    def run_for(self, n: int) -> None:
        """Fast-forward ``n`` iterations in the worker; progress comes through ``run_progress``.
        ``n``: a whole number in 1..MAX_ITERATIONS, else :class:`~engine.exceptions.IterationCountError`
        (nothing starts)."""
        n = check_iterations(n, "Run N")
        if self._runner is None:
            return
        self._progress = self._runner.run_for(n)
        self.run_progress.emit(0, n)
        self._emit_state()

    def cancel_run(self) -> None:
        """Stop a fast-forward where it is (the network keeps its state) and pause."""
        if self._runner is None:
            return
        self._runner.cancel_run()
        self._runner.pause()
        self._finish_progress()
        self._emit_state()

    def set_target_rate(self, rate: float | None) -> None:
        """Target iterations/s (None = as fast as possible)."""
        if self._runner is not None:
            self._runner.target_iterations_per_second = rate

    # ----------------------------------------------------------------- timer
    def refresh_now(self) -> None:
        """One tick now, with a redraw whatever the display budget (after a step, for screenshots)."""
        self._tick(force=True)

    def _finish_progress(self) -> None:
        p, self._progress = self._progress, None
        if p is not None:
            self.run_progress.emit(p.iterations_done, p.total)
            self.run_finished.emit(bool(p.finished and not p.cancelled and p.iterations_done >= p.total))

    def _emit_state(self, force: bool = False) -> None:
        state = self.state
        if force or state != self._state:
            self._state = state
            self.state_changed.emit()

    def _tick(self, force: bool = False) -> None:
        runner = self._runner
        if runner is not None:
            err = runner.error
            if err is not None and err is not self._last_error:
                self._last_error = err
                self.error_raised.emit(err)
            elif err is None:
                self._last_error = None
            p = self._progress
            if p is not None:
                if p.finished or err is not None:
                    if p.finished:
                        self._finish_progress()
                    else:
                        self.run_progress.emit(p.iterations_done, p.total)
                else:
                    self.run_progress.emit(p.iterations_done, p.total)
            self._emit_state()
        self.frames += 1
        self.tick.emit()
        self.pacer.charge()
        now = time.perf_counter()
        if not (force or self.pacer.allows(runner, now)):
            return
        self.pacer.start(now)
        iteration = self.iteration
        self.iteration_changed = iteration != self.last_iteration
        self.last_iteration = iteration
        self.redraws += 1
        held = self.pacer.hold(runner)
        try:
            self.frame.emit()
            if held:  # paint now, while the worker waits: no GIL ping-pong during the paint
                QCoreApplication.sendPostedEvents()
        finally:
            if held:
                runner.lock.release()
