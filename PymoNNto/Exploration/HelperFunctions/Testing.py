"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Testing`` module: behavior_test_environment
from :mod:`engine`.
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
from engine import behavior_test_environment
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
