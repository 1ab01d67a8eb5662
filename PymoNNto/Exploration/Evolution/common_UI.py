"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.common_UI`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import os
import shutil
from multiprocessing import Pipe, Process, Queue

import PymoNNto.Exploration.Evolution.EvolutionPlots as _evolutionplots
import PymoNNto.Exploration.Evolution.SSH_Functions as _ssh_functions
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.Exploration.UI_Base as _ui_base
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="copy_project evolution_thread_worker",
)

_export(globals(), _ui_base, _storagemanager, _ssh_functions, _evolutionplots)
