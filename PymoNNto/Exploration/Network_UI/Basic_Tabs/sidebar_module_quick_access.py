"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.sidebar_module_quick_access`` module:
the light tab classes sidebar_module_quick_access (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_module_quick_access

_export(globals(), _tabbase)
