"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Devices.Evolution_Device_Multi_Thread`` module:
placeholders for what mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import sys
import traceback
from multiprocessing import Pipe, Process

import numpy as np

import PymoNNto.Exploration.Evolution.Devices.Evolution_Device as _evolution_device
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="local_thread_worker",
    classes="Evolution_Device_Multi_Thread",
)

_export(globals(), _evolution_device)
