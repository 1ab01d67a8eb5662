"""The terminal progress bar: drawn on a TTY, silent otherwise."""

from __future__ import annotations

import io

from studio.commands.progress import progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_and_a_pipe_gets_nothing():
    pipe, terminal = io.StringIO(), _Terminal()
    with progress_bar(10, "run", stream=pipe) as bar:
        bar.update(5)
    with progress_bar(10, "seed.py", stream=terminal) as bar:
        bar.update(10, "seed.py done")
    assert pipe.getvalue() == ""
    assert "10/10" in terminal.getvalue() or "seed.py" in terminal.getvalue()
