"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI`` package: the star names of the modules it imports."""

import PymoNNto.Exploration.Network_UI.Basic_Tabs as _basic_tabs
import PymoNNto.Exploration.Network_UI.Network_UI as _network_ui
from PymoNNto._shim import export as _export

_export(globals(), _network_ui, _basic_tabs)
