"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Evolution_UI`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.Evolution.common_UI as _common_ui
import PymoNNto.Exploration.Evolution.communication as _communication
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="except_hook",
)

_export(globals(), _common_ui, _communication, lazy=("Tk",))
