"""AnalysisModule: attached to groups, found by tag, results stored per key, progress reported.

Reference values (``tests/data/pymonnto_3_0_6_helpers.json``) were computed once with PymoNNto 3.0.6
on the same 5x6 group, with ``v`` as ``v_after_write`` there (sum 348).
"""

import json

import numpy as np
import pytest

from engine import Network, NeuronGroup, SynapseGroup, get_squared_dim
from engine.model.analysis_module import AnalysisModule
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


class MyAnalysis(AnalysisModule):
    def initialize(self, neurons):
        self.add_tag("stats")

    def execute(self, neurons, scale=2, offset=0):
        return float(np.sum(neurons.v) * scale + offset)


class Silent(AnalysisModule):
    pass


def _group():
    net = Network()
    group = NeuronGroup(net=net, tag="A", size=get_squared_dim(30))
    group.v = np.arange(30.0)
    return net, group


def test_results_are_stored_under_the_reference_keys():
    net, group = _group()
    group.v = np.array(REF["v_after_write"])
    module = MyAnalysis(group, p=3, q="x")
    assert module.execution_arguments == REF["am_execution_arguments"]
    assert module(scale=3) == REF["am_result"] == 1044.0
    assert list(module.get_results()) == REF["am_keys"]
    assert module.exec() == 696.0  # 348 * 2
    assert list(module.get_results()) == REF["am_keys_2"]
    assert module.last_call_result() == module.result() == 696.0
    assert module.current_key == "MyAnalysis(3, x)"


def test_found_by_tag_like_a_behavior():
    net, group = _group()
    module = MyAnalysis(group)
    assert [group["stats", 0] is module, group["MyAnalysis", 0] is module, net["stats", 0] is module] == REF[
        "am_found"
    ]
    assert group.MyAnalysis is module and net.MyAnalysis is module
    assert group.has_module("stats") and not group.has_module("nothing_like_this")
    assert group.analysis_modules == [module] and module.parent is group


def test_attach_later_and_on_synapse_groups():
    net, group = _group()
    sg = SynapseGroup(net=net, src=group, dst=group, tag="EE")
    module = MyAnalysis(tag="late,extra")
    with pytest.raises(RuntimeError, match="not attached"):
        module()
    assert sg.add_analysis_module(module) is module
    assert sg["extra", 0] is module and net["late", 0] is module and sg.MyAnalysis is module
    sg.v = np.ones(3)
    assert module(scale=1) == 3.0
    with pytest.raises(TypeError, match="parentheses"):
        group.add_analysis_module(MyAnalysis)
    with pytest.raises(TypeError, match="cannot attach"):
        MyAnalysis(parent=object())


def test_progress_notifications_and_result_management():
    net, group = _group()
    module = MyAnalysis(group)
    progress, notified = [], []
    module.add_progress_update_function(progress.append)
    module.set_update_notifier(notified.append)
    module(offset=1)
    assert progress == [0, 100]
    key = "MyAnalysis() {'offset': 1}"
    assert notified == [key] and module.get_results() == {key: 871.0}
    module.save_results = False
    module(offset=2)
    assert list(module.get_results()) == [key]  # not kept while saving is off
    module.save_results = True
    assert module.remove_result(key) == 871.0 and module.get_results() == {}
    assert module.remove_result("missing") is None
    module.remove_update_notifier(notified.append)
    module(offset=5)
    module.clear_results()
    assert module.get_results() == {} and notified[-1] is None  # the removal, before unsubscribing
    assert MyAnalysis(group).is_executable() and not Silent(group).is_executable()
    assert Silent(group)() is None and Silent(group).get_results() == {}


def test_all_results_by_tag():
    net, group = _group()
    first, second = MyAnalysis(group), MyAnalysis(group, tag="b")
    first(scale=1)
    second(scale=0)
    results, modules = group.get_all_analysis_module_results("stats", return_modules=True)
    assert results == {"MyAnalysis() {'scale': 1}": 435.0, "MyAnalysis(b) {'scale': 0}": 0.0}
    assert modules["MyAnalysis(b) {'scale': 0}"] is second
    assert group.get_all_analysis_module_results("no_tag") == {}


def test_a_module_on_the_network_itself_is_found_by_tag_and_collects_results():
    from engine import Network, NeuronGroup
    from engine.model.analysis_module import AnalysisModule

    class GroupCount(AnalysisModule):
        def execute(self, net, **kwargs):
            return len(net.NeuronGroups)

    net = Network()
    NeuronGroup(net=net, tag="a", size=2)
    NeuronGroup(net=net, tag="b", size=3)
    module = net.add_analysis_module(GroupCount(tag="counter"))
    net.initialize(info=False)
    assert net["counter", 0] is module
    assert module() == 2
    assert list(net.get_all_analysis_module_results("counter").values()) == [2]
