"""save_network / load_network: a pickled snapshot under Data/NetworkStates, code kept as marshal files."""

import os
import pickle

import numpy as np
import pytest

from engine import Network, NeuronGroup, SynapseGroup
from engine.compat.helper_functions.save_load import (
    add_compiled_code,
    clear_compiled_code,
    compile_class,
    load_network,
    save_network,
)
from tests.support.behaviors import Counter


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    (tmp_path / "Data").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path / "Data"


def _net():
    net = Network(tag="saved")
    group = NeuronGroup(net=net, tag="g", size=4, behavior={1: Counter(inc=2)})
    SynapseGroup(net=net, src=group, dst=group, tag="EE")
    net.initialize(info=False)
    net.simulate_iterations(3, measure_block_time=False)
    group.behavior[1].rule = compile("count * 2", "<rule>", "eval")
    group.helper_module = np  # a script's globals hold modules; they are stored by name
    return net, group


def test_save_and_load_round_trip(data_folder, capsys):
    net, group = _net()
    path = save_network(net, "first")
    assert path == os.path.join(str(data_folder), "NetworkStates", "first", "network.netstate")
    assert "networks saved as" in capsys.readouterr().out
    assert sorted(os.listdir(data_folder / "NetworkStates" / "first")) == [
        "__compile#1.bin",
        "network.netstate",
    ]
    assert isinstance(group.behavior[1].rule, compile_class)  # the network itself is unchanged
    loaded = load_network("first")
    again = loaded["g", 0]
    assert loaded.iteration == 3 and again.count.tolist() == [6, 6, 6, 6] and again.helper_module is np
    assert eval(again.behavior[1].rule, {"count": 5}) == 10
    loaded.simulate_iterations(2, measure_block_time=False)
    assert again.count.tolist() == [10] * 4 and group.count.tolist() == [6] * 4
    assert loaded.SynapseGroups[0].src is again


def test_compiled_code_swap_in_place(tmp_path):
    net, group = _net()
    holder = {"codes": [compile("1+1", "<a>", "eval")], "nested": {"c": compile("2", "<b>", "eval")}}
    group.behavior[1].holder = holder
    found = clear_compiled_code(net, compiled_path=str(tmp_path))
    assert sorted(found) == ["__compile#1.bin", "__compile#2.bin", "__compile#3.bin"]
    assert isinstance(holder["codes"][0], str) and isinstance(group.behavior[1].rule, str)
    pickle.dumps(holder)
    add_compiled_code(net, path=str(tmp_path))
    assert eval(holder["codes"][0]) == 2 and eval(holder["nested"]["c"]) == 2
    assert eval(group.behavior[1].rule, {"count": 1}) == 2


def test_bad_names_and_unpicklable_networks(data_folder):
    net, group = _net()
    with pytest.raises(ValueError, match="plain folder name"):
        save_network(net, "../escape")
    with pytest.raises(FileNotFoundError, match="no saved network 'never'"):
        load_network("never")

    class Local(Counter):  # defined in a function: pickle cannot find the class again
        pass

    group.add_behavior(2, Local())
    with pytest.raises(pickle.PicklingError, match="importable"):
        save_network(net, "broken")
    assert os.listdir(data_folder / "NetworkStates" / "broken") == []  # nothing half-written
