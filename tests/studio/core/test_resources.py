"""The default script and the built-in copy of the seed both load (Qt-free studio core)."""

from __future__ import annotations

from studio.core import resources
from studio.core.script_loading import load_network_script


def test_default_script_and_builtin_copy():
    assert resources.default_script().is_file()
    loaded = load_network_script(resources.builtin_seed_script())
    assert loaded.network.my_neurons.size == 100
