"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Sequence_Activation_Tabs.sun_gravity_plot_tab``
module: the light tab classes sun_gravity_plot_tab (no Qt); placeholders for what mnn-studio does not
provide (UI in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.Network_UI.Network_UI as _network_ui
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY
from PymoNNto.Exploration.Network_UI._tabs import sun_gravity_plot_tab

_not_provided(
    globals(),
    why=_WHY,
    functions="cart2pol pol2cart",
)

_export(globals(), _network_ui, _tabbase)
