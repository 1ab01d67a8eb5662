"""``mnn-studio sweep SCRIPT --grid PATH=v1,v2,... | --random PATH=low:high --samples K ...``.

Every parameter point times ``--repeats`` runs as a Dask task (LocalCluster of ``--workers``, or a
running ``--scheduler``); rows stream into ``--out``. Prints one line per parameter point at the
end (mean ± standard deviation of each metric over the repeats, failed runs). Exit codes: 0 every
run finished (failed runs are rows), 1 stopped after identical failures, 2 bad input, 130 Ctrl+C.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from typing import Any

from studio.commands.common import add_cluster_options, add_run_options, fail, print_stopped, row_progress

__all__ = ["sweep_command", "build_sweep_parser", "summary_lines"]


def build_sweep_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mnn-studio sweep", description="Run a script over a parameter grid on Dask."
    )
    p.add_argument("script", help="Python script that builds a Network")
    p.add_argument(
        "--grid", action="append", default=[], metavar="PATH=v1,v2,...", help="values to try (repeatable)"
    )
    p.add_argument("--random", action="append", default=[], metavar="PATH=LOW:HIGH", help="uniform range")
    p.add_argument("--samples", type=int, default=10, help="random points to draw (with --random)")
    p.add_argument("--repeats", type=int, default=1, help="runs per parameter point (different seeds)")
    p.add_argument(
        "--max-failures", type=int, default=5, help="stop after this many identical errors (0: never)"
    )
    add_run_options(p)
    add_cluster_options(p)
    return p


def summary_lines(rows: Sequence[dict[str, Any]], params: Sequence[str], metrics: Sequence[str]) -> list[str]:
    """One line per parameter point: its values, mean ± sd of each metric, failures."""
    points: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        points.setdefault(tuple(row.get(p) for p in params), []).append(row)
    lines = []
    for values, group in points.items():
        head = " ".join(f"{p}={v}" for p, v in zip(params, values))
        parts = []
        for metric in metrics:
            numbers = [float(r[metric]) for r in group if r.get(metric) is not None and not r.get("error")]
            if numbers:
                sd = statistics.stdev(numbers) if len(numbers) > 1 else 0.0
                parts.append(f"{metric} = {statistics.fmean(numbers):.6g} ± {sd:.3g}")
        failed = [r for r in group if r.get("error")]
        if failed:
            parts.append(f"{len(failed)} failed: {failed[0]['error']}")
        lines.append(f"{head}: " + "; ".join(parts))
    return lines


def sweep_command(argv: Sequence[str]) -> int:
    """The ``sweep`` sub-command; returns the exit code."""
    args = build_sweep_parser().parse_args(list(argv))
    from engine.exceptions import EngineError
    from engine.sweep import SCORE, plan_runs, run_specs
    from engine.sweep.params import parse_grid, parse_random

    try:
        specs = plan_runs(
            args.script,
            parse_grid(args.grid),
            parse_random(args.random),
            args.samples,
            args.metric,
            args.repeats,
            args.seed,
            args.iterations,
            args.timeout,
        )
    except (EngineError, ValueError) as exc:
        return fail("sweep", str(exc), 2)
    try:
        with row_progress(len(specs), f"sweep of {len(specs)} runs") as on_row:
            rows = run_specs(
                specs,
                workers=args.workers,
                scheduler=args.scheduler,
                out=args.out,
                max_failures=args.max_failures,
                ship=args.ship,
                on_row=on_row,
            )
    except KeyboardInterrupt:
        where = f"; the finished rows are in {args.out}, rerun the same command to go on" if args.out else ""
        return fail("sweep", f"cancelled{where}", 130)
    except (EngineError, ValueError) as exc:
        return fail("sweep", str(exc), 2)
    params = list(specs[0].params)
    metrics = list(specs[0].metrics) or [SCORE]
    for line in summary_lines(rows, params, metrics):
        print(line)
    skipped = f" ({rows.skipped} from an earlier run)" if rows.skipped else ""
    failed = sum(1 for r in rows if r.get("error"))
    print(f"{len(rows)} rows{skipped}, {failed} failed" + (f" -> {args.out}" if args.out else ""))
    if rows.info is not None and rows.info.dashboard:
        print(f"dashboard was at {rows.info.dashboard}")
    return print_stopped("sweep", rows.stopped)
