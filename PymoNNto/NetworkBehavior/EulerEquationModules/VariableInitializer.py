"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.EulerEquationModules.VariableInitializer`` module:
Syn_Variable, Variable from :mod:`engine.library`.
"""

import PymoNNto.NetworkBehavior.EulerEquationModules.Helper as _helper
import PymoNNto.NetworkCore.Behavior as _behavior
from engine.library import Syn_Variable, Variable
from PymoNNto._shim import export as _export

_export(globals(), _behavior, _helper)
