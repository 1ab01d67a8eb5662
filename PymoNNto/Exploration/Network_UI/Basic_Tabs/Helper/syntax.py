"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.syntax`` module: the Python
syntax highlighter of PymoNNto's code tab (PyQt5). ``format`` is a placeholder and ``STYLES`` holds
no Qt text formats here.
"""

import sys

from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(globals(), why=_WHY, functions="format")
STYLES: dict[str, object] = {}  # PymoNNto's QTextCharFormat per token kind; no Qt here
