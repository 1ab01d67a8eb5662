"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.Analysis_Plots`` module: placeholders for what
mnn-studio does not provide (PLOTS in :mod:`PymoNNto._why`).
"""

import numpy as np

from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import PLOTS as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="get_t_vs_tp1_mat inhibition_excitation_scatter plot_t_vs_tp1",
)

_export(globals(), lazy=("plt",))
