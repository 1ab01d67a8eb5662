"""PymoNNto 3.0.6's ``PymoNNto.Exploration.StorageManager.Storage_Manager_Dir_Select_Dialog`` module:
placeholders for what mnn-studio does not provide (UI in :mod:`PymoNNto._why`).
"""

import sys

import PymoNNto
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="Storage_Manager_Dir_Select_Dialog",
)

_export(globals(), _storagemanager, lazy=("QtCore",))
