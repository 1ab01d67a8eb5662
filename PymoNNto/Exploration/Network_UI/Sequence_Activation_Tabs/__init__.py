"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Sequence_Activation_Tabs`` package.

The studio has its own views, so PymoNNto's default tab list is empty here (tabs that a
script builds are accepted by ``Network_UI`` and kept in its ``modules``).
"""

from typing import Any as _Any

from PymoNNto._shim import export as _export

from . import character_activation_tab as _character_activation_tab
from . import reconstruction_tab as _reconstruction_tab
from . import sidebar_drumbeat_module as _sidebar_drumbeat_module
from . import sidebar_grammar_module as _sidebar_grammar_module
from . import sidebar_image_module as _sidebar_image_module
from . import sidebar_music_module as _sidebar_music_module
from . import sun_gravity_plot_tab as _sun_gravity_plot_tab


def get_my_default_UI_modules(*args: _Any, **kwargs: _Any) -> list[_Any]:
    """PymoNNto's sequence activation tabs tab list; empty: the studio shows its own views."""
    return []


_export(
    globals(),
    _sidebar_grammar_module,
    _sidebar_image_module,
    _reconstruction_tab,
    _sidebar_music_module,
    _sidebar_drumbeat_module,
    _sun_gravity_plot_tab,
    _character_activation_tab,
)
