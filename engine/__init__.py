"""mnn-studio engine: a NumPy neural-network simulator that runs PymoNNto scripts unchanged.

Only numpy is imported here; Qt, matplotlib and scipy are never needed by the engine.
The rooms: :mod:`engine.model` (what a script builds), :mod:`engine.recording`,
:mod:`engine.runtime` (the Runner), :mod:`engine.io` (scripts, state files, export),
:mod:`engine.compat` (PymoNNto-only surface) and :mod:`engine.exceptions` (one error root).
"""

from engine.compat.deprecated import Behaviour
from engine.compat.evolution import (
    execute_local_file,
    get_evo_generation,
    get_evo_id,
    get_evo_name,
    get_gene_file,
    get_gene_mode,
    is_evolution_mode,
    set_score,
    update_evolution_parameters,
)
from engine.compat.storage_manager import (
    SimpleStorageManager,
    StorageManager,
    StorageManagerGroup,
    add_project_root_path,
    create_folder_if_not_exist,
    get_data_folder,
    get_root_folder,
    get_settings,
    load_datapoints,
    zipDir,
)
from engine.compat.testing import behavior_test_environment
from engine.exceptions import (
    EngineError,
    EngineWarning,
    NotInitializedWarning,
    UnknownDistributionError,
    ValueStringError,
)
from engine.model.behavior import Behavior, deprecated_warning
from engine.model.constants import (
    DxS,
    SxD,
    afferent,
    aqua,
    axon,
    black,
    blue,
    dendrite,
    efferent,
    float32,
    float64,
    green,
    orange,
    post,
    postSynaptic,
    pre,
    preSynaptic,
    purple,
    red,
    white,
    yellow,
)
from engine.model.genome import cast_to_default, gene, get_gene, get_genome, reset_genome, set_genome
from engine.model.network import Network
from engine.model.neuron_group import NeuronGroup
from engine.model.structure import (
    Box_Receptive_Fields,
    Circle_Receptive_Fields,
    Grid,
    NeuronDimension,
    NeuronGrid,
    Receptive_Fields,
    Remove_Autapses,
    get_squared_dim,
    getGrid,
)
from engine.model.synapse_group import SynapseGroup
from engine.model.tagging import NetworkObjectBase, TaggableObjectBase
from engine.model.values import is_number, lognormal_real_mean, lognormal_rm, uniform_gap
from engine.recording.recorders import EventRecorder, Recorder
from engine.runtime.runner import Runner

__version__ = "0.1.0"


__all__ = [
    "Network",
    "NeuronGroup",
    "SynapseGroup",
    "Behavior",
    "Behaviour",
    "Recorder",
    "EventRecorder",
    "NeuronDimension",
    "Grid",
    "NeuronGrid",
    "get_squared_dim",
    "getGrid",
    "Receptive_Fields",
    "Box_Receptive_Fields",
    "Circle_Receptive_Fields",
    "Remove_Autapses",
    "afferent",
    "efferent",
    "pre",
    "preSynaptic",
    "dendrite",
    "post",
    "postSynaptic",
    "axon",
    "SxD",
    "DxS",
    "float32",
    "float64",
    "blue",
    "red",
    "green",
    "yellow",
    "purple",
    "aqua",
    "orange",
    "black",
    "white",
    "NetworkObjectBase",
    "TaggableObjectBase",
    "lognormal_real_mean",
    "lognormal_rm",
    "uniform_gap",
    "is_number",
    "deprecated_warning",
    "get_gene",
    "gene",
    "get_genome",
    "set_genome",
    "set_score",
    "get_gene_mode",
    "is_evolution_mode",
    "get_evo_name",
    "get_evo_id",
    "get_evo_generation",
    "get_gene_file",
    "cast_to_default",
    "execute_local_file",
    "update_evolution_parameters",
    "reset_genome",
    "StorageManager",
    "StorageManagerGroup",
    "SimpleStorageManager",
    "get_data_folder",
    "get_root_folder",
    "add_project_root_path",
    "create_folder_if_not_exist",
    "zipDir",
    "get_settings",
    "load_datapoints",
    "behavior_test_environment",
    "ValueStringError",
    "UnknownDistributionError",
    "Runner",
    "EngineError",
    "EngineWarning",
    "NotInitializedWarning",
]
