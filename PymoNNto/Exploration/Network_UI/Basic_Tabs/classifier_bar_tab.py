"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.classifier_bar_tab`` module: the light
tab classes classifier_bar_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.Network_UI as _network_ui
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.Visualization.Visualization_Helper as _visualization_helper
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import classifier_bar_tab

_export(globals(), _tabbase, _visualization_helper, _network_ui)
