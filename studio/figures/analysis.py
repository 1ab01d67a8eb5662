"""AnalysisRun: the rest of a script runs once the iterations the script asked for have run.

A script loaded into the studio stops at its first top-level ``simulate_iterations(N)`` (the rest is
``loaded.analysis``, an :class:`engine.io.script_rest.ScriptAnalysis`). The studio runs the N
iterations in its runner (live, pausable: the "Run N iterations" offer, Run N, Run or Step); at the
first display tick on which the network has reached them, the rest runs *in the runner's worker,
between two iterations* (``runner.call``), in the script's own globals. The window keeps painting
meanwhile. Its ``simulate_iterations`` calls step the runner there (the views see those iterations).

The outcome comes back at a later tick: :attr:`AnalysisRun.finished` carries it (its figures for the
Figures dock); an error of the script becomes a :class:`~engine.runtime.step_error.StepError` at the
script's line, sent through :attr:`AnalysisRun.failed` (the window shows it in its error dock).
:attr:`AnalysisRun.rerun_action` ("Rerun analysis", Run menu) runs the rest again, now.

Nothing here touches a widget from the worker, and no signal is emitted per iteration.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtGui import QAction

from engine.exceptions import ScriptRuntimeError
from engine.io.script_rest import AnalysisOutcome
from engine.runtime.step_error import StepError
from studio.core.runner_bridge import SimBridge

__all__ = ["AnalysisRun", "outcome_error"]

#: ``StepError.behavior_path`` of an error raised by the rest of a script.
WHERE = "the rest of the script"


def outcome_error(outcome: AnalysisOutcome) -> StepError | None:
    """The error dock's view of ``outcome.error`` (None when the rest ran to its end)."""
    err = outcome.error
    if err is None:
        return None
    return StepError(
        exception=err.exception or err,
        iteration=int(outcome.iteration or 0),
        traceback=err.traceback or str(err),
        filename=err.path or None,
        lineno=err.lineno,
        function="<module>",
        behavior_path=WHERE,
    )


class AnalysisRun(QObject):
    """Runs ``loaded.analysis`` of the current script in the bridge's runner (see the module docstring).

    Signals
    -------
    started: the rest was handed to the runner.
    finished(object): an :class:`~engine.io.script_rest.AnalysisOutcome` (figures, output, error).
    failed(object): the :class:`StepError` of a run that raised.
    succeeded: a run ended without error.
    changed: what is armed (script, target, note) changed.
    """

    started = pyqtSignal()
    finished = pyqtSignal(object)
    failed = pyqtSignal(object)
    succeeded = pyqtSignal()
    changed = pyqtSignal()

    def __init__(self, bridge: SimBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.analysis: Any = None  #: the ScriptAnalysis of the current script, or None
        self.note = ""  #: why the current script's rest could not wait (from the loader)
        self.target: int | None = None  #: iteration at which the rest runs by itself
        self.pending = False  #: whether it still runs by itself when the target is reached
        self.outcome: AnalysisOutcome | None = None  #: the last outcome
        self._future: Future[Any] | None = None
        self.rerun_action = QAction("Rerun analysis", self)
        self.rerun_action.setToolTip("Run the rest of the script (after its simulate_iterations) again, now")
        self.rerun_action.setEnabled(False)
        self.rerun_action.triggered.connect(self.rerun)
        bridge.tick.connect(self._on_tick)
        bridge.network_changed.connect(lambda _net: self.forget())

    # ------------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        """Whether a run was handed to the runner and has not come back yet."""
        return self._future is not None

    @property
    def script_name(self) -> str:
        """File name of the script whose rest is armed ("" when none)."""
        return os.path.basename(self.analysis.path) if self.analysis is not None else ""

    def set_loaded(self, loaded: Any) -> None:
        """Arm the rest of ``loaded`` (a LoadedNetwork): it runs once its requested iterations ran."""
        self.forget()
        self.analysis = getattr(loaded, "analysis", None)
        self.note = str(getattr(loaded, "analysis_note", "") or "")
        requested = getattr(loaded, "requested_iterations", None) or 0
        if self.analysis is not None:
            self.target = self.bridge.iteration + int(requested)
            self.pending = True
        self.rerun_action.setEnabled(self.analysis is not None)
        self.changed.emit()

    def forget(self) -> None:
        """Disarm (a new network); a run in flight is dropped."""
        self.analysis, self.note, self.target, self.pending = None, "", None, False
        self._future, self.outcome = None, None
        self.rerun_action.setEnabled(False)

    # ------------------------------------------------------------------ running
    def rerun(self) -> bool:
        """Run the rest again now (between two iterations). False when there is none or one runs."""
        return self.start()

    def start(self) -> bool:
        """Hand the rest to the runner (it runs between two iterations). False when it cannot."""
        runner = self.bridge.runner
        if self.analysis is None or runner is None or self._future is not None:
            return False
        self.pending = False

        def simulate(net: Any, iterations: Any, **options: Any) -> Any:
            """The rest's own simulate_iterations: the runner steps (inline, on its worker)."""
            if net is runner.net:
                return runner.step(iterations)
            from engine.model.network import intercept_simulation

            with intercept_simulation(None):  # another network of the script: it simulates itself
                return net.simulate_iterations(iterations, **options)

        self._future = runner.call(self.analysis.run, simulate, source="script", log=False)
        self.rerun_action.setEnabled(False)
        self.started.emit()
        return True

    def _on_tick(self) -> None:
        future = self._future
        if future is not None:
            if future.done():
                self._collect(future)
            return
        if self.pending and self.target is not None and self.bridge.runner is not None:
            if self.bridge.iteration >= self.target:
                self.start()

    def _collect(self, future: Future[Any]) -> None:
        self._future = None
        try:
            outcome = future.result()
        except BaseException as exc:  # noqa: BLE001 - the runner could not run it (stopped, ...)
            path = self.analysis.path if self.analysis is not None else ""
            error = ScriptRuntimeError(
                f"the rest of the script did not run: {type(exc).__name__}: {exc}", path
            )
            outcome = AnalysisOutcome(error=error, iteration=self.bridge.iteration)
        self.outcome = outcome
        self.rerun_action.setEnabled(self.analysis is not None)
        runner = self.bridge.runner
        if runner is not None and self.analysis is not None:
            what = "raised" if outcome.error is not None else f"ran: {len(outcome.figures)} figure(s)"
            runner.note(
                f"{self.script_name}, {self.analysis.lines} (the rest of the script) {what}", "script"
            )
        self.finished.emit(outcome)
        err = outcome_error(outcome)
        if err is not None:
            self.failed.emit(err)
        else:
            self.succeeded.emit()
