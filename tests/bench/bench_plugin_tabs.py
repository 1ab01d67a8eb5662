"""Plug-in tab benchmark (printed, never asserted; not collected by pytest).

The seed network at 1000 neurons (as in bench_studio.py) in the studio window with three
PymoNNto tabs visible side by side (each plots a recorded mean over the last 500 iterations),
against a plain headless Runner on a copy of the same network, in alternating slices of one
process (slow drifts of the machine cancel out). Targets: engine >= 0.9x headless, window >= 25
frames/s, every tab updated at the display rate.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_plugin_tabs.py [--seconds 2] [--slices 4]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _studio_harness import headless_slice, pump, seed_1000, window_slice  # first: sys.path, offscreen Qt

TABS = """
from PymoNNto.Exploration.Network_UI.TabBase import *


class _MeanTab(TabBase):
    expression = 'np.mean(voltage)'

    def add_recorder_variables(self, group, Network_UI):
        Network_UI.add_recording_variable(group, self.expression, timesteps=500)

    def initialize(self, Network_UI):
        self.page = Network_UI.add_tab(self.title)
        self.curve = Network_UI.Add_plot_curve(x_label='iteration', y_label=self.expression)

    def update(self, Network_UI):
        if self.page.isVisible():
            self.curve.setData(Network_UI.network['iteration', 0, 'np'][-500:],
                               Network_UI.network[self.expression, 0, 'np'][-500:])


class MeanTab(_MeanTab):
    def __init__(self, title='mean'):
        super().__init__(title)


class MaxTab(_MeanTab):
    expression = 'np.max(voltage)'

    def __init__(self, title='max'):
        super().__init__(title)


class CountTab(_MeanTab):
    expression = 'np.sum(spike)'

    def __init__(self, title='spikes'):
        super().__init__(title)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--slices", type=int, default=4)
    args = parser.parse_args()

    from PyQt6.QtCore import Qt
    from PyQt6.QtWidgets import QApplication

    from engine import Recorder
    from engine.runtime.runner import Runner
    from studio.core.script_loading import load_network_script
    from studio.main_window import MainWindow

    _app = QApplication.instance() or QApplication([])  # kept: without a reference it is deleted
    folder = Path(tempfile.mkdtemp(prefix="bench-tabs-"))
    script = seed_1000(folder)  # the studio benchmark's network
    (folder / "three_tabs.py").write_text(TABS)

    plain = MainWindow(settings=None)  # the same network and views, no tabs
    plain.resize(1440, 900)
    plain.show()
    plain.load_script(script)
    plain.hide()
    window = MainWindow(settings=None)
    window.resize(1440, 900)
    window.show()
    window.load_script(script)
    window.load_tab_module(folder / "three_tabs.py")
    tabs = window.tab_set.tabs
    docks = [a.docks[0] for a in tabs]
    for dock in docks:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.splitDockWidget(docks[0], docks[1], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks[1], docks[2], Qt.Orientation.Horizontal)
    pump(0.2)
    assert all(a.visible(None) for a in tabs), "the three tabs must be visible"

    def slice_of(w, seconds):
        w.show()
        u0, t0 = [a.updates for a in w.tab_set.tabs], time.perf_counter()
        rate, frames, redraws = window_slice(w, seconds)
        dt = time.perf_counter() - t0  # the settling time too: updates per second are a lower bound
        done = [a.updates - u for a, u in zip(w.tab_set.tabs, u0)]
        w.hide()
        return rate, frames, redraws, min(done) / dt if done else 0.0

    runner = Runner(load_network_script(script).network)
    # the same network headless with the recorder the tabs asked for (what they cost the engine
    # anywhere, PymoNNto's Network_UI included): one bounded Recorder of every requested expression
    recorded = load_network_script(script).network
    ui_recorders = [
        (key, b) for key, b in window.bridge.network.NeuronGroups[0].behavior.items() if "UI_rec" in b.tags
    ]
    for key, rec in ui_recorders:
        recorded.NeuronGroups[0].add_behavior(
            key, Recorder(list(rec.variables), tag="UI_rec", max_length=rec.max_length)
        )
    runner_rec = Runner(recorded)
    rows: dict[str, list] = {"headless": [], "headless_rec": [], "plain": [], "tabs": []}
    for w in (plain, window):  # warm-up, not counted: the first paints and caches are slow
        slice_of(w, 1.0)
    for _ in range(args.slices):
        rows["headless"].append((headless_slice(runner, args.seconds), 0, 0, 0))
        rows["headless_rec"].append((headless_slice(runner_rec, args.seconds), 0, 0, 0))
        rows["plain"].append(slice_of(plain, args.seconds))
        rows["tabs"].append(slice_of(window, args.seconds))
    runner.stop()
    runner_rec.stop()
    failed = [a.title for a in tabs if a.failed]
    window.close()
    plain.close()

    def med(name, k):
        return statistics.median(r[k] for r in rows[name])

    to_headless = [t[0] / h[0] for t, h in zip(rows["tabs"], rows["headless"])]
    to_plain = [t[0] / p[0] for t, p in zip(rows["tabs"], rows["plain"])]
    print("Plug-in tabs: seed network, 1000 neurons, three PymoNNto tabs visible (default display budget)")
    print(
        f"  headless Runner                   {med('headless', 0):8.0f} it/s (median of {args.slices} slices)"
    )
    print(
        f"  window, default views             {med('plain', 0):8.0f} it/s, {med('plain', 1):5.1f} frames/s, "
        f"{med('plain', 2):5.1f} redraws/s"
    )
    print(
        f"  window, default views + 3 tabs    {med('tabs', 0):8.0f} it/s, {med('tabs', 1):5.1f} frames/s, "
        f"{med('tabs', 2):5.1f} redraws/s, slowest tab {med('tabs', 3):5.1f} updates/s"
    )
    cost = statistics.median(to_plain)
    print(f"  with tabs / without tabs          {cost:8.3f}  (what the tabs cost; target >= 0.9)")
    print(f"  with tabs / headless              {statistics.median(to_headless):8.3f}  (target >= 0.9)")
    recorded_rate = med("headless_rec", 0)
    to_recorded = [t[0] / h[0] for t, h in zip(rows["tabs"], rows["headless_rec"])]
    print(
        f"  headless + the tabs' recorder     {recorded_rate:8.0f} it/s ({len(ui_recorders)} Recorder: "
        f"{', '.join(v for _, r in ui_recorders for v in r.variables)})"
    )
    share = statistics.median(to_recorded)
    print(f"  with tabs / headless + recorder   {share:8.3f}  (the studio's own share)")
    print(f"  tabs stopped by an error          {failed or 'none'}")
    for a in tabs:
        print(
            f"  tab {a.title!r:10} {1000 * a.cost:6.2f} ms per update, every {a.every} frame(s), "
            f"{a.updates} updates, {a.skipped} skipped"
        )


if __name__ == "__main__":
    main()
