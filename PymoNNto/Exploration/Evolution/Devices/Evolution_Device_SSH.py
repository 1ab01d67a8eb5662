"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Devices.Evolution_Device_SSH`` module: placeholders
for what mnn-studio does not provide (SSH in :mod:`PymoNNto._why`).
"""

import sys

import PymoNNto.Exploration.Evolution.Devices.Evolution_Device_Multi_Thread as _evolution_device_multi_thread
import PymoNNto.Exploration.Evolution.SSH_Functions as _ssh_functions
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import SSH as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="ssh_thread_worker",
    classes="Evolution_Device_SSH",
)

_export(globals(), _evolution_device_multi_thread, _ssh_functions)
