"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Breed_And_Selection_Module`` module: placeholders
for what mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import random

import numpy as np

import PymoNNto.Exploration.Evolution.Evolution_Individual as _evolution_individual
import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    classes="Default_Breed_And_Select",
)

_export(globals(), _interface_functions, _evolution_individual)
