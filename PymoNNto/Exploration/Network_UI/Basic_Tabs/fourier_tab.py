"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.fourier_tab`` module: the light tab
classes fourier_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import fourier_tab

_export(globals(), _tabbase, lazy=("scipy",))
