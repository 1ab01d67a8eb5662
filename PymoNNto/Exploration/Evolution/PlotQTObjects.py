"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.PlotQTObjects`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import numpy as np

import PymoNNto.Exploration.Evolution.TxtHighlighter as _txthighlighter
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="get_words unique",
)

_export(globals(), _tabbase, _storagemanager, _txthighlighter, lazy=("QtCore", "pg", "copy_tree"))
