"""File → Export recordings…: NPZ, CSV and NWB files read back equal to the recordings; a network
without recorders or without samples says so; a cancelled or failed export leaves no file."""

from __future__ import annotations

import csv
import os
import threading

import numpy as np
import pytest

from studio.workbench import prompts
from studio.workbench.export_job import ExportJob

pytest.importorskip("pynwb")


def finish(qtbot, job):
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    return job.result


def recorded(w):
    net = w.bridge.network
    return np.asarray(net["voltage", 0, "np"]), np.asarray(net["spike", 0])


def test_npz_and_csv_round_trip(make_window, qtbot, tmp_path):
    w = make_window()
    w.bridge.step(40)
    voltage, spikes = recorded(w)
    assert voltage.shape == (40, 100)
    files = finish(qtbot, w.workbench.recordings.export_to(str(tmp_path / "r.npz"), "npz"))
    assert files == [str(tmp_path / "r.npz")]
    with np.load(files[0]) as data:
        assert np.array_equal(data["my_neurons.my_recorder.voltage"], voltage)
        assert np.array_equal(data["my_neurons.my_event_recorder.spike"], spikes)
    files = finish(qtbot, w.workbench.recordings.export_to(str(tmp_path / "r.csv"), "csv"))
    assert [os.path.basename(f) for f in files] == [
        "r.my_neurons.my_recorder.csv",
        "r.my_neurons.my_event_recorder.csv",
    ]
    with open(files[0], newline="") as fh:
        rows = list(csv.reader(fh))
    values = np.array([[float(x) for x in row] for row in rows[1:]])
    assert np.array_equal(values[:, :100].astype(voltage.dtype), voltage)
    with open(files[1], newline="") as fh:
        events = np.array([[int(x) for x in row] for row in list(csv.reader(fh))[1:]])
    assert np.array_equal(events, spikes)
    assert "r.csv" not in os.listdir(tmp_path) and w.statusBar().currentMessage().startswith("Exported")


def test_nwb_through_the_dialog(make_window, qtbot, tmp_path, monkeypatch):
    from pynwb import NWBHDF5IO

    w = make_window()
    w.bridge.step(25)
    voltage, spikes = recorded(w)
    chosen = prompts.RECORDING_FILTERS["nwb"]
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: (str(tmp_path / "run"), chosen))
    w.workbench.export_action.trigger()
    job = w.workbench.recordings.job
    assert finish(qtbot, job) == [str(tmp_path / "run.nwb")]
    with NWBHDF5IO(str(tmp_path / "run.nwb"), "r") as io:
        f = io.read()
        assert np.array_equal(f.acquisition["my_neurons.my_recorder.voltage"].data[:], voltage)
        units = f.units.to_dataframe()
        assert len(units) == 100
        dt = w.bridge.network.dt or 1.0
        for i in (0, 7, 99):
            assert np.array_equal(np.asarray(units["spike_times"].iloc[i]), spikes[spikes[:, 1] == i, 0] * dt)
        assert list(f.processing["network"]["neuron_groups"].to_dataframe()["tag"]) == ["my_neurons"]


def test_nothing_to_export_says_so(make_window, write_script, tmp_path, no_modal_dialogs, monkeypatch):
    asked = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: asked.append(a) or None)
    script = write_script(
        "plain.py",
        "from PymoNNto import *\nnet = Network()\nNeuronGroup(net=net, tag='n', size=3)\nnet.initialize()\n",
    )
    w = make_window(script)
    w.workbench.export_action.trigger()
    assert no_modal_dialogs[-1][0] == "Nothing to export" and "no Recorder" in no_modal_dialogs[-1][1]
    assert asked == []  # said before asking for a file
    w2 = make_window()  # the seed network at iteration 0: recorders, no samples
    out = tmp_path / "out"
    out.mkdir()
    assert w2.workbench.recordings.export_to(str(out / "r.npz"), "npz") is None
    assert (
        no_modal_dialogs[-1][0] == "Nothing to export" and "recorded nothing yet" in no_modal_dialogs[-1][1]
    )
    assert os.listdir(out) == []


def test_cancel_leaves_no_file(make_window, qtbot, tmp_path):
    from engine.io.export import write_recordings

    w = make_window()
    w.bridge.step(10)
    gate = threading.Event()

    def slow_writer(recs, path, fmt, progress):
        def waiting(fraction):
            if fraction > 0:
                gate.wait(10)  # the test cancels while the writer is halfway
            return progress(fraction)

        return write_recordings(recs, path, fmt, waiting)

    w.workbench.recordings.writer = slow_writer
    (tmp_path / "out").mkdir()
    old = tmp_path / "out" / "r.npz"
    old.write_bytes(b"old export")
    job = w.workbench.recordings.export_to(str(old), "npz")
    assert isinstance(job, ExportJob) and not job.done
    job.dialog.canceled.emit()  # what the progress dialog's Cancel button sends
    gate.set()
    result = finish(qtbot, job)
    assert type(result).__name__ == "ExportCancelled" and job.cancelled
    assert old.read_bytes() == b"old export" and os.listdir(tmp_path / "out") == ["r.npz"]
    assert "cancelled" in w.statusBar().currentMessage()


def test_failed_export_warns(make_window, qtbot, tmp_path, no_modal_dialogs):
    w = make_window()
    w.bridge.step(5)
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    job = w.workbench.recordings.export_to(str(blocker / "r.npz"), "npz")
    assert isinstance(finish(qtbot, job), OSError)
    title, text = no_modal_dialogs[-1]
    assert title == "Export failed" and "a_file" in text and "intact" in text
