"""PymoNNto 3.0.6's ``PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Base`` module:
Classifier_base from :mod:`engine.compat.pymonnto_names`.
"""

import PymoNNto as _pymonnto
from engine.compat.pymonnto_names import Classifier_base
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto, lazy=("sch", "pd"))
