"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.IteratorFunctions`` module:
infinite_resolution_1D, infinite_resolution_2D, infinite_resolution_3D from
:mod:`engine.compat.pymonnto_names`.
"""

import numpy as np

from engine.compat.pymonnto_names import (
    infinite_resolution_1D,
    infinite_resolution_2D,
    infinite_resolution_3D,
)
