"""File → Save state / Save state as… / Load state…: save → load gives every array back; a file of
another network is explained and loaded in part only when the user agrees; an unwritable path or a
broken file says so and changes nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6.QtGui import QKeySequence

from engine.io.files import network_owners
from engine.model.introspection import array_attributes
from studio.workbench import prompts


def arrays(net):
    """Every array of the network, its groups, synapse groups and behaviors, and every recording."""
    out = {}
    for oid, obj, _name in network_owners(net):
        for name, value in array_attributes(obj):
            out[f"{oid}.{name}"] = value.copy()
        if hasattr(obj, "get_state") and hasattr(obj, "variables"):
            for var, data in obj.get_state().items():
                out[f"{oid}.rec.{var}"] = np.array(data, copy=True)
    return out


def assert_same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        assert np.array_equal(a[key], b[key], equal_nan=a[key].dtype.kind in "fc"), key


def test_entries_are_in_the_file_menu_with_ctrl_s(make_window):
    w = make_window()
    texts = [a.text() for a in w.menuBar().actions()[0].menu().actions()]
    for entry in ("&Save state", "Save state &as…", "&Load state…", "E&xport recordings…", "Export &figure"):
        assert entry in texts
    assert w.workbench.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)


def test_save_then_load_restores_every_array(make_window, tmp_path, monkeypatch):
    w = make_window()
    w.bridge.step(30)
    saved = arrays(w.bridge.network)
    assert len(saved) > 5 and saved["ng0.voltage"].shape == (100,)
    path = tmp_path / "seed.state.npz"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: (str(tmp_path / "seed.state"), ""))
    w.workbench.save_as_action.trigger()  # no extension given: .npz is added
    assert w.workbench.state.path == str(path) and path.is_file()
    w.bridge.step(20)
    assert not np.array_equal(arrays(w.bridge.network)["ng0.voltage"], saved["ng0.voltage"])
    monkeypatch.setattr(prompts, "ask_open_path", lambda *a: str(path))
    w.workbench.load_action.trigger()
    assert w.bridge.iteration == 30
    assert_same(arrays(w.bridge.network), saved)
    kinds = [(e.kind, e.source) for e in w.bridge.runner.events if e.kind in ("save_state", "load_state")]
    assert kinds == [("save_state", "menu"), ("load_state", "menu")]
    w.bridge.step(5)
    w.workbench.save_action.trigger()  # Ctrl+S: the same file again, no question
    assert w.bridge.runner.events[-1].kind == "save_state" and w.bridge.runner.events[-1].new == 35


def test_unwritable_path_warns_and_keeps_the_old_file(make_window, tmp_path, no_modal_dialogs):
    w = make_window()
    w.bridge.step(3)
    blocker = tmp_path / "a_file"
    blocker.write_text("keep")
    assert not w.workbench.state.save_to(str(blocker / "state.npz"))
    title, text = no_modal_dialogs[-1]
    assert title == "Cannot save state" and "a_file" in text and "intact" in text
    assert blocker.read_text() == "keep" and w.workbench.state.path is None


def test_broken_file_warns_and_leaves_the_network(make_window, tmp_path, no_modal_dialogs):
    w = make_window()
    w.bridge.step(4)
    before = arrays(w.bridge.network)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    assert not w.workbench.state.load_from(str(bad))
    assert no_modal_dialogs[-1][0] == "Cannot load state" and "bad.npz" in no_modal_dialogs[-1][1]
    assert_same(arrays(w.bridge.network), before)


@pytest.mark.parametrize("agree", [False, True])
def test_state_of_another_network_asks_first(
    make_window, write_script, tmp_path, monkeypatch, no_modal_dialogs, agree
):
    w = make_window()
    w.bridge.step(10)
    path = tmp_path / "seed.npz"
    assert w.workbench.state.save_to(str(path))
    other = write_script(
        "other.py",
        "from PymoNNto import *\n"
        "net = Network()\n"
        "NeuronGroup(net=net, tag='my_neurons', size=100, behavior={1: Recorder(['np.mean(voltage)'])})\n"
        "NeuronGroup(net=net, tag='extra', size=5)\n"
        "net.initialize()\n",
    )
    assert w.load_script(other)
    before = arrays(w.bridge.network)
    asked = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *a, **k: asked.append(k.get("details", "")) or agree)
    assert w.workbench.state.load_from(str(path)) is agree
    assert len(asked) == 1 and "extra" in asked[0]
    if not agree:
        assert_same(arrays(w.bridge.network), before)
        assert w.bridge.iteration == 0
    else:
        assert w.bridge.iteration == 10
        assert no_modal_dialogs[-1][0] == "State loaded in part"
