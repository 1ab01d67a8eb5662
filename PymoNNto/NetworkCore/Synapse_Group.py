"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Synapse_Group`` module: SynapseGroup from :mod:`engine`."""

import copy

import PymoNNto.NetworkCore.Base_Attachable_Modules as _base_attachable_modules
from engine import SynapseGroup
from PymoNNto._shim import export as _export

_export(globals(), _base_attachable_modules)
