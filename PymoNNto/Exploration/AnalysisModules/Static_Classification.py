"""PymoNNto 3.0.6's ``PymoNNto.Exploration.AnalysisModules.Static_Classification`` module:
Static_Classification from :mod:`engine.compat.pymonnto_names`.
"""

import PymoNNto as _pymonnto
from engine.compat.pymonnto_names import Static_Classification
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto)
