"""A progress bar on a terminal (rich), nothing when the output is not a TTY."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

__all__ = ["Bar", "progress_bar"]


class Bar(Protocol):
    def update(self, done: int, text: str = "") -> None: ...


class _Quiet:
    def update(self, done: int, text: str = "") -> None:
        return None


class _Rich:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress, self._task = progress, task

    def update(self, done: int, text: str = "") -> None:
        if text:
            self._progress.update(self._task, completed=done, description=text)
        else:
            self._progress.update(self._task, completed=done)


@contextmanager
def progress_bar(total: int, label: str, stream: Any = None) -> Iterator[Bar]:
    """Yield a bar with ``update(done, text='')``; quiet unless ``stream`` (stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        yield _Quiet()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        yield _Rich(progress, progress.add_task(label, total=total))
