"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Devices.Evolution_Device`` module: placeholders for
what mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import os
import sys

import PymoNNto as _pymonnto
import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    classes="Evolution_Device",
)

_export(globals(), _pymonnto, _interface_functions)
