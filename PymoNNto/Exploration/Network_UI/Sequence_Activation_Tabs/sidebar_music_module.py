"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Sequence_Activation_Tabs.sidebar_music_module``
module: the light tab classes sidebar_music_module (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_music_module

_export(globals(), _tabbase)
