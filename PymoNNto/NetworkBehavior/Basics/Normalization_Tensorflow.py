"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Normalization_Tensorflow`` module.

PymoNNto's version needs tensorflow (it does not import without it). Here the module imports and
``Synaptic_Normalization_TF`` is a placeholder that says to use the NumPy ``Synaptic_Normalization``.
"""

import numpy as np

import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import TENSORFLOW as _WHY

_not_provided(globals(), why=_WHY, classes="Synaptic_Normalization_TF")
_export(globals(), _neuron_group, _behavior)
