"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Single_Evolution_UI`` module: the star names of
the modules it imports.
"""

import PymoNNto.Exploration.Evolution.EvolutionPlots as _evolutionplots
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.Exploration.UI_Base as _ui_base
from PymoNNto._shim import export as _export

_export(globals(), _ui_base, _storagemanager, _evolutionplots)
