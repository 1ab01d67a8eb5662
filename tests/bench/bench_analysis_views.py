"""Analysis-views benchmark (printed, never asserted; not collected by pytest).

1. Iterations/s of the seed network at 1000 neurons stepped by a headless Runner versus inside
   the studio window with its default views plus two analysis views open (ISI histogram and power
   spectrum by default), in interleaved pairs so that slow drifts of the machine cancel out.
   Target ratio >= 0.9.
2. Frames/s of the view timer with those two analysis views open while a small, overhead-bound
   network runs at full speed (target >= 25), and the views' redraws/s and analyses/s.
3. The cost of one analysis of each view (ms, the view's own throttle measures it).

The approach follows tests/bench/bench_studio.py (same workloads, same pump and pairing).
Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_analysis_views.py [--seconds 3] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _studio_harness import OVERHEAD_SCRIPT, interleaved, pump, seed_1000  # first: sys.path, offscreen Qt


def open_window(script: Path, kinds: list[str]):
    """A studio window on ``script`` with extra analysis views of ``kinds`` open (docked, visible)."""
    from studio.main_window import MainWindow

    w = MainWindow(settings=None)
    w.resize(1440, 900)
    w.show()
    w.load_script(script)
    views = [w.docks.open_extra(kind).widget() for kind in kinds]
    return w, views


def rate_interleaved(script: Path, kinds: list[str], slices: int, seconds: float):
    """(headless it/s per slice, window it/s per slice, window redraws/s, the analysis views)."""
    from engine.runtime.runner import Runner
    from studio.core.script_loading import load_network_script

    runner = Runner(load_network_script(script).network)
    w, views = open_window(script, kinds)
    headless, window, redraws = interleaved(w, runner, slices, seconds)
    runner.stop()
    costs = {type(v).__name__: (v.analyses, 1e3 * v.throttle.cost) for v in views}
    w.close()
    return headless, window, redraws, costs


def frame_rate(script: Path, kinds: list[str], seconds: float):
    """(it/s, view-timer ticks/s, redraws/s, analyses/s of each view) while ``script`` runs."""
    w, views = open_window(script, kinds)
    w.bridge.run()
    pump(0.5)
    i0, f0, r0, t0 = w.bridge.iteration, w.bridge.frames, w.bridge.redraws, time.perf_counter()
    a0 = [v.analyses for v in views]
    pump(seconds)
    dt = time.perf_counter() - t0
    out = (
        (w.bridge.iteration - i0) / dt,
        (w.bridge.frames - f0) / dt,
        (w.bridge.redraws - r0) / dt,
        {type(v).__name__: (v.analyses - a) / dt for v, a in zip(views, a0)},
    )
    w.bridge.pause()
    w.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=3.0, help="length of one measurement")
    p.add_argument("--repeats", type=int, default=3, help="headless/window pairs (alternating)")
    p.add_argument("--views", default="isi,spectrum", help="analysis views to open (registry names)")
    args = p.parse_args()
    from studio.qt_app import application

    app = application()  # keep a reference: the QApplication must outlive the windows
    kinds = [k for k in args.views.split(",") if k]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = seed_1000(folder)
        headless, window, rps, costs = rate_interleaved(seed, kinds, 2 * args.repeats, args.seconds / 2)
        pairs = sorted(wv / hv for wv, hv in zip(window, headless))
        print(
            f"seed network, 1000 neurons, default views + {', '.join(kinds)}: headless "
            f"{statistics.median(headless):,.0f} it/s, window {statistics.median(window):,.0f} it/s "
            f"(views redrawn {rps:.1f}/s)"
        )
        print(
            f"  ratio window/headless = {statistics.median(pairs):.3f} (median of {len(pairs)} pairs; "
            f"target >= 0.9); pairs {[round(x, 2) for x in pairs]}"
        )
        for name, (n, ms) in costs.items():
            print(f"  {name}: {n} analyses, last one {ms:.1f} ms")
        overhead = folder / "overhead.py"
        overhead.write_text(OVERHEAD_SCRIPT)
        rate, fps, redraws, per_view = frame_rate(overhead, kinds, args.seconds)
        per = ", ".join(f"{k} {v:.1f}/s" for k, v in per_view.items())
        print(
            f"overhead-bound 10-neuron network with {', '.join(kinds)}: {rate:,.0f} it/s, view timer "
            f"{fps:.1f} ticks/s (target >= 25), views redrawn {redraws:.1f}/s, analyses {per}"
        )
    app.processEvents()


if __name__ == "__main__":
    main()
