"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Structure.Partition`` module: Partition from
:mod:`engine.compat.pymonnto_names`.
"""

import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from engine.compat.pymonnto_names import Partition
from PymoNNto._shim import export as _export

_export(globals(), _behavior, _synapse_group)
