"""``mnn-studio run SCRIPT [--iterations N] [--set PATH=VALUE ...] [--seed S] [--out FILE]``.

Runs a script with the engine only (no Qt): builds it, applies ``--set`` through the tag paths the
Parameters dock uses, steps it with a progress bar on a terminal, then runs the script's code after
its ``simulate_iterations`` (its analysis: what it prints, ``savefig``; ``--no-analysis`` skips it) on
the network that ran, and writes the recordings. Exit codes: 0 done, 1 the script or a behavior failed
(the message names the line), 2 bad input, 130 Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from studio.commands.progress import progress_bar

__all__ = ["run_command", "build_run_parser", "write_output", "OUTPUT_SUFFIXES"]

OUTPUT_SUFFIXES = (".npz", ".csv", ".nwb")


def build_run_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mnn-studio run", description="Run a network script headless (no window)."
    )
    p.add_argument("script", help="Python script that builds a Network")
    p.add_argument(
        "--iterations", "-n", type=int, default=None, help="steps to run (default: what the script asks for)"
    )
    p.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="set a tag path after the build (my_neurons.Basic_Behavior.threshold=0.6) or a gene (I=2)",
    )
    p.add_argument(
        "--seed", type=int, default=None, help="seed numpy's generator (default: the script's own)"
    )
    p.add_argument("--out", default=None, metavar="FILE", help="write the recordings: .npz, .csv or .nwb")
    p.add_argument(
        "--no-analysis",
        dest="analysis",
        action="store_false",
        help="skip the script's code after its simulate_iterations call (run by default, after the run)",
    )
    return p


def run_analysis(result: Any) -> str | None:
    """Run the script's rest (if it has one) on the network that ran; prints what it printed.
    Returns its error message (naming the script's line), else None."""
    analysis = getattr(result, "analysis", None)
    if analysis is None:
        return None
    outcome = analysis.run()
    sys.stdout.write(outcome.stdout)
    sys.stderr.write(outcome.stderr)
    return None if outcome.error is None else str(outcome.error)


def fail(message: str, code: int) -> int:
    print(f"mnn-studio run: {message}", file=sys.stderr)
    return code


def check_output(path: str | None) -> str | None:
    """An error message for an output path that cannot be written, else None."""
    if path is None:
        return None
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in OUTPUT_SUFFIXES:
        return f"--out {path}: unknown format {suffix or '(none)'}; use {', '.join(OUTPUT_SUFFIXES)}"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"--out {path}: the folder {folder} does not exist"
    return None


def write_output(net: Any, path: str) -> list[str]:
    """Write the recordings of ``net`` to ``path`` (.npz / .csv through engine.io.export, .nwb through
    engine.io.nwb when it is available)."""
    if path.lower().endswith(".nwb"):
        try:
            from engine.io.nwb import export_nwb
        except ImportError as exc:
            raise RuntimeError(f"NWB export is not available here ({exc}); write .npz or .csv") from None
        return [str(export_nwb(net, path))]
    from engine.io.export import export_recordings

    return export_recordings(net, path)


def _settings(items: Sequence[str]) -> dict[str, Any]:
    from engine.sweep.params import parse_assignment, parse_value

    out: dict[str, Any] = {}
    for item in items:
        path, text = parse_assignment(item)
        out[path] = parse_value(text)
    return out


def run_command(argv: Sequence[str]) -> int:
    """The ``run`` sub-command; returns the exit code."""
    args = build_run_parser().parse_args(list(argv))
    problem = check_output(args.out)
    if problem:
        return fail(problem, 2)
    from engine.exceptions import EngineError, ScriptError
    from engine.sweep.execution import RunFailed, prepare_run, simulate
    from engine.sweep.params import SweepError

    try:
        prepared = prepare_run(args.script, _settings(args.settings), args.seed, args.iterations)
    except ScriptError as exc:
        return fail(str(exc), 1)
    except (SweepError, EngineError, ValueError) as exc:
        return fail(str(exc), 2)
    net, total = prepared.net, prepared.iterations
    name = os.path.basename(args.script)
    start = time.perf_counter()
    try:
        with progress_bar(total, name) as bar:
            simulate(net, total, progress=bar.update)
    except RunFailed as exc:
        return fail(str(exc), 1)
    except KeyboardInterrupt:
        return fail(f"interrupted at iteration {net.iteration}", 130)
    seconds = time.perf_counter() - start
    print(f"{name}: {total} iterations in {seconds:.2f} s ({total / max(seconds, 1e-9):,.0f} it/s)")
    error = run_analysis(prepared.result) if args.analysis else None
    if args.out:
        try:
            written = write_output(net, args.out)
        except (OSError, ValueError, RuntimeError) as exc:
            return fail(str(exc), 1)
        print("wrote " + ", ".join(written))
    return fail(error, 1) if error else 0
