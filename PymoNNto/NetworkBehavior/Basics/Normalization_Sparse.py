"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Normalization_Sparse`` module:
normalize_synapse_attr_sparse from :mod:`engine.library`.
"""

import numpy as np

import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
from engine.library import normalize_synapse_attr_sparse
from PymoNNto._shim import export as _export

_export(globals(), _neuron_group)
