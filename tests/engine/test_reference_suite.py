"""The checks of PymoNNto's own test suite (API §14.1), written anew for this engine."""

import numpy as np
import pytest

from engine import (
    Network,
    NeuronGroup,
    Recorder,
    StorageManager,
    StorageManagerGroup,
    SynapseGroup,
    reset_genome,
    set_genome,
)
from tests.support.behaviors import Counter


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    (tmp_path / "Data").mkdir()  # the upward search for 'Data' must stop here, not in /tmp
    monkeypatch.chdir(tmp_path)
    reset_genome()
    yield tmp_path
    reset_genome()


def test_basics():
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=100)
    b = NeuronGroup(net=net, tag="b", size=50)
    sg = SynapseGroup(net=net, src=a, dst=b)
    assert a.vector().shape == (100,) and np.sum(a.vector()) == 0
    assert np.sum(a.vector(1)) == 100 and np.sum(a.vector(-10)) == -1000
    assert a.vector(bool).dtype == bool and a.vector(int).dtype == np.dtype(int)
    for mode in ("uniform", "random"):
        v = a.vector(mode)
        assert v.min() >= 0 and v.max() <= 1
    assert len(a.vector("lognormal(mean=1, sigma=1)")) == 100
    assert len(a.vector("normal(loc=1,scale=1)")) == 100
    for mode in ("zeros()", 1, "uniform", "normal(0,1)", "lognormal(mean=1, sigma=1)", bool, int):
        assert sg.matrix(mode).shape == (50, 100)


@pytest.mark.parametrize("as_list", [False, True])
def test_behavior_and_tagging(as_list, capsys):
    set_genome({"I": 1})
    net = Network()
    behaviors = (
        [Counter(inc="[2#I]"), Recorder("count")]
        if as_list
        else {1: Counter(inc="[2#I]"), 2: Recorder("count")}
    )
    group = NeuronGroup(net=net, tag="my_neurons", size=100, behavior=behaviors)
    sg = SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    net.initialize(storage_manager=StorageManager("test", random_nr=False, print_msg=False))
    net.simulate_iterations(1000, measure_block_time=False)
    net.deactivate_behaviors("Counter")
    net.simulate_iterations(10, measure_block_time=False)
    net.activate_behaviors("Counter")
    net.simulate_iterations(20, measure_block_time=False)
    net.recording_off()
    net.simulate_iterations(30, measure_block_time=False)
    assert net.iteration == 1060
    assert np.mean(group.count) == 1050
    assert len(net["count", 0]) == 1030
    assert group.synapses(0, "GLUTAMATE") == [sg]
    assert len(net.all_objects()) == 3
    assert net["my_neurons"] == [group]
    assert net.tag_shortcuts["my_neurons"] == net["my_neurons"]
    net.clear_recorder()
    assert len(net["count", 0]) == 0


def test_add_remove_behaviors():
    net = Network()
    group = NeuronGroup(net=net, tag="my_neurons", size=100, behavior={1: Counter(), 2: Recorder("count")})
    net.initialize(info=False)
    net.simulate_iterations(10, measure_block_time=False)
    group.remove_behavior("Counter")
    net.simulate_iterations(10, measure_block_time=False)
    assert np.mean(group.count) == 10
    group.add_behavior(0.5, Counter(inc="2"), initialize=True)
    net.simulate_iterations(10, measure_block_time=False)
    assert np.mean(group.count) == 20
    group.remove_behavior("Counter")
    group.add_behavior(4, Counter(inc="2"), initialize=False)
    assert np.mean(group.count) == 20


def test_storage_manager_folders_and_params(isolated):
    first = StorageManager("test", print_msg=False)
    second = StorageManager("test", print_msg=False)
    assert first.folder_name == "test" and second.folder_name == "test_0"
    first.save_param("k", 101)
    second.save_param("k", 0)
    first.save_param("ratio", "50%")
    first.save_np("arr", np.arange(3))
    assert first.load_param("ratio") == "50%" and first.load_np("arr").tolist() == [0, 1, 2]
    group = StorageManagerGroup("test")
    group.sort_by("k")
    assert group.get_param_list("k") == [0, 101]
    assert (isolated / "Data" / "StorageManager" / "test" / "test" / "config.ini").exists()
