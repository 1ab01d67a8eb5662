"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.module_visualizer_tab`` module: the
light tab classes module_visualizer_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.Visualization.Module_visualizer as _module_visualizer
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import module_visualizer_tab

_export(globals(), _tabbase, _module_visualizer)
