"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Synapses_And_Weights`` module:
SingleNeuron_attached_SubSGs, get_combined_syn_mats, get_partitioned_synapse_matrix,
get_single_neuron_combined_partition_matrix, get_unique_non_partitioned_Groups,
set_partitioned_synapse_matrix from :mod:`engine.compat.pymonnto_names`.
"""

from engine.compat.pymonnto_names import (
    SingleNeuron_attached_SubSGs,
    get_combined_syn_mats,
    get_partitioned_synapse_matrix,
    get_single_neuron_combined_partition_matrix,
    get_unique_non_partitioned_Groups,
    set_partitioned_synapse_matrix,
)
from PymoNNto._core import CORE as _CORE
from PymoNNto._shim import export as _export

_export(
    globals(),
    *_CORE,
)
