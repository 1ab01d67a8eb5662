"""Soak benchmark (printed, never asserted; not collected by pytest): the seed network in the studio
window with its views live for 1 000 000 iterations at full speed, recorders capped, and the growth
of the process's resident memory (issue #17, target < 50 MB).

The first ``--warmup`` iterations are excluded from the growth figure (imports, first paints, the
recorders and watches filling up to their caps); RSS is sampled every ``--every`` seconds.

Run from the repository root (a few minutes)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_soak.py [--iterations 1000000] [--cap 10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux ``/proc``; peak RSS elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cap_recorders(net, cap: int) -> list[str]:
    """Give every recorder of ``net`` ``max_length = cap``; returns their tags."""
    capped = []
    for group in list(net.NeuronGroups) + list(net.SynapseGroups):
        for behavior in group.behavior.values():
            if hasattr(behavior, "max_length"):
                behavior.max_length = cap
                capped.append(str(getattr(behavior, "tags", [type(behavior).__name__])[0]))
    return capped


def soak(iterations: int, cap: int, warmup: int, every: float) -> None:
    """Run the soak and print its figures."""
    from PyQt6.QtCore import QCoreApplication

    from studio.main_window import MainWindow
    from studio.qt_app import application
    from tests.support.paths import SEED

    application()
    w = MainWindow(settings=None)
    w.resize(1440, 900)
    w.show()
    assert w.load_script(SEED), "the seed script did not load"
    net = w.bridge.network
    capped = cap_recorders(net, cap)
    w.controls.set_speed(None)
    start_rss = rss_mb()
    print(f"soak: seed network, views {sorted(w.docks.views)}, recorders {capped} capped at {cap:,}")
    print(f"  start: RSS {start_rss:.1f} MB")
    w.bridge.run_for(iterations)
    t0 = time.perf_counter()
    next_report = t0 + every
    base_rss = None
    samples = []
    while w.bridge.state == "fast-forward":
        QCoreApplication.processEvents()
        time.sleep(0.005)
        now = time.perf_counter()
        it = w.bridge.iteration
        if base_rss is None and it >= warmup:
            base_rss = rss_mb()
            print(f"  after {it:,} warm-up iterations: RSS {base_rss:.1f} MB")
        if now >= next_report:
            next_report = now + every
            samples.append(rss_mb())
            rate = it / (now - t0)
            print(f"  {now - t0:6.0f} s  iteration {it:>9,}  {rate:8,.0f} it/s  RSS {samples[-1]:.1f} MB")
    seconds = time.perf_counter() - t0
    for _ in range(3):
        w.bridge.refresh_now()
        QCoreApplication.processEvents()
    end_rss = rss_mb()
    done = w.bridge.iteration
    voltage = len(net["voltage", 0, "np"])
    spikes = len(net["spike.t", 0])
    error = w.bridge.error
    w.close()
    base = base_rss if base_rss is not None else start_rss
    print(f"  end: iteration {done:,} in {seconds:.0f} s ({done / seconds:,.0f} it/s), error: {error}")
    print(f"  recorded rows kept: voltage {voltage:,}, spike events {spikes:,}")
    print(
        f"  RSS start {start_rss:.1f} MB, after warm-up {base:.1f} MB, end {end_rss:.1f} MB, "
        f"peak sample {max(samples + [end_rss]):.1f} MB"
    )
    print(f"  RSS growth after warm-up: {end_rss - base:+.1f} MB   (target < 50 MB)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--iterations", type=int, default=1_000_000)
    p.add_argument("--cap", type=int, default=10_000, help="max_length of every recorder")
    p.add_argument("--warmup", type=int, default=50_000, help="iterations before the growth baseline")
    p.add_argument("--every", type=float, default=15.0, help="seconds between RSS samples")
    args = p.parse_args()
    soak(args.iterations, args.cap, args.warmup, args.every)


if __name__ == "__main__":
    main()
