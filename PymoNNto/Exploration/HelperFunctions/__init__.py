"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions`` package: the star names of the modules it
imports.
"""

import PymoNNto.Exploration.HelperFunctions.Reconstruction as _reconstruction
import PymoNNto.Exploration.HelperFunctions.Synapses_And_Weights as _synapses_and_weights
import PymoNNto.Exploration.HelperFunctions.Testing as _testing
from PymoNNto._shim import export as _export

_export(globals(), _synapses_and_weights, _testing, _reconstruction)
