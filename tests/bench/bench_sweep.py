#!/usr/bin/env python3
"""Sweep benchmark (printed, never asserted; not collected by pytest).

    python tests/bench/bench_sweep.py [--runs 16] [--workers 2] [--iterations 1000]

1. Throughput: ``--runs`` runs of ``examples/izhikevich_ei.py`` (1000 neurons, 1000 iterations each,
   sigma of the thalamic input swept over 4 values) on a LocalCluster of ``--workers`` processes,
   against the same runs one after the other in this process: the wall-time ratio, with and without
   the cluster's start-up.
2. Per-run overhead of the Dask path: worker time not spent inside runs, per run
   ((workers x wall - sum of the runs' own durations) / runs), and the wall time per run of a sweep
   of 1-iteration runs of the seed network (scheduling, pickling and the script build only).
"""

from __future__ import annotations

import argparse
import os
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=1000)
    args = parser.parse_args()
    grid = {"exc.Thalamic_Input.sigma": [4.0, 5.0, 6.0, 7.0]}
    kwargs = dict(grid=grid, metric=METRIC, repeats=max(1, args.runs // 4), iterations=args.iterations)

    start = time.perf_counter()
    sequential = sweep(str(SCRIPT), workers=0, **kwargs)
    seq_wall = time.perf_counter() - start

    start = time.perf_counter()
    with open_client(workers=args.workers) as (client, info):
        started = time.perf_counter() - start
        client.submit(sum, [1]).result()  # a warm scheduler
        begin = time.perf_counter()
        parallel = sweep(str(SCRIPT), client=client, **kwargs)
        dask_wall = time.perf_counter() - begin
        begin = time.perf_counter()
        tiny = sweep(
            str(SEED), client=client, grid={"point": list(range(args.runs))}, metric="1", iterations=1
        )
        tiny_wall = time.perf_counter() - begin
    total_wall = time.perf_counter() - start
    n = len(parallel)
    same = [r["fingerprint"] for r in parallel] == [r["fingerprint"] for r in sequential]
    busy = sum(r["duration_s"] for r in parallel)
    head = f"{n} runs of {SCRIPT.name} ({args.iterations} iterations)"
    print(f"{head}, {args.workers} workers, {os.cpu_count()} CPUs")
    print(f"  sequential in one process     {seq_wall:8.2f} s   ({seq_wall / n:.3f} s per run)")
    print(f"  Dask, cluster already up      {dask_wall:8.2f} s   ratio {seq_wall / dask_wall:.2f}x")
    with_start = total_wall - tiny_wall
    print(
        f"  Dask, with cluster start-up   {with_start:8.2f} s   ratio {seq_wall / with_start:.2f}x"
        f"   (start-up {started:.2f} s)"
    )
    print(f"  per-run overhead on workers   {(args.workers * dask_wall - busy) / n:8.3f} s")
    print(f"  1-iteration runs of the seed  {tiny_wall / len(tiny):8.3f} s wall per run ({len(tiny)} runs)")
    print(f"  rows identical to sequential  {same}   dashboard {info.dashboard or '-'}")


if __name__ == "__main__":
    main()
