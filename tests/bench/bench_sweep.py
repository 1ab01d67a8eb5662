#!/usr/bin/env python3
"""Sweep benchmark (printed, never asserted; not collected by pytest).

    python tests/bench/bench_sweep.py [--runs 16] [--workers 2] [--iterations 1000]

1. Throughput: ``--runs`` runs of ``examples/izhikevich_ei.py`` (1000 neurons, 1000 iterations each,
   sigma of the thalamic input swept over 4 values) on a LocalCluster of ``--workers`` processes,
   against the same runs one after the other in this process: the wall-time ratio, with and without
   the cluster's start-up.
   The machine's own ceiling is printed next to it: the same runs split over ``--workers`` plain
   processes started at once (no Dask), against one process — what the cores give to that many
   concurrent processes (a VM's vCPUs that share a physical core or its caches give less than 2x).
2. Per-run overhead of the Dask path: worker time not spent inside runs, per run
   ((workers x wall - sum of the runs' own durations) / runs), and the wall time per run of a sweep
   of 1-iteration runs of the seed network (scheduling, pickling and the script build only).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from engine.sweep import sweep  # noqa: E402
from engine.sweep.cluster import open_client  # noqa: E402
from tests.support.paths import EXAMPLES_DIR, SEED  # noqa: E402

SCRIPT = EXAMPLES_DIR / "izhikevich_ei.py"
METRIC = "float(np.mean(net.exc['fired', 0, 'np']))"


_PLAIN = """
import sys, time
sys.path.insert(0, {repo!r})
from engine.sweep import sweep
time.sleep(max(0.0, {start_at!r} - time.time()))  # every process starts its runs at the same moment
start = time.perf_counter()
sweep({script!r}, workers=0, grid={grid!r}, metric="1", repeats=1, iterations={iterations})
print(time.perf_counter() - start)
"""


def plain_processes(count: int, runs: int, iterations: int) -> tuple[float, float]:
    """Seconds for ``runs`` runs in one plain process, and for the same runs split over ``count``
    plain processes that start them at the same moment (the slowest one): the hardware's ceiling
    for ``count`` workers. Imports and process start-up are not timed."""
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    def timed(shares: list[int]) -> float:
        start_at = time.time() + 2.0
        procs = []
        for n in shares:
            grid = {"exc.Thalamic_Input.sigma": [4.0 + k % 4 for k in range(n)]}
            code = _PLAIN.format(
                repo=repo, start_at=start_at, script=str(SCRIPT), grid=grid, iterations=iterations
            )
            procs.append(subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True))
        return max(float(proc.communicate()[0].split()[-1]) for proc in procs)

    return timed([runs]), timed([runs // count] * count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating sequential / Dask rounds (median)")
    args = parser.parse_args()
    grid = {"exc.Thalamic_Input.sigma": [4.0, 5.0, 6.0, 7.0]}
    kwargs = dict(grid=grid, metric=METRIC, repeats=max(1, args.runs // 4), iterations=args.iterations)

    def timed(**where):
        begin = time.perf_counter()
        rows = sweep(str(SCRIPT), **where, **kwargs)
        return time.perf_counter() - begin, rows

    seq_walls, dask_walls, busy = [], [], []
    start = time.perf_counter()
    first_seq, sequential = timed(workers=0)  # the first in-process run pays its imports, as a worker's
    with open_client(workers=args.workers) as (client, info):
        started = time.perf_counter() - start - first_seq
        client.submit(sum, [1]).result()  # a warm scheduler
        first_dask, parallel = timed(client=client)
        begin = time.perf_counter()
        tiny = sweep(
            str(SEED), client=client, grid={"point": list(range(args.runs))}, metric="1", iterations=1
        )
        tiny_wall = time.perf_counter() - begin
        for _ in range(args.rounds):  # alternating, so that the machine's slow drifts cancel out
            seq_wall, _ = timed(workers=0)
            dask_wall, rows = timed(client=client)
            seq_walls.append(seq_wall)
            dask_walls.append(dask_wall)
            busy.append(sum(r["duration_s"] for r in rows))
    ceilings = [
        one / many
        for one, many in (
            plain_processes(args.workers, args.runs, args.iterations) for _ in range(args.rounds)
        )
    ]
    n = len(parallel)
    same = [r["fingerprint"] for r in parallel] == [r["fingerprint"] for r in sequential]
    ratios = [s / d for s, d in zip(seq_walls, dask_walls)]
    seq, dask_ = statistics.median(seq_walls), statistics.median(dask_walls)
    head = f"{n} runs of {SCRIPT.name} ({args.iterations} iterations)"
    print(
        f"{head}, {args.workers} workers, {os.cpu_count()} CPUs, median of {args.rounds} alternating rounds"
    )
    print(f"  sequential in one process     {seq:8.2f} s   ({seq / n:.3f} s per run)")
    print(
        f"  Dask, cluster up              {dask_:8.2f} s   ratio {statistics.median(ratios):.2f}x "
        f"(rounds {', '.join(f'{r:.2f}' for r in ratios)}; target >= 1.7x)"
    )
    cold = started + first_dask
    print(
        f"  first sweep, start-up incl.   {cold:8.2f} s   ratio {first_seq / cold:.2f}x"
        f"   (cluster start-up {started:.2f} s, first in-process sweep {first_seq:.2f} s)"
    )
    print(
        f"  the machine's ceiling           {statistics.median(ceilings):6.2f}x  ({args.workers} plain "
        f"processes at once, no Dask, imports not timed; rounds {', '.join(f'{c:.2f}' for c in ceilings)})"
    )
    overhead = [(args.workers * d - b) / n for d, b in zip(dask_walls, busy)]
    print(f"  per-run overhead on workers   {statistics.median(overhead):8.3f} s   (target < 0.2 s)")
    print(f"  1-iteration runs of the seed  {tiny_wall / len(tiny):8.3f} s wall per run ({len(tiny)} runs)")
    print(f"  rows identical to sequential  {same}   dashboard {info.dashboard or '-'}")


if __name__ == "__main__":
    main()
