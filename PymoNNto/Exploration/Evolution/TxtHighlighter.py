"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.TxtHighlighter`` module: the star names of the
modules it imports.
"""

import sys
