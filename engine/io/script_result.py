"""What :func:`engine.io.scripts.load_script` returns: the script's networks, requests and output."""

from __future__ import annotations

import os
import types
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.exceptions import ScriptError

if TYPE_CHECKING:
    from engine.io.script_rest import ScriptAnalysis
    from engine.model.network import Network

__all__ = ["SimulationRequest", "UIRequest", "ScriptResult"]


@dataclass
class SimulationRequest:
    """One deferred ``simulate_iterations`` call."""

    network: Network
    iterations: Any
    lineno: int | None = None
    #: the call's other arguments (batch_size, measure_block_time, disable_recording, ...)
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class UIRequest:
    """One ``Network_UI(...)`` / ``.show()`` hand-over."""

    network: Network
    title: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScriptResult:
    """What a script built.

    Attributes
    ----------
    path: absolute path of the script.
    networks: every Network constructed while the script ran, in order.
    namespace: the script's globals after it ran.
    stdout, stderr: text the script printed.
    simulation_requests / requested_iterations: the deferred ``simulate_iterations`` calls.
    ui_requests: ``Network_UI`` hand-overs.
    deferred_error: a ScriptError raised after a deferred simulation (the rest of the script was
        skipped), or None.
    exit_code: the code of a ``sys.exit()`` that ended the script, or None.
    docstring: the script's module docstring.
    analysis: with ``load_script(..., defer_rest=True)``: the rest of the script after its first
        top-level ``simulate_iterations`` call, not run yet (:class:`engine.io.script_rest.ScriptAnalysis`),
        or None.
    analysis_note: with ``defer_rest=True``: why the rest could not be deferred ("" when it was,
        or when there was nothing to defer).
    """

    path: str
    networks: list[Network]
    namespace: dict[str, Any]
    stdout: str = ""
    stderr: str = ""
    simulation_requests: list[SimulationRequest] = field(default_factory=list)
    ui_requests: list[UIRequest] = field(default_factory=list)
    deferred_error: ScriptError | None = None
    exit_code: str | int | None = None
    docstring: str | None = None
    module: types.ModuleType | None = field(default=None, repr=False)
    analysis: ScriptAnalysis | None = field(default=None, repr=False)
    analysis_note: str = ""

    @property
    def network(self) -> Network | None:
        """The network handed to ``Network_UI`` (the last one), else the last network built."""
        if self.ui_requests:
            return self.ui_requests[-1].network
        return self.networks[-1] if self.networks else None

    @property
    def requested_iterations(self) -> list[Any]:
        """Iteration counts of the deferred ``simulate_iterations`` calls, in order."""
        return [r.iterations for r in self.simulation_requests]

    @property
    def title(self) -> str:
        """The ``Network_UI`` title, else the first docstring line (minus ``Title:``), else the file name."""
        for req in reversed(self.ui_requests):
            if req.title:
                return str(req.title)
        first = (self.docstring or "").strip().splitlines()[:1]
        if first and first[0].strip():
            text = first[0].strip()
            return text[6:].strip() if text.lower().startswith("title:") else text
        return os.path.splitext(os.path.basename(self.path))[0]
