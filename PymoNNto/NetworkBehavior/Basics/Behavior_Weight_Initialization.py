"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Behavior_Weight_Initialization`` module:
CreateWeights from :mod:`engine.library`.
"""

import PymoNNto as _pymonnto
from engine.library import CreateWeights
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto)
