"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Basics.Nox_diffusion`` module: NOX_Diffusion from
:mod:`engine.library`.
"""

import PymoNNto as _pymonnto
import PymoNNto.NetworkBehavior.Basics.BasicHomeostasis as _basichomeostasis
from engine.library import NOX_Diffusion
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto, _basichomeostasis)
