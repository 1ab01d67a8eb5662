"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Execute_UI`` module: placeholders for what mnn-studio does
not provide (UI in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.Evolution.common_UI as _common_ui
import PymoNNto.Exploration.Evolution.PlotQTObjects as _plotqtobjects
import PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.syntax as _syntax
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="except_hook",
)

_export(globals(), _common_ui, _plotqtobjects, _syntax)
