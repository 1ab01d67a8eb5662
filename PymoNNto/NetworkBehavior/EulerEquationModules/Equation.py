"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.EulerEquationModules.Equation`` module: Equation from
:mod:`engine.library`.
"""

import PymoNNto.NetworkBehavior.EulerEquationModules.Helper as _helper
import PymoNNto.NetworkCore.Behavior as _behavior
from engine.library import Equation
from PymoNNto._shim import export as _export

_export(globals(), _behavior, _helper, lazy=("symbols",))
