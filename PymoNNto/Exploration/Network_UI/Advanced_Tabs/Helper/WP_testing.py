"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Advanced_Tabs.Helper.WP_testing`` module.

PymoNNto's version needs the mrestimator package and does not import without it; mnn-studio does
not provide it either, so importing it raises ImportError saying what to use instead.
"""

from PymoNNto._unavailable import unavailable_module as _unavailable_module
from PymoNNto._why import WILTING as _WHY

raise _unavailable_module(__name__, _WHY)
