"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.genome_exchange_com`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import ast

import PymoNNto.Exploration.Evolution.communication as _communication
import PymoNNto.Exploration.Evolution.Evolution_Individual as _evolution_individual
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    classes="Genome_Exchanger_Socket",
)

_export(globals(), _communication, _evolution_individual)
