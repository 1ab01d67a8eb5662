"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.Visualization_Helper`` module: placeholders for
what mnn-studio does not provide (PLOTS in :mod:`PymoNNto._why`).
"""

from math import *

import numpy as np

from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import PLOTS as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions=(
        "SpikeTrain_ISI dif_width_vstack get_RGB_neuron_weight_image "
        "get_RGB_neuron_weight_image_pattern get_bins get_distribution_markers "
        "get_group_block_mat_reconstruction_image get_reconstruction_activations "
        "get_whole_Network_weight_image plot_3D_histogram plot_histogram upscale vsplit"
    ),
)
