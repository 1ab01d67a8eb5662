"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Normalization`` module: Synaptic_Normalization,
normalize_synapse_attr, normalize_synapse_attr_efferent from :mod:`engine.library`.
"""

import numpy as np

import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
from engine.library import Synaptic_Normalization, normalize_synapse_attr, normalize_synapse_attr_efferent
from PymoNNto._shim import export as _export

_export(globals(), _neuron_group, _behavior)
