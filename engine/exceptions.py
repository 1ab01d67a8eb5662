"""Every error and warning the engine raises, under one root.

``except engine.exceptions.EngineError`` catches anything the engine raises on purpose; each class
also keeps the builtin parent it always had, so existing ``except ValueError:`` / ``except
LookupError:`` code still catches it. Warnings derive from :class:`EngineWarning` (a
``UserWarning``), so ``warnings.filterwarnings('ignore', category=EngineWarning)`` silences them all.
"""

from __future__ import annotations

import os

__all__ = [
    "EngineError",
    "EngineWarning",
    "ValueStringError",
    "UnknownDistributionError",
    "NotInitializedWarning",
    "RecordingShapeError",
    "RecordingShapeWarning",
    "MissingRecordedNameWarning",
    "CommandError",
    "PathError",
    "InvalidValueError",
    "IterationCountError",
    "ExportError",
    "ExportCancelled",
    "NoRecordingsError",
    "StateError",
    "StateFileError",
    "StateMismatchError",
    "StateSkippedWarning",
    "ScriptError",
    "ScriptSyntaxError",
    "ScriptImportError",
    "ScriptRuntimeError",
    "ScriptExitError",
    "ScriptInputError",
    "NoNetworkError",
]


class EngineError(Exception):
    """Root of every error the engine raises on purpose."""


class EngineWarning(UserWarning):
    """Root of every warning the engine issues."""


# ------------------------------------------------------------------------------ model (values, run)
class ValueStringError(EngineError, SyntaxError):
    """A value string that cannot be parsed (e.g. ``'uniform(0,'``)."""


class UnknownDistributionError(EngineError, NameError):
    """A value string names a distribution or function that does not exist."""


class NotInitializedWarning(EngineWarning):
    """Simulation was started before ``initialize()``; the network initialized itself."""


# -------------------------------------------------------------------------------------------- recording
class RecordingShapeError(EngineError, ValueError):
    """Recorded samples of several shapes were asked for as one array; the message names the
    recorder, the group, the variable and each change of shape."""


class RecordingShapeWarning(EngineWarning):
    """A recorded variable changed shape mid-run (its samples are kept, per shape)."""


class MissingRecordedNameWarning(EngineWarning):
    """A Recorder expression names something its group does not have (issued once per name)."""


# ---------------------------------------------------------------------------------- runner commands
class CommandError(EngineError):
    """Base class of the errors raised when a runner command is rejected."""


class PathError(CommandError, LookupError):
    """A tag path does not resolve."""


class InvalidValueError(CommandError, ValueError):
    """A value does not fit the attribute it should be written to."""


# -------------------------------------------------------------------------------------- state files
class IterationCountError(CommandError, ValueError):
    """An iteration count that is not a whole number in 1..MAX_ITERATIONS (engine.runtime.limits)."""


class ExportError(EngineError, OSError):
    """A recording export could not be written (the path is named; older files are left intact)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "the export could not be written"


class ExportCancelled(EngineError):
    """The export was cancelled through its progress callback; no file was written or changed."""


class NoRecordingsError(EngineError, ValueError):
    """The network has no Recorder or EventRecorder, so there is nothing to export."""


class StateError(EngineError):
    """Base class of state-file errors."""


class StateFileError(StateError, ValueError):
    """The file is not a readable state file (truncated, corrupt, other format or newer version)."""


class StateMismatchError(StateError, ValueError):
    """The file was saved from a network with another structure (another script)."""


class StateSkippedWarning(EngineWarning):
    """A non-strict ``load_state`` left values of the file out because they do not fit the network
    (another shape or kind of number); the message names each with its old and new shape."""


# ------------------------------------------------------------------------------------------ scripts
class ScriptError(EngineError):
    """A script could not be loaded. ``lineno`` is the line in the script (None if unknown)."""

    def __init__(
        self,
        message: str,
        path: str = "",
        lineno: int | None = None,
        line: str = "",
        exception: BaseException | None = None,
        traceback_text: str = "",
    ) -> None:
        self.message, self.path, self.lineno = message, path, lineno
        self.line, self.exception, self.traceback = line.strip(), exception, traceback_text
        where = os.path.basename(path) if path else "script"
        if lineno is not None:
            where += f", line {lineno}"
        text = f"{where}: {message}"
        if self.line:
            text += f"\n    {self.line}"
        super().__init__(text)


class ScriptSyntaxError(ScriptError):
    """The script does not compile."""


class ScriptImportError(ScriptError):
    """The script imports a module that is not installed."""


class ScriptRuntimeError(ScriptError):
    """The script raised while building its network."""


class ScriptExitError(ScriptError):
    """The script called ``sys.exit()`` with a non-zero code."""


class ScriptInputError(ScriptError):
    """The script called ``input()``; scripts loaded into the studio cannot read the terminal."""


class NoNetworkError(ScriptError):
    """The script ran but built no Network."""
