"""The ``studio`` object of the embedded console: run control and logged writes on the live network.

Qt-free on purpose: :class:`StudioAPI` talks to an ``engine.Runner`` and to callables injected by
the main window (load a script, the selected group / neuron), so it is testable without a window.

Every write made through ``studio`` goes through the runner (``set_value``, ``call``, ``note``, ...)
with ``source='console'``, so it lands between two iterations and the event log records it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from engine.runtime.limits import check_iterations

__all__ = ["StudioAPI", "StepFailed", "EventList", "SOURCE"]

#: ``source`` recorded in the runner's event log for everything the console does.
SOURCE = "console"
_CHUNK_TARGET_S = 0.03  # studio.step()/simulate_iterations run in chunks of about this long
_MAX_CHUNK = 1 << 16

Pump = Callable[[str], None]


class StepFailed(RuntimeError):
    """A behavior raised while the console advanced the network (the runner keeps the error)."""


class StudioAPI:
    """Console helpers bound to the live network (``studio`` in the console).

    Parameters
    ----------
    runner: the ``engine.Runner`` stepping the network (None until a network is bound).
    load: ``load(path)`` of the window (opens another script; the window then re-binds the console).
    selected_group, selected_neuron: callables returning the window's current selection.
    """

    def __init__(
        self,
        runner: Any = None,
        *,
        load: Callable[[str], Any] | None = None,
        selected_group: Callable[[], Any] | None = None,
        selected_neuron: Callable[[], int] | None = None,
    ) -> None:
        self._runner = runner
        self._load = load
        self._selected_group = selected_group
        self._selected_neuron = selected_neuron
        #: Set by the console while a cell runs: called between chunks of step()/simulate_iterations
        #: with a progress text; it keeps the window painting and may raise KeyboardInterrupt.
        self.pump: Pump | None = None
        #: Set by the console: re-pushes net, the groups, np and studio into the namespace.
        self.restore_names: Callable[[], list[str]] = lambda: []

    # ------------------------------------------------------------------------------ binding
    def bind(self, runner: Any) -> None:
        """Follow another runner (another network was loaded); None unbinds."""
        self._runner = runner

    @property
    def runner(self) -> Any:
        """The ``engine.Runner`` of the live network."""
        if self._runner is None:
            raise RuntimeError("no network is loaded")
        return self._runner

    @property
    def net(self) -> Any:
        """The live Network (also after the console's ``net`` name was deleted or rebound)."""
        return self.runner.net

    @property
    def iteration(self) -> int:
        """The network's iteration counter."""
        return int(self.runner.iteration)

    @property
    def state(self) -> str:
        """``'running'``, ``'paused'``, ``'error'`` or ``'stopped'``."""
        return str(self.runner.state)

    @property
    def group(self) -> Any:
        """The neuron group selected in the window (None without a window)."""
        return self._selected_group() if self._selected_group is not None else None

    @property
    def neuron(self) -> int | None:
        """Index of the neuron selected in the window (None without a window)."""
        return int(self._selected_neuron()) if self._selected_neuron is not None else None

    # ------------------------------------------------------------------------------ run control
    def run(self) -> None:
        """Run without limit (from a cell: the worker starts once the cell has finished)."""
        self.runner.resume()

    def pause(self) -> None:
        """Pause after the current iteration."""
        self.runner.pause()

    def step(self, n: int = 1) -> int:
        """Advance exactly ``n`` iterations now and stay paused; returns ``n``.

        A running network is paused first. Raises :class:`StepFailed` if a behavior raised, and
        :class:`~engine.exceptions.IterationCountError` for a count that is not a whole number in
        0..MAX_ITERATIONS (:mod:`engine.runtime.limits`).
        """
        n = check_iterations(n, "studio.step(n)", allow_zero=True)
        return self.advance(n, f"studio.step({n})", keep_running=False)

    def run_for(self, n: int) -> Any:
        """Run ``n`` more iterations in the worker, then pause; returns the ``RunProgress``.

        From a cell the run starts when the cell has finished (the worker waits while a cell runs),
        so its ``wait()`` raises there instead of waiting forever. ``n``: as for :meth:`step`.
        """
        progress = self.runner.run_for(check_iterations(n, "studio.run_for(n)", allow_zero=True))
        return progress if self.pump is None else _InCellProgress(progress)

    def advance(self, n: Any, label: str, keep_running: bool = True) -> int:
        """Run ``n`` iterations in the calling thread's turn (inline while a cell holds the runner).

        Used by :meth:`step` and by ``net.simulate_iterations(n)`` typed in the console. Runs in
        chunks of about 30 ms; between chunks :attr:`pump` shows the progress and can interrupt.
        ``keep_running``: a runner that was running continues afterwards (else it stays paused).
        """
        n = check_iterations(n, label, allow_zero=True)
        runner = self.runner
        was_running = bool(runner.is_running)
        if was_running:
            runner.pause()
        runner.note(f"{label}: {n} iterations from iteration {runner.iteration}", source=SOURCE)
        done, chunk = 0, 1
        try:
            while done < n:
                k = min(chunk, n - done)
                t0 = time.perf_counter()
                got = int(runner.step(k))
                done += got
                if got < k or runner.error is not None:
                    raise StepFailed(f"{label} stopped after {done} of {n} iterations: {runner.error}")
                spent = time.perf_counter() - t0
                if spent < _CHUNK_TARGET_S and chunk < _MAX_CHUNK:
                    chunk *= 2
                elif spent > 3 * _CHUNK_TARGET_S and chunk > 1:
                    chunk //= 2
                if self.pump is not None and done < n:
                    self.pump(f"{label}: {done}/{n}")
        finally:
            if was_running and keep_running and runner.error is None:
                runner.resume()
        return done

    # ------------------------------------------------------------------------------ writes
    def set(self, path: str, value: Any, timeout: float | None = 10.0) -> Any:
        """Set a value by tag path between two iterations, e.g.
        ``studio.set('my_neurons.Basic_Behavior.threshold', 0.6)``; recorded in the event log."""
        return self.runner.set_value(path, value, source=SOURCE).result(timeout)

    def enable(self, tag: str, on: bool = True, timeout: float | None = 10.0) -> Any:
        """Switch behaviors on/off by tag (``'Input_Behavior'`` or ``'my_neurons.Input_Behavior'``)."""
        return self.runner.set_behavior_enabled(tag, on, source=SOURCE).result(timeout)

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = 60.0, **kwargs: Any) -> Any:
        """Run ``fn(*args, **kwargs)`` between two iterations (logged); returns its result."""
        return self.runner.call(fn, *args, source=SOURCE, **kwargs).result(timeout)

    def note(self, text: str) -> Any:
        """Add a note to the event log."""
        return self.runner.note(text, source=SOURCE)

    def events(self, last: int = 10) -> EventList:
        """The newest ``last`` events of the runner's log (a list that prints as a table)."""
        return EventList(self.runner.events[-int(last) :] if last else [])

    # ------------------------------------------------------------------------------ files
    def load(self, path: str) -> Any:
        """Open another script in the window (the console is re-bound to its network)."""
        if self._load is None:
            raise RuntimeError("load() needs the studio window (no loader was given to the console)")
        return self._load(str(path))

    def save_state(self, path: str) -> Any:
        """Save the network's state (``engine.io.state.save_state``) between two iterations."""
        return self.runner.save_state(str(path), source=SOURCE)

    def load_state(self, path: str, **kwargs: Any) -> Any:
        """Load a saved state into the live network between two iterations; returns the report."""
        return self.runner.load_state(str(path), source=SOURCE, **kwargs)

    def export(self, path: str, fmt: str | None = None) -> Any:
        """Export the recordings (``engine.io.export.export_recordings``); returns the files written."""
        from engine.io import export as exporting

        return self.call(exporting.export_recordings, self.net, str(path), fmt)

    # ------------------------------------------------------------------------------ misc
    def restore(self) -> list[str]:
        """Re-bind ``net``, the groups, ``np`` and ``studio`` (after a cell deleted or replaced them)."""
        return self.restore_names()

    def __repr__(self) -> str:
        if self._runner is None:
            return "<studio: no network loaded>"
        r = self._runner
        return (
            f"<studio: {r.state} at iteration {r.iteration}; run() pause() step(n) run_for(n) "
            f"set(path, v) enable(tag, on) save_state(p) load_state(p) export(p) load(p) restore()>"
        )


class _InCellProgress:
    """The ``RunProgress`` of a run requested inside a cell; ``wait()`` would deadlock there."""

    def __init__(self, progress: Any) -> None:
        self._progress = progress

    def wait(self, timeout: float | None = None) -> bool:
        """Refused: the run starts only when the cell has finished."""
        raise RuntimeError(
            "run_for(n).wait() cannot work inside a console cell: the run starts when the "
            "cell has finished (the simulation waits while a cell runs). To run now, use "
            "studio.step(n) or net.simulate_iterations(n)."
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._progress, name)

    def __repr__(self) -> str:
        return f"{self._progress!r} (starts when this cell has finished)"


class EventList(list):
    """A list of runner events that prints as a small table in the console."""

    def __repr__(self) -> str:
        if not self:
            return "(no events)"
        rows = [f"{'iteration':>9}  {'kind':<10} {'source':<8} what"]
        for e in self:
            what = str(e.path)
            if e.kind in ("set_value", "enabled", "load_state"):
                what += f": {e.old!r} -> {e.new!r}"
            if e.error:
                what += f"  FAILED: {e.error}"
            rows.append(f"{e.iteration:>9}  {e.kind:<10} {e.source:<8} {what}")
        return "\n".join(rows)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))
