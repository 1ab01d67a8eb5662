"""Issue 17, state files: a non-strict load from a network of another size restores only what fits;
a recorded variable whose shape changed never blocks saving; stale temp files of killed saves go."""

import os
import subprocess
import sys
import time
import warnings

import numpy as np
import pytest

from engine import Behavior, Network, NeuronGroup, Recorder, SynapseGroup, afferent
from engine.exceptions import RecordingShapeWarning, StateSkippedWarning
from engine.io import files
from engine.io.state import load_state, save_state


class Leaky(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector("uniform")
        neurons.spike = neurons.voltage > 0.5
        self.decay = 0.9

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > 0.5
        neurons.voltage[neurons.spike] = 0.0
        neurons.voltage *= self.decay
        neurons.voltage += neurons.vector("uniform", density=0.1)


class Input(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size


def seed_like(size, dtype=np.float32):
    np.random.seed(3)
    net = Network(settings={"dtype": dtype})
    g = NeuronGroup(net=net, tag="g", size=size, behavior={1: Leaky(), 2: Input(), 9: Recorder("voltage")})
    SynapseGroup(net=net, src=g, dst=g, tag="GLUTAMATE")
    net.initialize(info=False)
    return net


# ---------------------------------------------------------------------- 1. non-strict, another size
def test_load_state_strict_false_from_120_neurons_into_100_never_installs_the_120x120_W(tmp_path):
    big = seed_like(120)
    big.simulate_iterations(5, measure_block_time=False)
    save_state(big, str(tmp_path / "big.npz"))
    small = seed_like(100)
    w_before = small.GLUTAMATE.W.copy()
    with pytest.warns(StateSkippedWarning) as caught:
        report = load_state(small, str(tmp_path / "big.npz"), strict=False)
    text = str(caught[0].message)
    assert "GLUTAMATE.W (float32[120, 120] in the file, float32[100, 100] in the network)" in text
    assert any(item.startswith("GLUTAMATE.W (float32[120, 120]") for item in report.skipped)
    assert small.GLUTAMATE.W.shape == (100, 100)
    np.testing.assert_array_equal(small.GLUTAMATE.W, w_before)
    assert small.iteration == 5  # what fits (the network's counter) was restored
    small.simulate_iterations(3, measure_block_time=False)  # and the network still runs
    assert small.iteration == 8 and len(small["voltage", 0]) == 3


def test_load_state_strict_false_restores_castable_arrays_in_place_and_skips_other_kinds(tmp_path):
    class Holder(Behavior):
        def initialize(self, neurons):
            self.table = np.arange(6, dtype=np.float64)
            self.flags = np.zeros(4, dtype=bool)

    def make(table_dtype, flag_dtype):
        net = Network()
        NeuronGroup(net=net, tag="h", size=4, behavior={1: Holder()})
        net.initialize(info=False)
        holder = net.h.Holder
        holder.table = np.arange(6, dtype=table_dtype) * 2
        holder.flags = np.ones(4, dtype=flag_dtype)
        return net, holder

    source, _ = make(np.float64, np.float64)
    save_state(source, str(tmp_path / "s.npz"))
    target, holder = make(np.float32, bool)
    table_ref = holder.table
    with pytest.warns(StateSkippedWarning, match=r"h\.Holder\.flags \(float64\[4\] in the file, bool\[4\]"):
        report = load_state(target, str(tmp_path / "s.npz"), strict=False)
    assert holder.table is table_ref and holder.table.dtype == np.float32  # in place, cast
    np.testing.assert_array_equal(holder.table, np.arange(6) * 2)
    assert holder.flags.dtype == bool and holder.flags.all()  # skipped: left as it was
    assert [s for s in report.skipped if "flags" in s]


def test_strict_load_of_the_same_network_warns_nothing(tmp_path):
    net = seed_like(50)
    net.simulate_iterations(4, measure_block_time=False)
    save_state(net, str(tmp_path / "same.npz"))
    other = seed_like(50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = load_state(other, str(tmp_path / "same.npz"), strict=False)
    assert report.skipped == [] and other.iteration == 4


# ----------------------------------------------------------------- 2. shape change never blocks save
class Morph(Behavior):
    """rate: 10 values, then 20, then (2, 3), then a float."""

    def iteration(self, neurons):
        it = neurons.iteration
        neurons.rate = (
            np.full(10, it, float)
            if it <= 2
            else np.full(20, it, float)
            if it <= 4
            else np.full((2, 3), it, float)
            if it <= 5
            else float(it)
        )


def morphing_net():
    net = Network()
    NeuronGroup(
        net=net,
        tag="g",
        size=3,
        behavior={1: Leaky(), 2: Morph(), 9: Recorder(["rate", "voltage"], tag="rec")},
    )
    net.initialize(info=False)
    net.g.rate = np.zeros(10)
    return net


def test_save_state_with_rate_that_changed_shape_saves_everything_and_loads_it_back(tmp_path):
    net = morphing_net()
    with pytest.warns(RecordingShapeWarning):
        net.simulate_iterations(7, measure_block_time=False)
    report = save_state(net, str(tmp_path / "m.npz"))
    assert not [s for s in report.skipped if "rate" in s]
    other = morphing_net()
    load_state(other, str(tmp_path / "m.npz"))
    rec, back = net["rec", 0], other["rec", 0]
    assert [p.shape for p in back.segments("rate")] == [(2, 10), (2, 20), (1, 2, 3), (2,)]
    for a, b in zip(rec.segments("rate"), back.segments("rate")):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(other["voltage", 0, "np"], net["voltage", 0, "np"])


# ------------------------------------------------------------------- 7. stale temp files of a killed save
def test_save_killed_mid_write_leaves_tmp_that_the_next_save_removes(tmp_path):
    target = tmp_path / "state.npz"
    killer = (
        "import os, sys; sys.path.insert(0, sys.argv[1]); from engine.io.files import atomic_write\n"
        "def writer(fh):\n    fh.write(b'x' * 1000); fh.flush(); os._exit(9)\n"
        "atomic_write(sys.argv[2], writer)\n"
    )
    done = subprocess.run([sys.executable, "-c", killer, os.getcwd(), str(target)], timeout=60)
    assert done.returncode == 9
    left = [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(".state.npz.")  # the killed writer's leftover
    save_state(seed_like(10), str(target))
    assert sorted(os.listdir(tmp_path)) == ["state.npz"]


def test_stale_rule_old_names_by_age_live_writers_and_other_targets_kept(tmp_path):
    target = str(tmp_path / "state.npz")
    now = time.time()

    def touch(name, age=0.0):
        path = tmp_path / name
        path.write_bytes(b"partial")
        os.utime(path, (now - age, now - age))
        return name

    old_style_old = touch(".state.npz.abcd1234.tmp", age=files.STALE_TEMP_AGE_S + 10)
    old_style_new = touch(".state.npz.efgh5678.tmp", age=5)
    live = touch(f".state.npz.{os.getppid()}@{files._HOST}.ijkl9012.tmp")  # a running writer
    foreign = touch(".state.npz.99999@00000000.mnop3456.tmp", age=60)  # another machine, fresh
    other_target = touch(".state.npz.bak.qrst7890.tmp", age=files.STALE_TEMP_AGE_S + 10)
    unrelated = touch("notes.tmp", age=files.STALE_TEMP_AGE_S + 10)
    removed = files.remove_stale_temp_files(target, now=now)
    assert [os.path.basename(p) for p in removed] == [old_style_old]
    assert sorted(os.listdir(tmp_path)) == sorted([old_style_new, live, foreign, other_target, unrelated])


def test_save_into_a_missing_folder_or_onto_a_folder_names_the_path(tmp_path):
    net = seed_like(10)
    with pytest.raises(FileNotFoundError, match="the folder .*nowhere does not exist"):
        save_state(net, str(tmp_path / "nowhere" / "s.npz"))
    with pytest.raises(IsADirectoryError, match="it is a folder"):
        save_state(net, str(tmp_path))
    assert os.listdir(tmp_path) == []
