"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Advanced_Tabs.Helper.WiltingPriesemann`` module:
placeholders for what mnn-studio does not provide (WILTING in :mod:`PymoNNto._why`).
"""

import numpy as np

from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import WILTING as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions=(
        "MR_estimation func get_slopes input_handler simulate_binomial_subsampling simulate_branching"
    ),
)

_export(globals(), lazy=("scipy",))
