"""engine.io.nwb: an NWB file read back with pynwb holds every spike time (units), every recorded value
(time series, NaN kept) and the network's structure and parameters; without pynwb the error says how
to install it; a failed write leaves the old file."""

from __future__ import annotations

import json
import os
import pathlib
import sys

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder, SynapseGroup
from engine.io.export import export_recordings
from engine.io.export_snapshot import ExportError, NoRecordingsError
from engine.io.nwb import PYNWB_MISSING, export_nwb

pynwb = pytest.importorskip("pynwb")


class Pulse(Behavior):
    def initialize(self, neurons):
        self.gain = self.parameter("gain", 0.25)
        neurons.voltage = neurons.vector()
        neurons.spike = neurons.vector() > 1
        self.t = 0

    def iteration(self, neurons):
        self.t += 1
        neurons.voltage[:] = np.arange(neurons.size) * self.gain + self.t
        if self.t % 5 == 0:
            neurons.voltage[1] = np.nan
        neurons.spike = (np.arange(neurons.size) % 4) == (self.t % 4)


def build(iterations=20, dt=0.001):
    net = Network(settings={"dt": dt} if dt else {})
    NeuronGroup(
        net=net,
        tag="g",
        size=6,
        behavior={
            1: Pulse(gain=0.5),
            9: Recorder(["voltage", "np.mean(voltage)", "voltage/2"], tag="rec"),
            10: EventRecorder("spike", tag="ev"),
        },
    )
    NeuronGroup(net=net, tag="quiet", size=3, behavior={1: Pulse(), 10: EventRecorder("voltage > 1e9")})
    SynapseGroup(net=net, src="g", dst="quiet", tag="GLU")
    net.initialize(info=False)
    for _ in range(iterations):
        net.simulate_iteration()
    return net


def read(path):
    io = pynwb.NWBHDF5IO(str(path), "r")
    return io, io.read()


def test_nwb_round_trip_units_series_and_structure(tmp_path):
    net = build()
    path = export_nwb(net, tmp_path / "r.nwb")
    assert path == pathlib.Path(tmp_path / "r.nwb") and os.listdir(tmp_path) == ["r.nwb"]
    io, f = read(path)
    try:
        units = f.units.to_dataframe()
        g = units[units["group"] == "g"]
        assert list(g["neuron"]) == list(range(6)) and len(units) == 6 + 3  # every neuron is a unit
        events = np.asarray(net["spike", 0])  # the EventRecorder's (t, i) rows
        for i in range(6):
            expected = events[events[:, 1] == i, 0] * 0.001
            assert np.array_equal(np.asarray(g["spike_times"].iloc[i]), expected)
        quiet = units[units["group"] == "quiet"]
        assert all(len(times) == 0 for times in quiet["spike_times"])
        voltage = f.acquisition["g.rec.voltage"]
        recorded = np.asarray(net["voltage", 0, "np"])
        assert np.array_equal(voltage.data[:], recorded, equal_nan=True) and np.isnan(voltage.data[4, 1])
        assert np.array_equal(voltage.timestamps[:], np.arange(1, 21) * 0.001)
        assert np.array_equal(
            f.acquisition["g.rec.np.mean(voltage)"].data[:],
            np.asarray(net["np.mean(voltage)", 0, "np"]),
            equal_nan=True,
        )
        assert "g.rec.voltage÷2" in f.acquisition
        network = f.processing["network"]
        groups = network["neuron_groups"].to_dataframe()
        assert list(groups["tag"]) == ["g", "quiet"] and list(groups["size"]) == [6, 3]
        synapses = network["synapse_groups"].to_dataframe()
        assert list(synapses[["tag", "src", "dst"]].iloc[0]) == ["GLU", "g", "quiet"]
        behaviors = network["behaviors"].to_dataframe()
        pulse = behaviors[(behaviors["owner"] == "g") & (behaviors["class"] == "Pulse")]
        assert json.loads(pulse["parameters"].iloc[0])["gain"] == 0.5
    finally:
        io.close()


def test_nwb_through_export_recordings_without_dt(tmp_path):
    net = build(iterations=8, dt=None)
    assert export_recordings(net, str(tmp_path / "r.nwb")) == [str(tmp_path / "r.nwb")]
    io, f = read(tmp_path / "r.nwb")
    try:
        assert "no dt" in f.notes
        assert np.array_equal(f.acquisition["g.rec.voltage"].timestamps[:], np.arange(1, 9.0))
    finally:
        io.close()


def test_nwb_bad_input(tmp_path, monkeypatch):
    empty = Network()
    NeuronGroup(net=empty, tag="e", size=2)
    empty.initialize(info=False)
    with pytest.raises(NoRecordingsError, match="no Recorder"):
        export_nwb(empty, tmp_path / "e.nwb")
    old = tmp_path / "old.nwb"
    old.write_bytes(b"keep me")
    with pytest.raises(ExportError, match="no_such_folder"):
        export_nwb(build(), tmp_path / "no_such_folder" / "r.nwb")
    monkeypatch.setitem(sys.modules, "pynwb", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"mnn-studio\[nwb\]") as info:
        export_nwb(build(), old)
    assert str(info.value) == PYNWB_MISSING
    assert old.read_bytes() == b"keep me" and sorted(os.listdir(tmp_path)) == ["old.nwb"]
