"""The checks of PymoNNto 3.0.6's own test suite (test_pymoNNto.py), written anew for this engine.

Every assertion of its four active tests (basics, behaviors and tagging, StorageManager, adding and
removing behaviors) has an equivalent here, built the same way (tags given as strings, attribute
shortcuts, the genome, a StorageManager handed to ``initialize``); a few checks go further (whole
arrays instead of their first element). Its UI and evolution tests are commented out upstream.
"""

import os

import numpy as np
import pytest

from engine import (
    Network,
    NeuronGroup,
    Recorder,
    StorageManager,
    StorageManagerGroup,
    SynapseGroup,
    afferent,
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


def sample_network(as_list: bool):
    """Their sample: a counting group recorded every step, recurrent GLUTAMATE synapses, a store."""
    net = Network()
    behaviors = [Counter(inc="[2#I]"), Recorder("count")]
    group = NeuronGroup(
        net=net,
        tag="my_neurons",
        size=100,
        behavior=behaviors if as_list else dict(zip([1, 2], behaviors)),
    )
    synapses = SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    store = StorageManager("test", random_nr=False, print_msg=False)
    net.initialize(storage_manager=store)
    return net, group, synapses, store


# ------------------------------------------------------------------------------------------ basics
def test_basics():
    net = Network()
    NeuronGroup(net=net, tag="neurons", size=100, behavior={})
    NeuronGroup(net=net, tag="neurons2", size=50, behavior={})
    SynapseGroup(net=net, tag="syn", src="neurons", dst="neurons2", behavior={})
    net.initialize()

    neurons, syn = net.neurons, net.syn  # tag shortcuts
    assert syn.src is neurons and syn.dst is net.neurons2
    zero, one, m10 = neurons.vector(), neurons.vector(1), neurons.vector(-10)
    assert len(zero) == 100 and np.all(zero == 0)
    assert len(one) == 100 and np.all(one == 1)
    assert len(m10) == 100 and np.all(m10 == -10)
    as_bool, as_int = neurons.vector(bool), neurons.vector(int)
    assert as_bool.dtype == bool and not as_bool.any()
    assert as_int.dtype == int and np.all(as_int == 0)
    for mode in ("uniform", "random"):
        v = neurons.vector(mode)
        assert len(v) == 100 and v.min() >= 0 and v.max() <= 1 and v.std() > 0
    assert len(neurons.vector("lognormal(mean=1, sigma=1)")) == 100
    assert len(neurons.vector("normal(loc=1,scale=1)")) == 100

    assert np.all(syn.matrix() == 0) and syn.matrix().shape == (50, 100)
    assert np.all(syn.matrix(1) == 1) and np.all(syn.matrix(-10) == -10)
    assert syn.matrix(bool).dtype == bool and not syn.matrix(bool).any()
    assert syn.matrix(int).dtype == int and np.all(syn.matrix(int) == 0)
    for mode in ("uniform", "random"):
        m = syn.matrix(mode)
        assert m.shape == (50, 100) and m.min() >= 0 and m.max() <= 1
    for mode in ("lognormal(mean=1, sigma=1)", "normal(loc=1,scale=1)"):
        assert syn.matrix(mode).shape == (50, 100)


# ------------------------------------------------------------------------------------------ tagging
@pytest.mark.parametrize("as_list", [False, True], ids=["dict", "list"])
def test_behavior_and_tagging(as_list, isolated):
    set_genome({"I": 1})
    net, group, synapses, _store = sample_network(as_list)
    net.simulate_iterations(1000)
    net.deactivate_behaviors("Counter")
    net.simulate_iterations(10)
    net.activate_behaviors("Counter")
    net.simulate_iterations(20)
    net.recording_off()
    net.simulate_iterations(30)

    assert net.iteration == 1000 + 10 + 20 + 30
    assert np.mean(group.count) == 1000 + 20 + 30  # the 10 deactivated steps did not count
    assert synapses.src == group and synapses.dst == group
    assert group.synapses(afferent, "GLUTAMATE") == [synapses]
    assert len(net.all_objects()) == 3

    assert net["my_neurons"] == [group]
    assert len(net["count", 0]) == net.iteration - 30  # nothing recorded after recording_off()
    net.clear_recorder()
    assert len(group["count", 0]) == 0
    assert net.tag_shortcuts["my_neurons"] == net["my_neurons"]
    assert (isolated / "Data" / "StorageManager" / "test" / "test").is_dir()


def test_the_genome_value_reaches_the_behavior():
    set_genome({"I": 3})
    net, group, _synapses, _store = sample_network(as_list=False)
    net.simulate_iterations(4)
    assert np.all(group.count == 12)


# ------------------------------------------------------------------------------------------ StorageManager
def test_storage_manager():
    store = StorageManager("test", print_msg=False)
    assert os.path.isfile("Data/StorageManager/test/test/config.ini")  # relative, as they check it
    store.save_param("k", 0)
    assert store.load_param("k") == 0
    store.save_param_dict({"k1": 1, "k2": 2, "k3": 3})
    assert [store.load_param(k) for k in ("k1", "k2", "k3")] == [1, 2, 3]

    second = StorageManager("test", print_msg=False)
    second.save_param("k", 101)
    second.save_param("k1", 102)

    group = StorageManagerGroup("test")
    group.sort_by("k")
    assert group.get_param_list("k") == [0, 101]
    table = group.get_multi_param_list(["#SM#", "k", "k1"])
    assert table.shape == (3, 2)
    assert table[0, 0].load_param("k") == 0 and table[0, 1].load_param("k") == 101
    assert table[1, 0] == 0 and table[1, 1] == 101
    assert table[2, 0] == 1 and table[2, 1] == 102


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


def test_multi_param_list_leaves_out_runs_missing_a_parameter():
    StorageManager("test", print_msg=False).save_param_dict({"a": 1, "b": 2.5})
    StorageManager("test", print_msg=False).save_param("a", 3)  # no 'b'
    group = StorageManagerGroup("test")
    group.sort_by("a")
    table = group.get_multi_param_list(["a", "b"])
    assert table.dtype.kind == "f" and table.tolist() == [[1.0], [2.5]]
    full = group.get_multi_param_list(["a", "b"], remove_None=False)
    assert full.shape == (2, 2) and full[1, 1] is None and full[0].tolist() == [1, 3]


# ------------------------------------------------------------------------------------------ add / remove
def test_add_remove_behaviors():
    set_genome({"I": 1})
    net, group, _synapses, _store = sample_network(as_list=False)

    group.count *= 0
    group.remove_behavior("Counter")
    net.simulate_iterations(10)
    assert np.mean(group.count) == 0

    group.add_behavior(0.5, Counter(inc="2"), initialize=True)
    net.simulate_iterations(10)
    assert np.mean(group.count) == 2 * 10

    group.remove_behavior("Counter")
    group.add_behavior(4, Counter(inc="2"), initialize=False)
    assert np.mean(group.count) == 2 * 10  # not initialized: count kept


def test_add_remove_behaviors_without_a_store():
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
