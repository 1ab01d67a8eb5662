"""What ``sweep`` and ``evolve`` share: the cluster and run options, the live progress display."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from studio.commands.progress import progress_bar

__all__ = ["add_run_options", "add_cluster_options", "row_progress", "fail", "print_stopped"]


def add_run_options(p: argparse.ArgumentParser) -> None:
    """--iterations, --metric, --seed, --timeout, --out."""
    p.add_argument("--iterations", "-n", type=int, default=None, help="steps per run (default: the script's)")
    p.add_argument(
        "--metric",
        action="append",
        default=None,
        metavar="EXPR",
        help="expression over net after the run, e.g. \"len(net['spike.i', 0])\" (repeatable; "
        "default: the score the script reports with set_score)",
    )
    p.add_argument("--seed", type=int, default=0, help="the sweep seed; run seeds are derived from it")
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds per run")
    p.add_argument("--out", default=None, metavar="CSV", help="results file; a rerun skips the rows in it")


def add_cluster_options(p: argparse.ArgumentParser) -> None:
    """--workers W | --scheduler ADDRESS, --ship."""
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", type=int, default=None, help="LocalCluster worker processes (default: CPUs; 0: no Dask)"
    )
    where.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786"
    )
    p.add_argument(
        "--ship",
        action="store_true",
        default=None,
        help="send the script's folder to the workers (remote hosts)",
    )


def fail(command: str, message: str, code: int) -> int:
    print(f"mnn-studio {command}: {message}", file=sys.stderr)
    return code


@contextmanager
def row_progress(total: int, label: str) -> Iterator[Any]:
    """An ``on_row(row, progress)`` callback that moves a terminal progress bar (quiet otherwise)."""
    with progress_bar(total, label) as bar:

        def on_row(row: dict[str, Any], progress: Any) -> None:
            failed = f", {progress.failed} failed" if progress.failed else ""
            bar.update(progress.done, f"{label}{failed}")

        yield on_row


def print_stopped(command: str, stopped: str | None) -> int:
    """Report an early stop; the exit code (0 when the runs all finished)."""
    if not stopped:
        return 0
    print(f"mnn-studio {command}: {stopped}", file=sys.stderr)
    return 1
