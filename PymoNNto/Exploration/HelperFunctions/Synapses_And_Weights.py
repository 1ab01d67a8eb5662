"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Synapses_And_Weights`` module:
SingleNeuron_attached_SubSGs, get_combined_syn_mats, get_partitioned_synapse_matrix,
get_single_neuron_combined_partition_matrix, get_unique_non_partitioned_Groups,
set_partitioned_synapse_matrix from :mod:`engine.compat.pymonnto_names`.
"""

# ruff: noqa: F401

import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
import PymoNNto.NetworkBehavior.Structure.Partition as _partition
import PymoNNto.NetworkBehavior.Structure.Receptive_Fields as _receptive_fields
import PymoNNto.NetworkBehavior.Structure.Structure as _structure
import PymoNNto.NetworkCore.Analysis_Module as _analysis_module
import PymoNNto.NetworkCore.Behavior as _behavior
import PymoNNto.NetworkCore.Network as _network
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from engine.compat.pymonnto_names import (
    SingleNeuron_attached_SubSGs,
    get_combined_syn_mats,
    get_partitioned_synapse_matrix,
    get_single_neuron_combined_partition_matrix,
    get_unique_non_partitioned_Groups,
    set_partitioned_synapse_matrix,
)
from PymoNNto._shim import export as _export

_export(
    globals(),
    _storagemanager,
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
