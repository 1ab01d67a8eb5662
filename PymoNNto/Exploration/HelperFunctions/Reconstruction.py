"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Reconstruction`` module:
compute_temporal_reconstruction, generate_text_from_recon_mat from :mod:`engine.compat.pymonnto_names`.
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
from engine.compat.pymonnto_names import compute_temporal_reconstruction, generate_text_from_recon_mat
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label import (
    Reconstruct_Analyze_Label as _reconstruct_analyze_label,
)

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
    _reconstruct_analyze_label,
)
