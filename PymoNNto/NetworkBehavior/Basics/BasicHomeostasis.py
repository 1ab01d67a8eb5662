"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.BasicHomeostasis`` module: Instant_Homeostasis,
Time_Integration_Homeostasis from :mod:`engine.library`.
"""

import PymoNNto.NetworkCore.Behavior as _behavior
from engine.library import Instant_Homeostasis, Time_Integration_Homeostasis
from PymoNNto._shim import export as _export

_export(globals(), _behavior)
