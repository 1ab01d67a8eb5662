"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.stability_tab`` module: the light tab
classes stability_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.Visualization.Analysis_Plots as _analysis_plots
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import stability_tab

_export(globals(), _tabbase, _analysis_plots)
