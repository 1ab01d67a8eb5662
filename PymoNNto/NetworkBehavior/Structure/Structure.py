"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Structure.Structure`` module: Grid, NeuronDimension,
NeuronGrid, getGrid, get_squared_dim from :mod:`engine`; rotation_matrix, vec_to_mat,
vec_to_mat_transposed from :mod:`engine.compat.pymonnto_names`.
"""

import math

import numpy as np

import PymoNNto.Exploration as Exploration  # PymoNNto's package star import gave its subpackages
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.NetworkBehavior as NetworkBehavior
import PymoNNto.NetworkCore as NetworkCore
import PymoNNto.NetworkCore.Analysis_Module as _analysis_module
import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Network as _network
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from engine import Grid, NeuronDimension, NeuronGrid, get_squared_dim, getGrid
from engine.compat.pymonnto_names import rotation_matrix, vec_to_mat, vec_to_mat_transposed
from PymoNNto._shim import export as _export

_export(globals(), _storagemanager, _network, _behavior, _neuron_group, _synapse_group, _analysis_module)
