"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.EulerEquationModules.EulerClock`` module: Clock from
:mod:`engine.library`.
"""

import numpy as np

import PymoNNto.NetworkCore.Behavior as _behavior
from engine.library import Clock
from PymoNNto._shim import export as _export

_export(globals(), _behavior, lazy=("symbols",), lazy_stars=("sympy.physics.units",))
