"""Error capture for the runner: turn an exception raised while stepping into a :class:`StepError`
that names the iteration, the behavior and the user's file and line."""

from __future__ import annotations

import os
import sysconfig
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.model.behavior import Behavior
    from engine.model.network import Network

__all__ = ["StepError"]

_ENGINE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_OWN_FILES = {os.path.join(_ENGINE_DIR, name) for name in ("runner.py", "worker.py", "step_error.py")}
_LIB_DIRS = tuple(
    {
        os.path.abspath(p) + os.sep
        for k, p in sysconfig.get_paths().items()
        if k in ("stdlib", "platstdlib", "purelib", "platlib") and p
    }
)


def _is_user_file(filename: str) -> bool:
    path = os.path.abspath(filename)
    return not (filename.startswith("<") or path.startswith(_ENGINE_DIR) or path.startswith(_LIB_DIRS))


@dataclass
class StepError:
    """An exception raised while stepping.

    Attributes
    ----------
    exception: the exception object.
    iteration: the network iteration in which it was raised.
    traceback: the formatted traceback (the runner's own frames removed).
    filename, lineno, function: the innermost frame in user code (outside engine/, stdlib, site-packages).
    behavior: the behavior whose code raised, if found; behavior_path e.g. ``'my_neurons.Basic_Behavior'``.
    fatal: True if the worker loop itself failed (the runner is then stopped).
    """

    exception: BaseException
    iteration: int
    traceback: str
    filename: str | None = None
    lineno: int | None = None
    function: str | None = None
    behavior: Behavior | None = None
    behavior_path: str | None = None
    fatal: bool = False

    @classmethod
    def capture(cls, exc: BaseException, iteration: int, net: Network, fatal: bool = False) -> StepError:
        """Build a StepError from an exception caught in the worker."""
        tb = exc.__traceback__
        while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) in _OWN_FILES:
            tb = tb.tb_next
        text = "".join(traceback.format_exception(type(exc), exc, tb))
        user: tuple[str, int, str] | None = None
        last: tuple[str, int, str] | None = None
        behavior = None
        t = tb
        while t is not None:
            code = t.tb_frame.f_code
            last = (code.co_filename, t.tb_lineno, code.co_name)
            if _is_user_file(code.co_filename):
                user = last
            candidate = t.tb_frame.f_locals.get("self")
            if (
                candidate is not None
                and hasattr(candidate, "behavior_enabled")
                and hasattr(candidate, "init_kwargs")
            ):
                behavior = candidate
            t = t.tb_next
        where = user or last or (None, None, None)
        return cls(
            exc,
            int(iteration),
            text,
            where[0],
            where[1],
            where[2],
            behavior,
            _behavior_path(net, behavior),
            fatal,
        )

    @property
    def location(self) -> str:
        """``'file.py:12'`` or ``'?'``."""
        return f"{self.filename}:{self.lineno}" if self.filename else "?"

    def __str__(self) -> str:
        where = f" in {self.behavior_path}" if self.behavior_path else ""
        file = f" ({self.filename}, line {self.lineno})" if self.filename else ""
        return f"{type(self.exception).__name__} at iteration {self.iteration}{where}{file}: {self.exception}"


def _behavior_path(net: Network, behavior: Behavior | None) -> str | None:
    if behavior is None:
        return None
    for _key, parent, b in getattr(net, "sorted_behavior_execution_list", ()):
        if b is behavior:
            tags = getattr(parent, "tags", None) or ["?"]
            return f"{tags[0]}.{type(b).__name__}"
    return type(behavior).__name__
