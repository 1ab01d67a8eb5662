"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Behavior_UI`` module: placeholders for what mnn-studio does
not provide (UI in :mod:`PymoNNto._why`).
"""

import hashlib
import os
import time

import numpy as np

import PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper.syntax as _syntax
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.Exploration.UI_Base as _ui_base
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="except_hook get_behaviors",
    classes="Behavior_Parser_Object",
)

_export(globals(), _storagemanager, _ui_base, _syntax)
