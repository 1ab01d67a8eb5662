"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.sidebar_save_load_module`` module: the
light tab classes sidebar_save_load_module (no Qt).
"""

import copy
import os
import pickle

import PymoNNto.Exploration.HelperFunctions.Save_Load as _save_load
import PymoNNto.Exploration.Network_UI.Basic_Tabs.info_tabs as _info_tabs
import PymoNNto.Exploration.Network_UI.TabBase as _tabbase
import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.NetworkCore.Base_Attachable_Modules as _base_attachable_modules
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Network_UI._tabs import sidebar_save_load_module

_export(globals(), _tabbase, _base_attachable_modules, _storagemanager, _info_tabs, _save_load)
