"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.example_master`` module: the star names of the
modules it imports.
"""

import PymoNNto.Exploration.Evolution.Evolution as _evolution
from PymoNNto._shim import export as _export

_export(globals(), _evolution)
