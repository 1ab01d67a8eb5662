"""PymoNNto 3.0.6's ``PymoNNto.Exploration.AnalysisModules`` package: the star names of the modules it
imports.
"""

import PymoNNto.Exploration.AnalysisModules.Static_Classification as _static_classification
import PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Post as _weight_classifier_post
import PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Pre as _weight_classifier_pre
from PymoNNto._shim import export as _export

_export(globals(), _weight_classifier_pre, _weight_classifier_post, _static_classification)
