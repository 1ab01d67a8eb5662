"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.Pyplot_visualizer`` module.

It does not import in PymoNNto 3.0.6 either (it needs ``PymoNNto.NetworkBehavior.Input`` and
``PymoNNto.Exploration.Evolution_Old``, which 3.0.6 lacks); importing it raises ImportError saying
what to use instead.
"""

from PymoNNto._unavailable import unavailable_module as _unavailable_module
from PymoNNto._why import PLOTS as _WHY

raise _unavailable_module(__name__, "it needs modules PymoNNto 3.0.6 lacks; " + _WHY)
