"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Sequence_Activation_Tabs.sidebar_grammar_module``
module: the light tab classes sidebar_grammar_module_new, sidebar_module_quick_access (no Qt).
"""

import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_grammar_module_new, sidebar_module_quick_access

_export(globals(), _tabbase, _recorder)
