"""Raster benchmark (printed, never asserted; not collected by pytest): the per-frame cost of the
spike raster at 10 000 neurons while the network runs at full speed (issue #17, target p95 <= 16 ms).

Two figures, each p50 / p95 over ``--frames`` frames:

* ``raster``: RasterView alone: its data step (new spikes from the watch, binning) plus a synchronous
  repaint of its canvas, the worker held meanwhile as the bridge does;
* ``tick``: one whole bridge tick of the window (every visible dock, status bar, the posted paints).

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_raster.py [--frames 120] [--size 10000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _studio_harness import pump  # first: sys.path, offscreen Qt

SCRIPT = '''
"""{size} Bernoulli neurons (raster benchmark)"""
from PymoNNto import *


class Bernoulli(Behavior):
    def initialize(self, n):
        self.p = self.parameter('p', 0.05)
        n.spike = n.vector(bool)

    def iteration(self, n):
        n.spike = n.vector('uniform') < self.p


net = Network()
NeuronGroup(net=net, tag='cells', size={size}, behavior={{1: Bernoulli()}})
net.initialize(info=False)
'''


def _percentiles(ms: list[float]) -> str:
    ordered = sorted(ms)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"p50 {p50:5.1f} ms  p95 {p95:5.1f} ms  max {ordered[-1]:5.1f} ms"


def measure(frames: int, size: int, folder: Path) -> tuple[list[float], list[float], int]:
    """(raster ms per frame, tick ms per frame, iterations run meanwhile)."""
    from studio.main_window import MainWindow
    from studio.qt_app import application

    _app = application()  # kept: without a reference it is deleted
    path = folder / "raster_bench.py"
    path.write_text(SCRIPT.format(size=size), encoding="utf-8")
    w = MainWindow(settings=None)
    w.resize(1440, 900)
    w.show()
    assert w.load_script(path), "the benchmark script did not load"
    raster = w.view("raster")
    w.bridge._timer.stop()  # frames are driven below
    w.controls.set_speed(None)
    w.bridge.run_for(2500)  # fill the 2000-iteration window first
    while w.bridge.is_running:
        pump(0.05)
    w.bridge.run()
    pump(0.3)
    start = w.bridge.iteration
    alone: list[float] = []
    ticks: list[float] = []
    runner = w.bridge.runner
    for _ in range(frames):
        pump(0.02)
        t0 = time.perf_counter()
        with runner.hold():
            raster.update_view()
            raster.canvas.repaint()
        alone.append((time.perf_counter() - t0) * 1e3)
        pump(0.02)
        t0 = time.perf_counter()
        w.bridge.refresh_now()
        ticks.append((time.perf_counter() - t0) * 1e3)
    ran = w.bridge.iteration - start
    w.close()
    return alone, ticks, ran


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--frames", type=int, default=120)
    p.add_argument("--size", type=int, default=10_000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        alone, ticks, ran = measure(args.frames, args.size, Path(tmp))
    print(
        f"raster {args.size:,} neurons x 2000 iterations, {args.frames} frames, {ran:,} iterations meanwhile"
    )
    print(f"  raster alone (data + paint): {_percentiles(alone)}   (target p95 <= 16 ms)")
    print(f"  whole window tick:           {_percentiles(ticks)}")


if __name__ == "__main__":
    main()
