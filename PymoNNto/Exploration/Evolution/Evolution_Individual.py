"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Evolution_Individual`` module: placeholders for
what mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="find_individual",
    classes="Evolution_individual",
)
