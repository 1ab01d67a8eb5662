"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Sequence_Activation_Tabs.sidebar_image_module``
module: the light tab classes sidebar_image_module (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_image_module
from PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label import (
    Reconstruct_Analyze_Label as _reconstruct_analyze_label,
)

_export(globals(), _tabbase, _reconstruct_analyze_label)
