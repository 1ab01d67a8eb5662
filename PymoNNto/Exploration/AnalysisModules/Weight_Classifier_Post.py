"""PymoNNto 3.0.6's ``PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Post`` module:
Weight_Classifier_Post from :mod:`engine.compat.pymonnto_names`.
"""

import PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Base as _weight_classifier_base
from engine.compat.pymonnto_names import Weight_Classifier_Post
from PymoNNto._shim import export as _export

_export(globals(), _weight_classifier_base)
