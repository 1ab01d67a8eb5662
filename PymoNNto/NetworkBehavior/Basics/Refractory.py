"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Refractory`` module: refractory from
:mod:`engine.library`.
"""

import PymoNNto as _pymonnto
from engine.library import refractory
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto)
