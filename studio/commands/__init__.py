"""``mnn-studio run|sweep|evolve ...``: the headless sub-commands (no Qt is ever imported here).

``studio.app.main`` hands a command line whose first word is one of :data:`COMMANDS` to
:func:`main` before anything loads Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

__all__ = ["COMMANDS", "main"]

COMMANDS = ("run", "sweep", "evolve")


def main(argv: Sequence[str]) -> int:
    """Run ``argv`` (``['run', 'script.py', ...]``); returns the exit code."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MPLBACKEND", "Agg")  # scripts that plot must not open windows
    command, rest = argv[0], list(argv[1:])
    if command == "run":
        from studio.commands.run import run_command

        return run_command(rest)
    if command == "sweep":
        from studio.commands.sweep import sweep_command

        return sweep_command(rest)
    if command == "evolve":
        from studio.commands.evolve import evolve_command

        return evolve_command(rest)
    print(f"mnn-studio: unknown command {command!r}; use one of {', '.join(COMMANDS)}", file=sys.stderr)
    return 2
