"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.sidebar_fast_forward_module`` module:
the light tab classes sidebar_fast_forward_module (no Qt).
"""

from functools import partial

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_fast_forward_module

_export(globals(), _tabbase)
