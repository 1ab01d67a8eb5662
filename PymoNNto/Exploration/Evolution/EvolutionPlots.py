"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.EvolutionPlots`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.Evolution.PlotQTObjects as _plotqtobjects
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="add_evolution_plot_items cart2pol pol2cart update_evolution_plot",
)

_export(globals(), _tabbase, _storagemanager, _plotqtobjects)
