"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.example_slave_2`` module: the names it imports.

In PymoNNto this is an example script: importing it builds and runs a network, opens a plot window
and writes a StorageManager folder, leaving ``My_Network``, ``My_Neurons``, ``My_Synapses``, ``sm``
and ``score`` behind. Here importing it runs nothing, so those five script variables do not exist;
write the script yourself from PymoNNto's example to run it.
"""

import numpy as np

import PymoNNto as _pymonnto
import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto, _interface_functions, lazy=("plt",))
