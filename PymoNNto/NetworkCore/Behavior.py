"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Behavior`` module: Behavior, Behaviour from :mod:`engine`."""

import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
import PymoNNto.NetworkCore.Base_Tagable_Object as _base_tagable_object
from engine import Behavior, Behaviour
from PymoNNto._shim import export as _export

_export(globals(), _base_tagable_object, _interface_functions)
