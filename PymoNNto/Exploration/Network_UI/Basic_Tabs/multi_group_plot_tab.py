"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.multi_group_plot_tab`` module: the
light tab classes multi_group_plot_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import multi_group_plot_tab

_export(globals(), _tabbase)
