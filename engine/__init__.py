"""mnn-studio engine: a NumPy neural-network simulator that runs PymoNNto scripts unchanged.

Only numpy is imported here; Qt, matplotlib and scipy are never needed by the engine.
"""
from engine.behavior import Behavior, Behaviour, deprecated_warning
from engine.constants import (DxS, SxD, afferent, aqua, axon, black, blue, dendrite, efferent,
                              float32, float64, green, orange, post, postSynaptic, pre,
                              preSynaptic, purple, red, white, yellow)
from engine.genome import (cast_to_default, execute_local_file, gene, get_evo_generation,
                           get_evo_id, get_evo_name, get_gene, get_gene_file, get_gene_mode,
                           get_genome, is_evolution_mode, reset_genome, set_genome, set_score,
                           update_evolution_parameters)
from engine.network import Network
from engine.neuron_group import NeuronGroup
from engine.recording import EventRecorder, Recorder
from engine.storage_manager import (SimpleStorageManager, StorageManager, StorageManagerGroup,
                                    add_project_root_path, create_folder_if_not_exist,
                                    get_data_folder, get_root_folder, get_settings,
                                    load_datapoints, zipDir)
from engine.structure import (Box_Receptive_Fields, Circle_Receptive_Fields, Grid, NeuronDimension,
                              NeuronGrid, Receptive_Fields, Remove_Autapses, get_squared_dim,
                              getGrid)
from engine.synapse_group import SynapseGroup
from engine.tagging import NetworkObjectBase, TaggableObjectBase
from engine.testing import behavior_test_environment
from engine.values import (UnknownDistributionError, ValueStringError, is_number,
                           lognormal_real_mean, lognormal_rm, uniform_gap)

__version__ = "0.1.0"


def __getattr__(name: str):
    # The runner lives in its own module; import it on first use.
    if name == "Runner":
        from engine.runner import Runner
        return Runner
    raise AttributeError(f"module 'engine' has no attribute {name!r}")


__all__ = [
    "Network", "NeuronGroup", "SynapseGroup", "Behavior", "Behaviour", "Recorder", "EventRecorder",
    "NeuronDimension", "Grid", "NeuronGrid", "get_squared_dim", "getGrid",
    "Receptive_Fields", "Box_Receptive_Fields", "Circle_Receptive_Fields", "Remove_Autapses",
    "afferent", "efferent", "pre", "preSynaptic", "dendrite", "post", "postSynaptic", "axon",
    "SxD", "DxS", "float32", "float64",
    "blue", "red", "green", "yellow", "purple", "aqua", "orange", "black", "white",
    "NetworkObjectBase", "TaggableObjectBase",
    "lognormal_real_mean", "lognormal_rm", "uniform_gap", "is_number", "deprecated_warning",
    "get_gene", "gene", "get_genome", "set_genome", "set_score", "get_gene_mode",
    "is_evolution_mode", "get_evo_name", "get_evo_id", "get_evo_generation", "get_gene_file",
    "cast_to_default", "execute_local_file", "update_evolution_parameters", "reset_genome",
    "StorageManager", "StorageManagerGroup", "SimpleStorageManager", "get_data_folder",
    "get_root_folder", "add_project_root_path", "create_folder_if_not_exist", "zipDir",
    "get_settings", "load_datapoints",
    "behavior_test_environment", "ValueStringError", "UnknownDistributionError", "Runner",
]
