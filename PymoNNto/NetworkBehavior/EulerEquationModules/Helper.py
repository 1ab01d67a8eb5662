"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.EulerEquationModules.Helper`` module: eq_split, myUnits,
remove_units from :mod:`engine.library`.
"""

from engine.library import eq_split, myUnits, remove_units
from PymoNNto._shim import export as _export

_export(globals(), lazy=("symbols", "units"), lazy_stars=("sympy.physics.units",))
