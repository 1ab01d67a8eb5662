"""The modules PymoNNto 3.0.6's package ``__init__`` star-imports, in its order.

Several of its modules (the package itself, Exploration.HelperFunctions.*) begin with the same
star imports; they export :data:`CORE` instead of listing the modules again.
"""

import PymoNNto.Exploration.StorageManager.StorageManager as _storage_manager
import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
import PymoNNto.NetworkBehavior.Structure.Partition as _partition
import PymoNNto.NetworkBehavior.Structure.Receptive_Fields as _receptive_fields
import PymoNNto.NetworkBehavior.Structure.Structure as _structure
import PymoNNto.NetworkCore.Analysis_Module as _analysis_module
import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Network as _network
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group

#: star-export sources, in the order PymoNNto's ``__init__`` imports them (later ones win)
CORE = (
    _storage_manager,
    _network,
    _behavior,
    _neuron_group,
    _synapse_group,
    _analysis_module,
    _structure,
    _partition,
    _receptive_fields,
    _recorder,
)
