"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Evolution`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import os
import time

import PymoNNto.Exploration.Evolution.Breed_And_Selection_Module as _breed_and_selection_module
import PymoNNto.Exploration.Evolution.Devices.Evolution_Device_SSH as _evolution_device_ssh
import PymoNNto.Exploration.Evolution.Evolution_Individual as _evolution_individual
import PymoNNto.Exploration.Evolution.genome_exchange_com as _genome_exchange_com
import PymoNNto.Exploration.Evolution.Single_Evolution_UI as _single_evolution_ui
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY
from PymoNNto.Exploration.Evolution.Devices import (
    Evolution_Device_Single_Thread as _evolution_device_single_thread,
)

_not_provided(
    globals(),
    why=_WHY,
    classes="Evolution",
)

_export(
    globals(),
    _evolution_device_single_thread,
    _evolution_device_ssh,
    _breed_and_selection_module,
    _single_evolution_ui,
    _genome_exchange_com,
    _evolution_individual,
)
