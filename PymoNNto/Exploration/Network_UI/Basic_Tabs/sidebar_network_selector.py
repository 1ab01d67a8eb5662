"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.sidebar_network_selector`` module: the
light tab classes UI_sidebar_network_selector (no Qt).
"""

import PymoNNto.Exploration.Network_UI.Network_UI as _network_ui
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import UI_sidebar_network_selector

_export(globals(), _network_ui, _tabbase)
