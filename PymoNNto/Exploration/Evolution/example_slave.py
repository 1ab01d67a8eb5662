"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.example_slave`` module: PymoNNto's example of an
evolution slave script. Like there, importing it reads the genes a, b, c and d (0 when unset) and
reports their sum with ``set_score`` (which prints it).
"""

import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
from PymoNNto._shim import export as _export

_export(globals(), _interface_functions)

score = sum(_interface_functions.get_gene(name, 0) for name in "abcd")
_interface_functions.set_score(score)
