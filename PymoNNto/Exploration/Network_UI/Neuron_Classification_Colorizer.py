"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Neuron_Classification_Colorizer`` module:
placeholders for what mnn-studio does not provide (UI in :mod:`PymoNNto._why`).
"""

import PymoNNto.NetworkCore.Analysis_Module as _analysis_module
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    classes="Neuron_Classification_Colorizer",
)

_export(globals(), _analysis_module)
