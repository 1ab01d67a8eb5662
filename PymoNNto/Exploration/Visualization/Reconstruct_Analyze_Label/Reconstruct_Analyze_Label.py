"""PymoNNto 3.0.6's
``PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label.Reconstruct_Analyze_Label`` module:
Reconstruct_Analyze_Label_Network from :mod:`engine.compat.pymonnto_names`.
"""

from collections import Counter

import numpy as np

import PymoNNto.NetworkCore.Network as _network
from engine.compat.pymonnto_names import Reconstruct_Analyze_Label_Network
from PymoNNto._shim import export as _export

_export(globals(), _network, lazy=("plt", "sp"))
