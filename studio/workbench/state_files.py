"""File → Save state / Save state as… / Load state…: through the runner, between two iterations.

The runner's own checks and atomic write do the work (:meth:`engine.Runner.save_state` /
:meth:`~engine.Runner.load_state`); this module picks the paths, explains failures in a dialog and
offers a partial load when the file was saved from a network of another structure.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from studio import dialogs
from studio.workbench import prompts

SOURCE = "menu"  #: the event-log source of state files saved or loaded from the menu


class StateFiles:
    """Saves and loads the state of ``window.bridge.runner``; remembers the last state path."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.path: str | None = None  #: the file Save state writes (None: ask first)

    # ------------------------------------------------------------------ paths
    def suggested_path(self) -> str:
        """The last state file, else ``<script>.state.npz`` next to the script (or in the cwd)."""
        if self.path:
            return self.path
        loaded = getattr(self.window, "loaded", None)
        script = getattr(loaded, "script", None)
        if script is not None:
            return str(Path(script).with_suffix(".state.npz"))
        return str(Path.cwd() / "network.state.npz")

    def _runner(self) -> Any:
        runner = self.window.bridge.runner
        if runner is None:
            dialogs.warn(
                self.window, "No network", "Open a script first: there is no network to save or load."
            )
        return runner

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        """Save state (Ctrl+S): to the last path, or ask for one."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """Save state as…: ask for a path, then save."""
        if self._runner() is None:
            return False
        answer = prompts.ask_save_path(
            self.window, "Save network state", self.suggested_path(), prompts.STATE_FILTER
        )
        if answer is None:
            return False
        path = answer[0]
        if not path.lower().endswith(".npz"):
            path += ".npz"  # state files are .npz archives
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save the state to ``path`` between two iterations; a dialog explains a failure (the old
        file, if any, is left as it was)."""
        runner = self._runner()
        if runner is None:
            return False
        try:
            report = runner.save_state(str(path), source=SOURCE)
        except Exception as exc:  # noqa: BLE001 - every failure is shown, none may close the window
            dialogs.warn(
                self.window,
                "Cannot save state",
                f"The state could not be written to {path}:\n{_reason(exc)}\n\n"
                "Nothing was changed: an older file at that path is intact.",
                details=f"{type(exc).__name__}: {exc}",
            )
            return False
        self.path = str(path)
        self.window.statusBar().showMessage(
            f"State at iteration {report.iteration:,} saved to {path} ({report.bytes / 1e6:.1f} MB)", 8000
        )
        return True

    # ------------------------------------------------------------------ load
    def load(self) -> bool:
        """Load state…: ask for a file, then load it."""
        if self._runner() is None:
            return False
        path = prompts.ask_open_path(
            self.window, "Load network state", self.suggested_path(), prompts.STATE_FILTER
        )
        return self.load_from(path) if path else False

    def load_from(self, path: str) -> bool:
        """Load ``path`` between two iterations. A file saved from another structure is explained and,
        if the user agrees, loaded in part (what matches); any other failure leaves the network as it was."""
        from engine.exceptions import EngineWarning, StateMismatchError

        runner = self._runner()
        if runner is None:
            return False
        try:
            report = runner.load_state(str(path), source=SOURCE)
        except StateMismatchError as exc:
            if not prompts.ask_yes_no(
                self.window,
                "State from another network",
                f"{os.path.basename(path)} was saved from a network with another structure.\n"
                "Load the values that match and leave the rest as it is?",
                details=str(exc),
                yes="Load what matches",
            ):
                return False
            try:
                with warnings.catch_warnings():  # what was skipped is shown in the dialog below
                    warnings.simplefilter("ignore", EngineWarning)
                    report = runner.load_state(str(path), source=SOURCE, strict=False)
            except Exception as again:  # noqa: BLE001
                return self._load_failed(path, again)
        except Exception as exc:  # noqa: BLE001
            return self._load_failed(path, exc)
        self.path = str(path)
        self.window.bridge.refresh_now()
        if not report.ok:
            dialogs.warn(
                self.window,
                "State loaded in part",
                f"Loaded {report.restored} values from {os.path.basename(path)}; some did not match.",
                details=str(report),
            )
        self.window.statusBar().showMessage(
            f"State of iteration {report.iteration:,} loaded from {path} ({report.restored} values)", 8000
        )
        return True

    def _load_failed(self, path: str, exc: BaseException) -> bool:
        dialogs.warn(
            self.window,
            "Cannot load state",
            f"{path} could not be loaded:\n{_reason(exc)}\n\nThe network was not changed.",
            details=f"{type(exc).__name__}: {exc}",
        )
        return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}" + (f" ({exc.filename})" if exc.filename else "")
    return str(exc) or type(exc).__name__
