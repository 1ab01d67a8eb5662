"""engine.io.state: save_state / load_state (exact round trip, atomic write, bad files leave the network
untouched) and export_recordings (npz, csv)."""

import csv
import os
import zipfile

import numpy as np
import pytest

from engine import Behavior, EventRecorder, Network, NeuronGroup, Recorder, SynapseGroup, afferent
from engine.io.export import export_recordings
from engine.io.state import (
    StateFileError,
    StateMismatchError,
    StateSkippedWarning,
    load_state,
    read_manifest,
    save_state,
)


class Basic_Behavior(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        neurons.counts = np.zeros(neurons.size, dtype=np.int64)
        self.threshold = 0.5
        self.steps = 0
        self.on = True
        self.phase = 1 + 2j
        self.gain = np.float32(1.5)
        self.history = np.zeros((3, neurons.size))
        self.label = "not numeric"

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0
        neurons.counts += neurons.spike
        neurons.voltage *= 0.9
        neurons.voltage += neurons.vector("uniform", density=0.05)
        self.steps += 1
        self.gain = np.float32(self.gain * 1.001)
        self.history = np.roll(self.history, 1, axis=0)
        self.history[0] = neurons.voltage


class Input_Behavior(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.3)
            self.W = synapse.W  # an alias: must stay the same array after loading

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size
            synapse.W *= 0.9999


def build(seed=1, size=40, extra_group=False):
    np.random.seed(seed)
    net = Network(settings={"dt": 0.001})
    g = NeuronGroup(
        net=net,
        tag="g",
        size=size,
        behavior={
            1: Basic_Behavior(),
            2: Input_Behavior(),
            9: Recorder(["voltage", "np.mean(voltage)"], tag="rec"),
            10: EventRecorder("spike", tag="ev"),
        },
    )
    SynapseGroup(net=net, src=g, dst=g, tag="GLUTAMATE")
    if extra_group:
        NeuronGroup(net=net, tag="other", size=5)
    net.initialize(info=False)
    return net


def snapshot(net):
    """Every numeric attribute of every object and behavior, plus the recordings (copies)."""
    out = {}
    for i, obj in enumerate(net.all_objects()):
        items = [(f"{i}", obj)] + [(f"{i}/{k}", b) for k, b in obj.behavior.items()]
        for prefix, o in items:
            for name, value in vars(o).items():
                if isinstance(value, (np.ndarray, np.generic)) and value.dtype.kind in "biufc":
                    out[f"{prefix}.{name}"] = (type(value), value.dtype, np.array(value, copy=True))
                elif type(value) in (bool, int, float, complex):
                    out[f"{prefix}.{name}"] = (type(value), None, value)
            if hasattr(o, "get_state"):
                for var, data in o.get_state().items():
                    out[f"{prefix}[{var}]"] = (np.ndarray, data.dtype, np.array(data, copy=True))
    return out


def assert_same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        ta, da, va = a[key]
        tb, db, vb = b[key]
        assert ta is tb and da == db, key
        if isinstance(va, np.ndarray):
            assert va.shape == vb.shape and va.tobytes() == vb.tobytes(), key  # bit for bit
        else:
            assert va == vb, key


def run(net, n):
    net.simulate_iterations(n, measure_block_time=False)


# ------------------------------------------------------------------------------------------ round trip
def test_save_load_round_trips_every_value_bit_for_bit(tmp_path):
    net = build()
    run(net, 100)
    saved = snapshot(net)
    report = save_state(net, str(tmp_path / "state.npz"))
    assert (
        report.iteration == 100
        and report.arrays > 5
        and report.bytes == os.path.getsize(tmp_path / "state.npz")
    )
    run(net, 50)
    expected_after = snapshot(net)

    fresh = build(seed=99)  # same script, other random numbers, iteration 0
    W_before = fresh.SynapseGroups[0].W
    rep = load_state(fresh, str(tmp_path / "state.npz"))
    assert_same(snapshot(fresh), saved)
    assert fresh.iteration == 100 and rep.iteration == 100 and rep.restored > 10
    assert fresh.SynapseGroups[0].W is W_before  # restored in place
    assert fresh.g.Input_Behavior.W is fresh.SynapseGroups[0].W  # sharing kept
    assert "g.spike" in rep.added  # created by the first iteration
    assert rep.changed == [] and rep.mismatches == [] and rep.skipped == []
    run(fresh, 50)  # the random state was restored too
    assert_same(snapshot(fresh), expected_after)


def test_loading_into_a_stepped_network_reports_what_the_file_lacks(tmp_path):
    net = build()
    save_state(net, str(tmp_path / "s.npz"))  # iteration 0: no 'spike' yet
    other = build()
    run(other, 10)
    rep = load_state(other, str(tmp_path / "s.npz"), restore_rng=False)
    assert "g.spike" in rep.not_in_file and not rep.ok
    assert other.iteration == 0 and np.all(other.g.voltage == 0)
    assert "restored" in str(rep) and "not in file" in str(rep)


def test_manifest_and_format(tmp_path):
    net = build()
    run(net, 5)
    save_state(net, str(tmp_path / "s.npz"), compress=True)
    manifest = read_manifest(str(tmp_path / "s.npz"))
    assert (
        manifest["format"] == "mnn-studio-state" and manifest["version"] == 1 and manifest["iteration"] == 5
    )
    assert [e["tag"] for e in manifest["structure"]] == ["Network", "g", "GLUTAMATE"]
    with np.load(tmp_path / "s.npz") as npz:  # an ordinary npz for numpy, too
        assert len(npz.files) >= 5


# ------------------------------------------------------------------------------------------ atomic write
def test_write_is_atomic(tmp_path, monkeypatch):
    net = build()
    path = tmp_path / "state.npz"
    save_state(net, str(path))
    good = path.read_bytes()
    run(net, 3)
    original = zipfile.ZipFile.writestr
    calls = []

    def failing(self, *args, **kw):
        calls.append(1)
        if len(calls) > 2:
            raise OSError("disk full")
        return original(self, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing)
    with pytest.raises(OSError, match="disk full"):
        save_state(net, str(path))
    assert path.read_bytes() == good and os.listdir(tmp_path) == ["state.npz"]


# ------------------------------------------------------------------------------------------ bad files
@pytest.fixture
def saved(tmp_path):
    net = build()
    run(net, 20)
    path = tmp_path / "state.npz"
    save_state(net, str(path))
    return path


def _check_untouched(net, before):
    assert_same(snapshot(net), before)


def test_truncated_file_is_rejected_and_the_network_untouched(saved, tmp_path):
    data = saved.read_bytes()
    net = build(seed=5)
    run(net, 7)
    before = snapshot(net)
    for cut in (len(data) // 2, len(data) - 30, 100):
        bad = tmp_path / f"cut{cut}.npz"
        bad.write_bytes(data[:cut])
        with pytest.raises(StateFileError, match="truncated or corrupt|not an mnn-studio"):
            load_state(net, str(bad))
        _check_untouched(net, before)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF  # corrupt an array's bytes (CRC check)
    (tmp_path / "flip.npz").write_bytes(bytes(flipped))
    with pytest.raises(StateFileError):
        load_state(net, str(tmp_path / "flip.npz"))
    _check_untouched(net, before)


def test_other_files_are_rejected(tmp_path):
    net = build()
    before = snapshot(net)
    np.savez(tmp_path / "plain.npz", a=np.zeros(3))
    (tmp_path / "text.npz").write_text("hello")
    for name, pattern in (
        ("plain.npz", "not an mnn-studio state file"),
        ("text.npz", "truncated or corrupt"),
        ("missing.npz", "no such state file"),
    ):
        with pytest.raises(StateFileError, match=pattern):
            load_state(net, str(tmp_path / name))
    with zipfile.ZipFile(tmp_path / "future.npz", "w") as zf:
        zf.writestr("manifest.json", '{"format": "mnn-studio-state", "version": 99, "entries": []}')
    with pytest.raises(StateFileError, match="newer"):
        load_state(net, str(tmp_path / "future.npz"))
    with zipfile.ZipFile(tmp_path / "malformed.npz", "w") as zf:
        zf.writestr(
            "manifest.json", '{"format": "mnn-studio-state", "version": 1, "entries": [], "structure": 3}'
        )
    with pytest.raises(StateFileError, match="malformed"):
        load_state(net, str(tmp_path / "malformed.npz"))
    _check_untouched(net, before)


def test_file_from_another_script_is_rejected(saved):
    other = build(size=30, extra_group=True)
    run(other, 3)
    before = snapshot(other)
    with pytest.raises(StateMismatchError) as info:
        load_state(other, str(saved))
    msg = str(info.value)
    assert "'g', 40 neurons" in msg and "'g', 30 neurons" in msg and "'other'" in msg
    _check_untouched(other, before)
    with pytest.warns(StateSkippedWarning, match="GLUTAMATE.W"):
        rep = load_state(other, str(saved), strict=False)
    assert rep.mismatches and other.iteration == 20  # the network object itself matched
    assert any(s.startswith("g.voltage ('g' differs") for s in rep.skipped)
    assert other.GLUTAMATE.W.shape == (30, 30)  # the 40x40 W of the file does not fit


def test_behavior_change_is_a_mismatch(saved):
    np.random.seed(1)
    net = Network(settings={"dt": 0.001})
    g = NeuronGroup(
        net=net, tag="g", size=40, behavior={1: Basic_Behavior(), 9: Recorder(["voltage"], tag="rec")}
    )
    SynapseGroup(net=net, src=g, dst=g, tag="GLUTAMATE")
    net.initialize(info=False)
    with pytest.raises(StateMismatchError, match="behaviors of 'g'"):
        load_state(net, str(saved))


# ------------------------------------------------------------------------------------------ runner
def test_runner_saves_and_loads_between_iterations(tmp_path, make_runner):
    net = build()
    runner = make_runner(net)
    runner.start()
    rep = runner.save_state(str(tmp_path / "live.npz"), source="menu")
    assert runner.pause()
    saved_at = rep.iteration
    report = runner.load_state(str(tmp_path / "live.npz"))
    assert net.iteration == saved_at and report.restored > 0
    kinds = [(e.kind, e.source, e.new) for e in runner.events]
    assert kinds == [("save_state", "menu", saved_at), ("load_state", "api", saved_at)]
    with pytest.raises(StateFileError):
        runner.load_state(str(tmp_path / "missing.npz"), source="console")
    assert runner.events[-1].kind == "load_state" and "no such state file" in runner.events[-1].error


# ------------------------------------------------------------------------------------------ export
def test_export_npz(tmp_path):
    net = build()
    run(net, 30)
    assert export_recordings(net, str(tmp_path / "rec.npz")) == [str(tmp_path / "rec.npz")]
    with np.load(tmp_path / "rec.npz") as data:
        assert set(data.files) == {"g.rec.voltage", "g.rec.np.mean(voltage)", "g.ev.spike"}
        assert np.array_equal(data["g.rec.voltage"], net["voltage", 0, "np"])
        assert data["g.rec.voltage"].shape == (30, 40)
        assert np.array_equal(data["g.ev.spike"], net["spike", 0])


def test_export_csv_one_column_per_neuron(tmp_path):
    net = build()
    run(net, 25)
    files = export_recordings(net, str(tmp_path / "rec.csv"))
    assert files == [str(tmp_path / "rec.g.rec.csv"), str(tmp_path / "rec.g.ev.csv")]
    with open(files[0], newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [f"voltage[{i}]" for i in range(40)] + ["np.mean(voltage)"]
    assert len(rows) == 1 + 25
    values = np.array([[float(x) for x in row] for row in rows[1:]])
    assert np.array_equal(values[:, :40].astype(np.float32), net["voltage", 0, "np"])
    assert np.array_equal(values[:, 40].astype(np.float32), net["np.mean(voltage)", 0, "np"])
    with open(files[1], newline="") as fh:
        events = list(csv.reader(fh))
    assert events[0] == ["spike.t", "spike.i"] and len(events) == 1 + len(net["spike", 0])


def test_export_single_recorder_and_errors(tmp_path):
    np.random.seed(0)
    net = Network()
    NeuronGroup(net=net, tag="n", size=3, behavior={1: Basic_Behavior(), 9: Recorder("voltage")})
    net.initialize(info=False)
    run(net, 4)
    assert export_recordings(net, str(tmp_path / "one.csv")) == [str(tmp_path / "one.csv")]
    with pytest.raises(ValueError, match="unknown export format"):
        export_recordings(net, str(tmp_path / "x.xlsx"))
    empty = Network()
    NeuronGroup(net=empty, tag="e", size=2)
    with pytest.raises(ValueError, match="no Recorder"):
        export_recordings(empty, str(tmp_path / "none.npz"))
