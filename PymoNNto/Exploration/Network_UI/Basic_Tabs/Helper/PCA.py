"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.PCA`` module: placeholders for
what mnn-studio does not provide (PCA in :mod:`PymoNNto._why`).
"""

import numpy as np

from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import PCA as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="get_PCA get_activity_singular_values get_activity_singular_values_and_components",
)

_export(globals(), lazy=("PCA", "plt"))
