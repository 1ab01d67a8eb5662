"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.code_execution_tab`` module: the light
tab classes code_execution_tab (no Qt).
"""

import os
from contextlib import redirect_stdout
from io import StringIO

import PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.syntax as _syntax
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.Visualization.Visualization_Helper as _visualization_helper
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import code_execution_tab

_export(globals(), _tabbase, _visualization_helper, _syntax)
