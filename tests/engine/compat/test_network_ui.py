"""PymoNNto.Exploration.Network_UI outside build mode: it opens the studio, or says why it cannot.

A script that ends in ``Network_UI(...).show()`` loaded in build mode: tests/engine/io/test_scripts.py.
"""

import sys
import types

import pytest

from engine import Network


def test_network_ui_outside_build_mode_opens_the_studio(monkeypatch):
    from PymoNNto.Exploration.Network_UI import Network_UI

    calls = []
    fake = types.ModuleType("studio.app")
    fake.show_network = lambda net, title=None, ui_options=None: calls.append((net, title, ui_options))
    monkeypatch.setitem(sys.modules, "studio.app", fake)
    net = Network()
    ui = Network_UI(net, title="Hello", modules={"a": "tab"}, group_display_count=1)
    assert ui.show() is ui
    assert calls == [(net, "Hello", {"modules": ["tab"], "group_display_count": 1})]


def test_network_ui_without_studio_says_so(monkeypatch):
    from PymoNNto.Exploration.Network_UI import Network_UI

    monkeypatch.setitem(sys.modules, "studio.app", None)  # import fails
    with pytest.raises(ImportError, match="studio cannot be imported"):
        Network_UI(Network()).show()
    with pytest.raises(TypeError):
        Network_UI(None)
