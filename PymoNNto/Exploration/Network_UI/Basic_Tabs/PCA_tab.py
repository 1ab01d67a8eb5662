"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.PCA_tab`` module: the light tab classes
PCA_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.PCA as _pca
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import PCA_tab

_export(globals(), _tabbase, _pca)
