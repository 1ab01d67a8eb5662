"""The PymoNNto 3.0.6 names added for issue 13 (part 3), in one place for the PymoNNto/ shims.

``from engine.compat.pymonnto_names import *`` gives: AnalysisModule and the ready-made analysis
modules, NeuronSubGroup, Partition and PymoNNto's structure helpers, and the
``Exploration.HelperFunctions`` functions (synapse matrices of partitioned groups, temporal
reconstruction, ever-finer grids, pickled network snapshots, the behavior test environment).
"""

from __future__ import annotations

from engine.compat.analysis_modules import (
    Classifier_base,
    Static_Classification,
    Weight_Classifier_Post,
    Weight_Classifier_Pre,
)
from engine.compat.helper_functions.iterator_functions import (
    infinite_resolution_1D,
    infinite_resolution_2D,
    infinite_resolution_3D,
)
from engine.compat.helper_functions.reconstruct_analyze_label import Reconstruct_Analyze_Label_Network
from engine.compat.helper_functions.reconstruction import (
    compute_temporal_reconstruction,
    generate_text_from_recon_mat,
)
from engine.compat.helper_functions.save_load import (
    add_compiled_code,
    add_to_compiled_save_list_and_get_save_str,
    base_obj_type,
    clear_compiled_code,
    compile_class,
    load_compiled_object,
    load_network,
    save_network,
)
from engine.compat.helper_functions.synapses_and_weights import (
    SingleNeuron_attached_SubSGs,
    get_combined_syn_mats,
    get_partitioned_synapse_matrix,
    get_single_neuron_combined_partition_matrix,
    get_unique_non_partitioned_Groups,
    set_partitioned_synapse_matrix,
)
from engine.compat.testing import behavior_test_environment
from engine.model.analysis_module import AnalysisModule
from engine.model.partition import Partition, rotation_matrix, vec_to_mat, vec_to_mat_transposed
from engine.model.subgroups import NeuronSubGroup

#: which PymoNNto 3.0.6 module defines each name (for the shims of PymoNNto's module paths)
PYMONNTO_MODULES: dict[str, tuple[str, ...]] = {
    "PymoNNto.NetworkCore.Analysis_Module": ("AnalysisModule",),
    "PymoNNto.NetworkCore.Neuron_Group": ("NeuronSubGroup",),
    "PymoNNto.NetworkBehavior.Structure.Partition": ("Partition",),
    "PymoNNto.NetworkBehavior.Structure.Structure": (
        "vec_to_mat",
        "vec_to_mat_transposed",
        "rotation_matrix",
    ),
    "PymoNNto.Exploration.HelperFunctions.Synapses_And_Weights": (
        "get_unique_non_partitioned_Groups",
        "get_partitioned_synapse_matrix",
        "set_partitioned_synapse_matrix",
        "SingleNeuron_attached_SubSGs",
        "get_single_neuron_combined_partition_matrix",
        "get_combined_syn_mats",
    ),
    "PymoNNto.Exploration.HelperFunctions.Reconstruction": (
        "compute_temporal_reconstruction",
        "generate_text_from_recon_mat",
    ),
    "PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label.Reconstruct_Analyze_Label": (
        "Reconstruct_Analyze_Label_Network",
    ),
    "PymoNNto.Exploration.HelperFunctions.Testing": ("behavior_test_environment",),
    "PymoNNto.Exploration.HelperFunctions.IteratorFunctions": (
        "infinite_resolution_1D",
        "infinite_resolution_2D",
        "infinite_resolution_3D",
    ),
    "PymoNNto.Exploration.HelperFunctions.Save_Load": (
        "compile_class",
        "base_obj_type",
        "add_to_compiled_save_list_and_get_save_str",
        "clear_compiled_code",
        "load_compiled_object",
        "add_compiled_code",
        "save_network",
        "load_network",
    ),
    "PymoNNto.Exploration.AnalysisModules.Static_Classification": ("Static_Classification",),
    "PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Base": ("Classifier_base",),
    "PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Pre": ("Weight_Classifier_Pre",),
    "PymoNNto.Exploration.AnalysisModules.Weight_Classifier_Post": ("Weight_Classifier_Post",),
}

__all__ = [
    "AnalysisModule",
    "NeuronSubGroup",
    "Partition",
    "vec_to_mat",
    "vec_to_mat_transposed",
    "rotation_matrix",
    "get_unique_non_partitioned_Groups",
    "get_partitioned_synapse_matrix",
    "set_partitioned_synapse_matrix",
    "SingleNeuron_attached_SubSGs",
    "get_single_neuron_combined_partition_matrix",
    "get_combined_syn_mats",
    "compute_temporal_reconstruction",
    "generate_text_from_recon_mat",
    "Reconstruct_Analyze_Label_Network",
    "behavior_test_environment",
    "infinite_resolution_1D",
    "infinite_resolution_2D",
    "infinite_resolution_3D",
    "compile_class",
    "base_obj_type",
    "add_to_compiled_save_list_and_get_save_str",
    "clear_compiled_code",
    "load_compiled_object",
    "add_compiled_code",
    "save_network",
    "load_network",
    "Static_Classification",
    "Classifier_base",
    "Weight_Classifier_Pre",
    "Weight_Classifier_Post",
]
