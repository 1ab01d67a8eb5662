"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Structure.Receptive_Fields`` module:
Box_Receptive_Fields, Circle_Receptive_Fields, Receptive_Fields, Remove_Autapses from :mod:`engine`.
"""

import PymoNNto.NetworkBehavior.Structure.Structure as _structure
import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from engine import Box_Receptive_Fields, Circle_Receptive_Fields, Receptive_Fields, Remove_Autapses
from PymoNNto._shim import export as _export

_export(globals(), _structure, _behavior, _synapse_group)
