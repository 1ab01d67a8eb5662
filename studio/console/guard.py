"""CellGuard: what happens around every console cell.

The in-process IPython kernel runs a cell synchronously on the GUI thread. Around each execution
(IPython's ``pre_execute`` / ``post_execute`` events, which also fire for silent executions) the guard

* holds the runner (``runner.lock``): the worker waits between two iterations until the cell ends,
  so reads are consistent and writes land between iterations. The hold is re-entrant per thread and
  a holder's ``runner.step(n)`` / commands run inline, so ``studio.step(10)`` in a cell cannot
  deadlock against the console's own hold;
* intercepts ``simulate_iterations`` of the live network (``engine.model.network.intercept_simulation``,
  this thread only): it runs as ``studio.advance(n)``: n iterations between two iterations of the
  worker, in chunks with progress, interruptible; a running runner goes on afterwards. Networks built
  in the console itself simulate normally;
* goes busy: the status strip shows the elapsed time, the :class:`~studio.console.interrupt.Ticker`
  keeps the window painting, :class:`~studio.console.interrupt.BusyInputFilter` drops other input;
* interrupts: :meth:`request_interrupt` makes the next safe point raise ``KeyboardInterrupt`` in
  the cell (again at every tick until the cell ends, so ``except Exception`` cannot swallow it).

Limits: code blocked inside one C call (``time.sleep(60)``, one huge numpy operation) is only
interrupted when that call returns; the live pump needs the GUI thread to be the main thread.
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any

from PyQt6.QtCore import QCoreApplication, QObject, pyqtSignal
from PyQt6.QtWidgets import QWidget

from studio.console.api import SOURCE, StudioAPI
from studio.console.interrupt import (
    BusyInputFilter,
    ReturnHook,
    Ticker,
    is_safe_point,
    raise_interrupt,
    show_interrupt,
    user_frame_outside,
)

__all__ = ["CellGuard"]


class CellGuard(QObject):
    """Holds the runner, shows busy, pumps events and interrupts around console cells.

    Parameters
    ----------
    studio: the console's :class:`StudioAPI` (its runner is the one held).
    hold_timeout: seconds to wait for the worker to reach an iteration boundary.
    log_cells: add a note with the cell's first line to the runner's event log.
    """

    busy_changed = pyqtSignal(bool)
    status_changed = pyqtSignal(str)

    def __init__(
        self,
        studio: StudioAPI,
        hold_timeout: float = 10.0,
        log_cells: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.studio = studio
        self.hold_timeout = hold_timeout
        self.log_cells = log_cells
        self.busy = False
        self.cells = 0  #: cells run so far
        self.ticks = 0  #: live pumps from the ticker so far
        self.pumps = 0  #: pumps of any origin so far
        self.retries = 0  #: ticks that landed in library code and waited for the cell's next line
        self.return_hook = ReturnHook(self._on_return)
        self.last_hold_ok: bool | None = None  #: whether the last cell held the runner
        self.input_filter = BusyInputFilter(self)
        self.input_filter.interrupt_requested.connect(self.request_interrupt)
        self.ticker = Ticker(self._on_tick)
        self._interrupt = False
        self._pumping = False
        self._started = 0.0
        self._status = ""
        self._held: Any = None
        self._exits = contextlib.ExitStack()
        self._shell: Any = None

    @property
    def allowed(self) -> list[QWidget]:
        """Widgets that keep accepting input while a cell runs (the Interrupt button)."""
        return self.input_filter.allowed

    # ------------------------------------------------------------------------------ shell events
    def attach(self, shell: Any) -> None:
        """Register the guard with an IPython shell."""
        self._shell = shell
        shell.events.register("pre_execute", self.begin)
        shell.events.register("post_execute", self.end)
        shell.events.register("pre_run_cell", self._log_cell)
        shell.set_custom_exc((KeyboardInterrupt,), show_interrupt)

    def detach(self) -> None:
        """Unregister from the shell (the kernel is shutting down) and end a cell in progress."""
        shell, self._shell = self._shell, None
        if shell is not None:
            for name, fn in (
                ("pre_execute", self.begin),
                ("post_execute", self.end),
                ("pre_run_cell", self._log_cell),
            ):
                with contextlib.suppress(ValueError):
                    shell.events.unregister(name, fn)
        self.end()

    def _log_cell(self, info: Any) -> None:
        runner = self.studio._runner
        if not self.log_cells or runner is None:
            return
        lines = [ln.strip() for ln in str(getattr(info, "raw_cell", "") or "").splitlines() if ln.strip()]
        if lines:
            more = " …" if len(lines) > 1 or len(lines[0]) > 100 else ""
            runner.note(f"cell: {lines[0][:100]}{more}", source=SOURCE)

    def begin(self) -> None:
        """Before a cell: hold the runner, intercept simulate_iterations, go busy."""
        if self.busy:
            return
        self.busy = True
        self.cells += 1
        self._interrupt = False
        self._started = time.perf_counter()
        runner = self.studio._runner
        self._held, self.last_hold_ok = None, None
        if runner is not None and runner.state != "stopped":
            self.last_hold_ok = bool(runner.lock.acquire(timeout=self.hold_timeout))
            if self.last_hold_ok:
                self._held = runner
            else:
                sys.stderr.write(
                    f"mnn-studio: the runner did not reach an iteration boundary within "
                    f"{self.hold_timeout:g} s; this cell runs while it keeps stepping.\n"
                )
        from engine.model.network import intercept_simulation

        self._exits.enter_context(intercept_simulation(self._simulate))
        self.studio.pump = self.pump
        self.input_filter.install()
        self.ticker.start()
        self._set_status("busy: running a cell, the simulation waits (Interrupt or Ctrl+C to stop)")
        self.busy_changed.emit(True)

    def end(self, *_: Any) -> None:
        """After a cell (also after an error or an interrupt): undo :meth:`begin`."""
        if not self.busy:
            return
        self.return_hook.disarm()
        self.ticker.stop()
        self.input_filter.remove()
        self.studio.pump = None
        self._exits.close()
        held, self._held = self._held, None
        if held is not None:
            with contextlib.suppress(RuntimeError):
                held.lock.release()
        self._interrupt = False
        self.busy = False
        self._set_status("")
        self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Stop everything the guard started (idempotent)."""
        self.detach()
        self.ticker.stop()
        self.input_filter.remove()

    # ------------------------------------------------------------------------------ simulate_iterations
    def _simulate(self, net: Any, iterations: Any, **options: Any) -> Any:
        from engine.model.network import intercept_simulation

        runner = self.studio._runner
        if runner is not None and net is runner.net:
            self.studio.advance(iterations, "net.simulate_iterations", keep_running=True)
            return None
        with intercept_simulation(None):  # a network built in the console: run it normally
            return net.simulate_iterations(iterations, **options)

    # ------------------------------------------------------------------------------ busy / pump
    def request_interrupt(self) -> None:
        """Interrupt the running cell at its next safe point (no-op when idle)."""
        if self.busy:
            self._interrupt = True
            self._set_status("interrupting…")

    @property
    def elapsed(self) -> float:
        """Seconds the current cell has been running (0 when idle)."""
        return time.perf_counter() - self._started if self.busy else 0.0

    def pump(self, text: str | None = None) -> None:
        """A safe point inside a cell: show progress, process events, raise if interrupted."""
        __tracebackhide__ = True  # noqa: F841 - IPython hides this frame in the traceback
        if not self.busy or self._pumping:
            return
        self._pumping = True
        self.pumps += 1
        try:
            self._set_status(
                f"busy: {text} (Interrupt or Ctrl+C to stop)"
                if text and not self._interrupt
                else self._status
            )
            QCoreApplication.processEvents()
        finally:
            self._pumping = False
        if self._interrupt:
            raise_interrupt()

    def _on_tick(self, frame: Any) -> None:
        __tracebackhide__ = True  # noqa: F841
        if not self.busy or self._pumping:
            return
        if is_safe_point(frame):
            self.ticks += 1
            self.pump()
        else:  # inside numpy called by the cell: pump once control is back in the cell
            user = user_frame_outside(frame)
            if user is not None and self.return_hook.arm(user):
                self.retries += 1

    def _on_return(self) -> None:
        __tracebackhide__ = True  # noqa: F841
        if self.busy and not self._pumping:
            self.ticks += 1
            self.pump()

    def _set_status(self, text: str) -> None:
        self._status = text
        if text and self.busy:
            text = f"{text}   {self.elapsed:.1f} s"
        self.status_changed.emit(text)
