"""The standard streams of a script in build mode: captured output and a closed input.

Both replace a process-wide ``sys`` attribute but act only for the thread that runs the script;
other threads (the studio's GUI, a runner's worker) keep the real streams.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, TextIO

from engine.exceptions import ScriptInputError

__all__ = ["ThreadCapture", "ClosedStdin", "no_input", "MAX_CAPTURE"]

MAX_CAPTURE = 1 << 20  # keep at most the last 1 MiB of captured output

_NO_TERMINAL = (
    "scripts opened in the studio cannot read from the terminal. Replace it by a constant or a "
    "command-line argument (sys.argv)."
)


class ThreadCapture(io.TextIOBase):
    """Replaces sys.stdout/sys.stderr: writes of one thread go to a buffer, others pass through."""

    def __init__(self, original: TextIO | None, thread_id: int, echo: bool) -> None:
        self._original, self._thread, self._echo = original, thread_id, echo
        self._chunks: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        """Keep ``text`` (this thread) or pass it on (other threads)."""
        if threading.get_ident() != self._thread:
            return self._original.write(text) if self._original else len(text)
        self._chunks.append(text)
        self._size += len(text)
        while self._size > MAX_CAPTURE and len(self._chunks) > 1:
            self._size -= len(self._chunks.pop(0))
        if self._echo and self._original is not None:
            self._original.write(text)
        return len(text)

    def flush(self) -> None:
        """Flush the real stream."""
        if self._original is not None:
            self._original.flush()

    def getvalue(self) -> str:
        """Everything this thread wrote (at most the last :data:`MAX_CAPTURE` characters)."""
        return "".join(self._chunks)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


class _ClosedBinary:
    """``sys.stdin.buffer`` of a closed stdin: every read raises."""

    def __init__(self, refuse: Callable[[str], NoReturn]) -> None:
        self._refuse = refuse

    def read(self, *_: Any) -> bytes:
        self._refuse("sys.stdin.buffer.read()")

    def readline(self, *_: Any) -> bytes:
        self._refuse("sys.stdin.buffer.readline()")

    def readinto(self, *_: Any) -> int:
        self._refuse("sys.stdin.buffer.readinto()")


class ClosedStdin(io.TextIOBase):
    """Replaces sys.stdin: reads of one thread raise :class:`ScriptInputError`, others pass through.

    A script that waits for terminal input would otherwise freeze the window (stdin a terminal or
    a pipe that never ends).
    """

    def __init__(self, original: TextIO | None, thread_id: int) -> None:
        self._original, self._thread = original, thread_id

    def _mine(self) -> bool:
        return threading.get_ident() == self._thread

    def _refuse(self, what: str) -> NoReturn:
        raise ScriptInputError(f"the script reads its standard input ({what}); {_NO_TERMINAL}")

    def _other(self) -> TextIO:
        if self._original is None:
            raise OSError("no standard input")
        return self._original

    def read(self, size: int | None = -1) -> str:
        """Refused in the script's thread."""
        if self._mine():
            self._refuse("sys.stdin.read()")
        return self._other().read(-1 if size is None else size)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        """Refused in the script's thread."""
        if self._mine():
            self._refuse("sys.stdin.readline()")
        return self._other().readline(-1 if size is None else size)

    def readlines(self, hint: int = -1) -> list[str]:  # type: ignore[override]
        """Refused in the script's thread."""
        if self._mine():
            self._refuse("sys.stdin.readlines()")
        return self._other().readlines(hint)

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        if self._mine():
            self._refuse("for line in sys.stdin")
        return iter(self._other())

    def __next__(self) -> str:  # type: ignore[override]
        if self._mine():
            self._refuse("next(sys.stdin)")
        return next(self._other())

    def isatty(self) -> bool:
        """False in the script's thread (no terminal)."""
        return False if self._mine() else self._other().isatty()

    def readable(self) -> bool:
        """False in the script's thread."""
        return False if self._mine() else self._other().readable()

    def fileno(self) -> int:
        """Refused in the script's thread (``os.read(sys.stdin.fileno(), ...)`` would block too)."""
        if self._mine():
            self._refuse("sys.stdin.fileno()")
        return self._other().fileno()

    @property
    def buffer(self) -> Any:
        """A binary stdin that refuses too (script's thread) or the real one."""
        return _ClosedBinary(self._refuse) if self._mine() else self._other().buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._other(), name)


def no_input(thread_id: int, original: Callable[[str], str]) -> Callable[[str], str]:
    """A replacement for the builtin ``input`` that raises :class:`ScriptInputError` in one thread."""

    def input(prompt: str = "") -> str:  # noqa: A001 - replaces the builtin while building
        if threading.get_ident() != thread_id:
            return original(prompt)
        raise ScriptInputError(f"the script called input(); {_NO_TERMINAL}")

    return input
