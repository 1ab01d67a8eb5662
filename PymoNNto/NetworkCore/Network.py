"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Network`` module: Network, SxD, DxS, float32, float64 (engine)."""

import copy
import sys
import time

import numpy as np

import PymoNNto.Exploration.Evolution.Interface_Functions as _interface_functions
import PymoNNto.NetworkCore.Base_Attachable_Modules as _base_attachable_modules
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from engine import DxS, Network, SxD, float32, float64
from PymoNNto._shim import export as _export

_export(globals(), _base_attachable_modules, _synapse_group, _interface_functions)
