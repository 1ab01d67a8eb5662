"""The rest of a script: the code after its first ``simulate_iterations``, run once it has run.

``load_script(path, defer_rest=True)`` runs a script up to and including its first top-level
``simulate_iterations`` call (:mod:`engine.io.script_split`) and keeps what follows as a
:class:`ScriptAnalysis`. Call :meth:`ScriptAnalysis.run` after the iterations have run (the studio
does it in the runner, between two iterations): the code runs in the script's own module globals,
in the same environment as the build (:func:`engine.io.script_sandbox.script_environment`), and
the matplotlib figures it draws are collected (:class:`engine.io.script_figures.FigureCapture`).
It can run again (after more iterations), each run with fresh figures.

Headless::

    result = load_script("Izhikevich.py", defer_rest=True)
    result.network.simulate_iterations(result.requested_iterations[0])
    outcome = result.analysis.run()
    outcome.figures[0].savefig("raster.png")
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.exceptions import ScriptError, ScriptExitError
from engine.io.script_errors import convert_error
from engine.io.script_figures import FigureCapture
from engine.io.script_sandbox import Build, script_environment

if TYPE_CHECKING:
    from engine.model.network import Network, SimulationHandler

__all__ = ["ScriptAnalysis", "AnalysisOutcome"]


@dataclass
class AnalysisOutcome:
    """One run of a script's rest.

    Attributes
    ----------
    figures: the matplotlib Figures it showed or left open, in order (pyplot no longer holds them).
    stdout, stderr: what it printed.
    error: the ScriptError that ended it (naming the script's line), or None.
    iteration: the network's iteration when it ran (None without a network).
    run: 1 for the first run, 2 for the next, ...
    """

    figures: list[Any] = field(default_factory=list)
    stdout: str = ""
    stderr: str = ""
    error: ScriptError | None = None
    iteration: int | None = None
    run: int = 0

    @property
    def ok(self) -> bool:
        """Whether it ran to its end."""
        return self.error is None


@dataclass
class ScriptAnalysis:
    """The code after a script's first top-level ``simulate_iterations`` (see the module docstring).

    Attributes
    ----------
    path: the script.
    code: the rest, compiled with the script's file name (tracebacks name the script's lines).
    first_line, last_line: where the rest is in the script.
    module: the script's module; the rest runs in its globals.
    network: the network the script built (its iteration stamps each outcome).
    root, argv, chdir: as the build had them (project root, ``sys.argv[1:]``, working directory).
    runs: how often it ran so far.
    head_figures: figures the build drew and left open (the first run shows them with its own).
    """

    path: str
    code: types.CodeType
    first_line: int
    last_line: int
    module: types.ModuleType = field(repr=False)
    network: Network | None = field(default=None, repr=False)
    root: str | None = None
    argv: list[str] = field(default_factory=list)
    chdir: bool = False
    runs: int = 0
    #: figures the script drew while it was built and left open: the first run takes them too
    head_figures: list[Any] = field(default_factory=list, repr=False)

    @property
    def namespace(self) -> dict[str, Any]:
        """The script's globals."""
        return self.module.__dict__

    @property
    def lines(self) -> str:
        """``'lines 40-52'`` (or ``'line 40'``)."""
        if self.last_line > self.first_line:
            return f"lines {self.first_line}-{self.last_line}"
        return f"line {self.first_line}"

    def run(self, simulate: SimulationHandler | None = None, *, echo: bool = False) -> AnalysisOutcome:
        """Run the rest now, in the calling thread; never raises for the script's own errors.

        ``simulate`` handles the rest's own ``simulate_iterations`` calls (the studio steps its runner
        there); None lets them simulate in the calling thread. An exception of the script (also
        ``KeyboardInterrupt`` and ``sys.exit(n != 0)``) ends the run and is returned as
        ``outcome.error``; figures drawn before it are kept.
        """
        self.runs += 1
        build = Build(self.path)
        capture = FigureCapture(adopt=self.head_figures)
        self.head_figures = []
        failure: BaseException | None = None
        with script_environment(
            build, self.module, self.root, list(self.argv), simulate, echo=echo, chdir=self.chdir
        ):
            with capture:
                try:
                    exec(self.code, self.module.__dict__)
                except SystemExit as exc:
                    if exc.code not in (None, 0):
                        failure = ScriptExitError(
                            f"the script called sys.exit({exc.code!r})", self.path, exception=exc
                        )
                        failure.__traceback__ = exc.__traceback__
                except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - reported in the outcome
                    failure = exc
        error = None
        if failure is not None:
            error = convert_error(failure, self.path, self.root)
        iteration = None if self.network is None else int(self.network.iteration)
        return AnalysisOutcome(capture.figures, build.stdout, build.stderr, error, iteration, self.runs)
