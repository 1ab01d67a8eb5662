"""Run → Sweep… and the Sweep dock on the seed network: prefilled dialog, a live sweep on a
LocalCluster off the GUI thread, the plot, and "Open this run" reproducing a row bit for bit."""

from __future__ import annotations

import pytest

from engine.sweep.metrics import fingerprint
from studio.sweep.actions import make_sweep_dialog, start_from_dialog
from studio.sweep.dialog import SweepDialog, parse_grid_text
from studio.sweep.model import SweepSetup
from tests.support.paths import SEED

pytest.importorskip("distributed")

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
SPIKES = "len(net['spike.t', 0])"


@pytest.fixture
def window(make_window):
    win = make_window(SEED)  # loaded, paused at iteration 0
    yield win
    win.docks.content("sweep").shutdown()


def test_the_dialog_is_prefilled_from_the_touched_parameters(window):
    runner = window.bridge.runner
    runner.set_value(THRESHOLD, 0.7, source="panel").result(timeout=10)
    dialog = make_sweep_dialog(window)
    assert isinstance(dialog, SweepDialog)
    grid = parse_grid_text(dialog.grid_edit.toPlainText())
    assert grid == {THRESHOLD: [0.5, 0.55, 0.6, 0.65, 0.7]}
    assert dialog.metric_edit.text() == SPIKES
    setup = dialog.setup()
    assert setup.script == str(SEED) and setup.iterations == 1000 and setup.repeats == 2


def test_the_dialog_refuses_an_empty_grid(window):
    dialog = make_sweep_dialog(window)
    dialog.grid_edit.setPlainText("")
    dialog.try_accept()
    assert "grid is empty" in dialog.error.text() and not dialog.result()
    dialog.grid_edit.setPlainText("no equals sign here")
    dialog.try_accept()
    assert "expected PATH = v1, v2" in dialog.error.text()


def test_a_sweep_runs_live_in_the_dock_and_a_run_opens_bit_for_bit(window, qtbot):
    dock = window.docks.content("sweep")
    setup = SweepSetup(str(SEED), {THRESHOLD: [0.4, 0.55, 0.7]}, SPIKES, repeats=2, iterations=200, workers=2)
    job = dock.start(setup)
    progress_seen = []
    job.row.connect(lambda row, progress: progress_seen.append(progress.done))
    qtbot.waitUntil(lambda: job.done, timeout=180_000)
    assert progress_seen == [1, 2, 3, 4, 5, 6]  # rows arrived one by one, on the GUI thread
    assert dock.counts() == (6, 0, 0)
    assert dock.status.text().startswith("done 6 / running 0 / failed 0 of 6")
    assert "http://" in dock.dashboard.text()
    assert dock.table.rowCount() == 6
    xs, ys = dock.line.getData()
    assert list(xs) == [0.4, 0.55, 0.7] and ys[0] > ys[1] > ys[2]

    row = next(r for r in dock.rows if r[THRESHOLD] == 0.55 and r["repeat"] == 1)
    assert dock.open_run(row)
    net = window.loaded.network
    assert net.my_neurons.Basic_Behavior.threshold == 0.55
    assert "sweep run" in window.windowTitle()
    window.bridge.run_for(200)
    qtbot.waitUntil(lambda: window.bridge.iteration >= 200 and not window.bridge.is_running, timeout=60_000)
    assert window.bridge.iteration == 200
    assert fingerprint(net) == row["fingerprint"]


def test_start_from_dialog_shows_the_dock_and_reports_bad_input(window, no_modal_dialogs):
    dialog = make_sweep_dialog(window)
    dialog.grid_edit.setPlainText(f"{THRESHOLD} = 0.5")
    dialog.repeats.setValue(1)
    dialog.iterations.setValue(5)
    dialog.metric_edit.setText("float(net.iteration)")
    dialog.workers.setValue(1)
    assert start_from_dialog(window, dialog)
    assert window.docks.docks["sweep"].isVisible()
    window.docks.content("sweep").shutdown()
    dialog.metric_edit.setText(" ")
    assert not start_from_dialog(window, dialog)
    assert no_modal_dialogs and "metric" in no_modal_dialogs[-1][1]
