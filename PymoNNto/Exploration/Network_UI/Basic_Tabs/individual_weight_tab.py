"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.individual_weight_tab`` module: the
light tab classes individual_weight_tab (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import individual_weight_tab

_export(globals(), _tabbase, _recorder)
