"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Advanced_Tabs.buffer_tab`` module: the light tab
classes buffer_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import buffer_tab

_export(globals(), _tabbase)
