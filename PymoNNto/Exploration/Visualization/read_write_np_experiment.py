"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.read_write_np_experiment`` module.

In PymoNNto this is an experiment script that runs when imported and fails there too; importing it
raises ImportError saying why.
"""

from PymoNNto._unavailable import unavailable_module as _unavailable_module
from PymoNNto._why import SCRIPT as _WHY

raise _unavailable_module(__name__, _WHY)
