"""engine.io.export: NPZ and CSV read back equal to the recordings (NaN kept), progress and cancel,
all-or-nothing writes (unwritable folder, full disk: no partial file, the old file intact), nothing to
export, and the recorders' memory counted from their preallocated buffers."""

from __future__ import annotations

import csv
import errno
import os

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder
from engine.io import export as export_module
from engine.io.export import export_recordings, write_recordings
from engine.io.export_snapshot import (
    ExportCancelled,
    ExportError,
    NoRecordingsError,
    recordings_nbytes,
    snapshot_recordings,
)


class Pulse(Behavior):
    """A regular spike train (every 4th iteration for neuron i % 4 == iteration % 4) and a voltage
    with a NaN in neuron 1 every 5th iteration."""

    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        neurons.spike = neurons.vector() > 1
        self.t = 0

    def iteration(self, neurons):
        self.t += 1
        neurons.voltage[:] = np.arange(neurons.size) * 0.25 + self.t
        if self.t % 5 == 0:
            neurons.voltage[1] = np.nan
        neurons.spike = (np.arange(neurons.size) % 4) == (self.t % 4)


def build(size=6, iterations=20, record=True):
    net = Network(settings={"dt": 0.001})
    behaviors = {1: Pulse()}
    if record:
        behaviors[9] = Recorder(["voltage", "np.mean(voltage)", "spike"], tag="rec")
        behaviors[10] = EventRecorder("spike", tag="ev")
    NeuronGroup(net=net, tag="g", size=size, behavior=behaviors)
    net.initialize(info=False)
    for _ in range(iterations):
        net.simulate_iteration()
    return net


def events_of(net):
    (recorder,) = [b for b in net.g.behavior.values() if isinstance(b, EventRecorder)]
    return recorder.variables["spike"].data


def read_csv(path):
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], np.array([[float(x) for x in row] for row in rows[1:]])


def test_npz_round_trip_keeps_every_value_and_nan(tmp_path):
    net = build()
    assert export_recordings(net, str(tmp_path / "r.npz")) == [str(tmp_path / "r.npz")]
    with np.load(tmp_path / "r.npz") as data:
        assert set(data.files) == {"g.rec.voltage", "g.rec.np.mean(voltage)", "g.rec.spike", "g.ev.spike"}
        voltage = np.asarray(net["voltage", 0, "np"])
        assert np.array_equal(data["g.rec.voltage"], voltage, equal_nan=True)
        assert np.isnan(data["g.rec.voltage"][4, 1]) and np.isnan(data["g.rec.np.mean(voltage)"][4])
        assert data["g.rec.spike"].dtype == bool and data["g.rec.spike"].sum() == 30
        assert np.array_equal(data["g.ev.spike"], events_of(net))


def test_csv_round_trip_series_and_events(tmp_path):
    net = build()
    files = export_recordings(net, str(tmp_path / "r.csv"))
    assert files == [str(tmp_path / "r.g.rec.csv"), str(tmp_path / "r.g.ev.csv")]
    header, values = read_csv(files[0])
    assert header[:6] == [f"voltage[{i}]" for i in range(6)] and header[6] == "np.mean(voltage)"
    assert values.shape == (20, 6 + 1 + 6)
    voltage = np.asarray(net["voltage", 0, "np"])
    assert np.array_equal(values[:, :6].astype(voltage.dtype), voltage, equal_nan=True)
    assert np.isnan(values[4, 1]) and np.isnan(values[9, 6])
    assert np.array_equal(values[:, 7:], np.asarray(net["spike", 0, "np"]).astype(float))
    header, events = read_csv(files[1])
    assert header == ["spike.t", "spike.i"]
    assert np.array_equal(events.astype(int), events_of(net)) and len(events) == 30


def test_progress_reaches_one_and_cancel_leaves_no_file(tmp_path):
    net = build(iterations=12000, size=4)  # CSV in several blocks of rows
    seen = []
    export_recordings(net, str(tmp_path / "ok.csv"), progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 4
    old = tmp_path / "r.csv"
    old.write_text("old content")
    calls = []

    def cancel_at_third(fraction):
        calls.append(fraction)
        return len(calls) < 3

    with pytest.raises(ExportCancelled):
        export_recordings(net, str(old), progress=cancel_at_third)
    assert old.read_text() == "old content"
    assert sorted(os.listdir(tmp_path)) == sorted(["ok.g.rec.csv", "ok.g.ev.csv", "r.csv"])


@pytest.mark.parametrize("fmt", ["npz", "csv"])
def test_full_disk_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch, fmt):
    net = build()
    target = tmp_path / f"r.{fmt}"
    target.write_bytes(b"previous export")
    original = os.fsync

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module.os, "fsync", disk_full)
    with pytest.raises(ExportError, match="disk is full") as info:
        export_recordings(net, str(target), fmt=fmt)
    monkeypatch.setattr(export_module.os, "fsync", original)
    assert str(tmp_path) in str(info.value) and ".tmp" not in str(info.value)
    assert target.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == [target.name]


def test_unwritable_path_names_it(tmp_path):
    net = build()
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="a_file") as info:
        export_recordings(net, str(blocker / "r.npz"))
    assert isinstance(info.value, OSError)
    with pytest.raises(ExportError, match="missing_folder"):
        export_recordings(net, str(tmp_path / "missing_folder" / "r.csv"))


def test_nothing_to_export_says_so(tmp_path):
    with pytest.raises(NoRecordingsError, match="no Recorder or EventRecorder"):
        export_recordings(build(record=False), str(tmp_path / "r.npz"))
    with pytest.raises(NoRecordingsError, match="recorded nothing yet"):
        export_recordings(build(iterations=0), str(tmp_path / "r.npz"))
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        write_recordings(snapshot_recordings(build()), str(tmp_path / "r.xlsx"))
    assert os.listdir(tmp_path) == []


def test_snapshot_is_a_copy_with_sample_iterations():
    net = build(iterations=10)
    recs = snapshot_recordings(net)
    rec = recs.recordings[0]
    assert (recs.iteration, recs.dt, rec.prefix, rec.step) == (10, 0.001, "g.rec", 1)
    assert np.array_equal(rec.sample_iterations("voltage", recs.iteration), np.arange(1, 11))
    before = rec.data["voltage"].copy()
    net.simulate_iteration()
    assert np.array_equal(rec.data["voltage"], before, equal_nan=True) and len(before) == 10


def test_recordings_nbytes_counts_preallocated_buffers():
    net = build(size=100, iterations=0)
    assert recordings_nbytes(net) == 0
    for behavior in net.g.behavior.values():
        if isinstance(behavior, Recorder) and not isinstance(behavior, EventRecorder):
            behavior.reserve(5000)
    net.simulate_iteration()
    # voltage: 5001 rows x 100 float32, the mean: 5001 float32, spike: 5001 x 100 bool
    series = 5001 * 100 * 4 + 5001 * 4 + 5001 * 100
    events = 1024 * 2 * np.dtype(int).itemsize  # the event table's first block
    assert recordings_nbytes(net) == series + events
