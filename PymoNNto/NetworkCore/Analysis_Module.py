"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Analysis_Module`` module: AnalysisModule from
:mod:`engine.compat.pymonnto_names`.
"""

import inspect

import PymoNNto.NetworkCore.Base_Tagable_Object as _base_tagable_object
from engine.compat.pymonnto_names import AnalysisModule
from PymoNNto._shim import export as _export

_export(globals(), _base_tagable_object)
