"""Studio benchmark (printed, never asserted; not collected by pytest).

1. Iterations/s of the seed network (synapses and input) at 1000 neurons, stepped by the engine
   Runner headless versus inside the studio window with every view live. Target ratio >= 0.9.
2. Frame time of the spike raster at 10 k neurons (update + paint), target <= 16 ms.
3. Frames/s of the view timer while a small overhead-bound network runs (target >= 25).

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_studio.py [--seconds 5] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _studio_harness import (  # first: sys.path, offscreen Qt
    OVERHEAD_SCRIPT,
    headless_slice,
    interleaved,
    pump,
    seed_1000,
)

SPIKES_10K = '''
"""10 k Bernoulli neurons (raster benchmark)"""
from PymoNNto import *


class Bernoulli(Behavior):
    def initialize(self, n):
        self.p = self.parameter('p', 0.05)
        n.spike = n.vector(bool)
        n.voltage = n.vector()

    def iteration(self, n):
        n.spike = n.vector('uniform') < self.p
        n.voltage *= 0.9
        n.voltage += n.spike


net = Network()
NeuronGroup(net=net, tag='cells', size=get_squared_dim(10000), behavior={1: Bernoulli()})
net.initialize(info=False)
'''


def rate_headless(script: Path, seconds: float) -> float:
    """it/s of a Runner without any window (no watches)."""
    from engine.runtime.runner import Runner
    from studio.core.script_loading import load_network_script

    runner = Runner(load_network_script(script).network)
    rate = headless_slice(runner, seconds)
    runner.stop()
    return rate


def rate_window(app, script: Path, seconds: float, budget: float | None = None) -> tuple[float, float, float]:
    """(it/s, view-timer ticks/s, redraws/s) with the studio window open and every view live."""
    from studio.main_window import MainWindow

    w = MainWindow(settings=None)
    if budget is not None:
        w.bridge.budget = budget
    w.resize(1440, 900)
    w.show()
    w.load_script(script)
    w.bridge.run()
    pump(0.5)
    i0, f0, r0, t0 = w.bridge.iteration, w.bridge.frames, w.bridge.redraws, time.perf_counter()
    pump(seconds)
    dt = time.perf_counter() - t0
    rate, fps, rps = (w.bridge.iteration - i0) / dt, (w.bridge.frames - f0) / dt, (w.bridge.redraws - r0) / dt
    w.close()
    return rate, fps, rps


def rate_interleaved(
    app, script: Path, slices: int, seconds: float
) -> tuple[list[float], list[float], float]:
    """Alternate short slices in one process: the studio window stepping its network with every
    view live, then a plain headless Runner on a second copy of the network (the window's runner
    paused and its timer stopped). Slow drifts of the machine's speed cancel out in the pairs.
    Returns (headless it/s per slice, window it/s per slice, redraws/s in the window)."""
    from engine.runtime.runner import Runner
    from studio.core.script_loading import load_network_script
    from studio.main_window import MainWindow

    runner = Runner(load_network_script(script).network)
    w = MainWindow(settings=None)
    w.resize(1440, 900)
    w.show()
    w.load_script(script)
    headless, window, redraws = interleaved(w, runner, slices, seconds)
    runner.stop()
    w.close()
    return headless, window, redraws


def raster_frames(app, folder: Path, frames: int = 60) -> list[float]:
    """ms per raster frame (data update + synchronous repaint) at 10 k neurons, while running."""
    from studio.main_window import MainWindow

    path = folder / "spikes_10k.py"
    path.write_text(SPIKES_10K)
    w = MainWindow(settings=None)
    w.resize(1440, 900)
    w.show()
    w.load_script(path)
    w.view("raster")
    for name in ("traces", "grid", "weights"):
        w.docks.docks[name].hide()  # time the raster alone
    w.bridge._timer.stop()  # frames are driven below
    w.bridge.run_for(2500)
    while w.bridge.is_running:
        pump(0.1)
    w.bridge.run()
    pump(0.3)
    times = []
    for _ in range(frames):
        pump(0.03)
        t0 = time.perf_counter()
        w.bridge.refresh_now()  # data step and paint, the worker held meanwhile
        times.append((time.perf_counter() - t0) * 1e3)
    w.close()
    return times


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=3.0, help="length of one measurement")
    p.add_argument("--repeats", type=int, default=5, help="headless/window pairs (alternating)")
    p.add_argument("--budget", type=float, default=None, help="display budget (default: the studio's)")
    p.add_argument(
        "--only",
        choices=["rate", "raster", "overhead"],
        default=None,
        help="run one of the three measurements",
    )
    args = p.parse_args()
    from studio.app import application

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only in (None, "rate"):
            measure_rates(app, folder, args)
        if args.only in (None, "raster"):
            times = raster_frames(app, folder)
            print(
                f"raster 10 k neurons x 2000 iterations: frame {statistics.median(times):.1f} ms median, "
                f"{sorted(times)[int(0.9 * len(times))]:.1f} ms p90   (target <= 16 ms)"
            )
        if args.only in (None, "overhead"):
            path = folder / "overhead.py"
            path.write_text(OVERHEAD_SCRIPT)
            r, f, d = rate_window(app, path, args.seconds)
            print(
                f"overhead-bound 10-neuron network: {r:,.0f} it/s, view timer {f:.1f} ticks/s "
                f"(target >= 25), views redrawn {d:.1f}/s"
            )


def measure_rates(app, folder: Path, args: argparse.Namespace) -> None:
    """Headless versus window iterations/s (interleaved pairs), then one longer window run."""
    script = seed_1000(folder)
    headless, window, rps = rate_interleaved(app, script, 2 * args.repeats, args.seconds / 2)
    h, wnd = statistics.median(headless), statistics.median(window)
    pairs = sorted(wv / hv for wv, hv in zip(window, headless))
    print(
        f"seed network, 1000 neurons, {len(pairs)} interleaved pairs of {args.seconds / 2:.1f} s: "
        f"headless {h:,.0f} it/s, window with all views live {wnd:,.0f} it/s (views redrawn {rps:.1f}/s)"
    )
    print(
        f"  ratio window/headless = {statistics.median(pairs):.3f} (median of pairs; target >= 0.9); "
        f"pairs {[round(x, 2) for x in pairs]}"
    )
    r, f, d = rate_window(app, script, args.seconds, args.budget)
    print(f"  separate window run: {r:,.0f} it/s, view timer {f:.1f} ticks/s, views redrawn {d:.1f}/s")


if __name__ == "__main__":
    main()
